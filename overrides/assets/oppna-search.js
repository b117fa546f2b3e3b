// Site search over the Pagefind index (built after MkDocs by macros/site/hooks.py): the
// bundle of the site-wide pages, pagefind/, with one bundle per region, pagefind/<region>/,
// merged into it, so that one search covers every region.
//
// Pagefind stems Swedish words (tandvården finds tandvård) and matches the last
// word typed as a prefix (kariesfr finds kariesfria), loading only the index
// chunks a query needs. Each result leads to the goal, indicator, sub-goal,
// assignment or § that matched: the nearest element with an id of ours before
// the hit, not just the top of a long page.

const ANCHOR = /^(indikator|mal|delmal|uppdrag|paragraf|malomrade|kapitel|bilaga|tabell|malstruktur)-/;
const KIND = {
  indikator: "Indikator", mal: "Mål", delmal: "Delmål", uppdrag: "Uppdrag", paragraf: "Paragraf",
  malomrade: "Målområde", kapitel: "Kapitel", bilaga: "Bilaga", tabell: "Tabell", malstruktur: "Regionplanens mål",
};
// For every bundle. Result addresses relative to the site's root ("/"), which href() resolves
// against the site's base: the same for every bundle, also on a site published under a path.
const OPTIONS = { excerptLength: 24, baseUrl: "/" };
const MAX_RESULTS = 10;
const MAX_SECTIONS = 4;

const input = document.getElementById("op-search-input");
const status = document.getElementById("op-search-status");
const list = document.querySelector("#op-search-results .md-search-result__list");
const toggle = document.getElementById("__search");
const base = new URL(JSON.parse(document.getElementById("__config").textContent).base + "/", location.href);

// One shared promise: keystrokes that arrive while Pagefind loads wait for the same load.
let loading = null;
function engine() {
  loading ??= (async () => {
    const pagefind = await import(new URL("pagefind/pagefind.js", base).href);
    await pagefind.options(OPTIONS);
    pagefind.init();
    const regions = document.querySelector(".op-search").dataset.regions.split(" ").filter(Boolean);
    await Promise.all(regions.map((id) => pagefind.mergeIndex(new URL(`pagefind/${id}/`, base).href, OPTIONS)));
    return pagefind;
  })();
  return loading;
}

function words(data) {
  return data.content.split(/\s+/).filter(Boolean);
}

// An element: tag, class, children (strings become text nodes, never markup).
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((c) => c !== null && c !== ""));
  return node;
}

// An excerpt around a word position, the matched words in <mark>: built from text nodes.
function excerpt(all, around, hits, length = 24) {
  const start = Math.max(0, around - Math.floor(length / 3));
  const marked = new Set(hits);
  const p = el("p", "");
  all.slice(start, start + length).forEach((word, i) => {
    if (i) p.append(" ");
    if (!marked.has(start + i)) return p.append(word);
    const [, core, tail] = /^(.*?)([.,:;!?)]*)$/u.exec(word);  // punctuation stays outside the mark
    p.append(el("mark", "", core || word), core ? tail : "");
  });
  if (start + length < all.length) p.append(" …");
  return p;
}

// An item's name as search read it: from its anchor to the end of its first sentence (the
// templates write the name as a block, so the index ends it with a full stop).
function nameAt(all, location, max = 30) {
  const out = [];
  for (let i = location; i < Math.min(all.length, location + max); i++) {
    out.push(all[i]);
    if (/[.!?]$/.test(all[i])) break;
  }
  return out.join(" ").replace(/\.$/, "");
}

// Our anchors of a page, each with where its own text starts and its name. A sub-goal's
// first indicator row starts where the sub-goal does: its own text starts after the name.
function ourAnchors(data, all) {
  const anchors = (data.anchors || []).filter((a) => ANCHOR.test(a.id)).map((a) => ({ ...a, start: a.location }));
  const groups = anchors.filter((a) => a.element === "tbody");
  for (const a of anchors) {
    if (a.element !== "tr") continue;
    const group = groups.find((g) => g.location === a.location);
    if (group) a.start = a.location + nameAt(all, a.location).split(" ").length;
  }
  for (const a of anchors) {
    a.name = /^h[1-6]$/.test(a.element) && a.text ? a.text : nameAt(all, a.start, a.element === "tr" || a.element === "tbody" ? 30 : 12);
  }
  // A section of a § (paragraf-p93-beslutsunderlag) is named with its §: "§ 93 Årlig … – Beslutsunderlag".
  const byId = new Map(anchors.map((a) => [a.id, a]));
  for (const a of anchors) {
    const parent = /^(paragraf-[^-]+)-/.exec(a.id);
    if (parent && byId.has(parent[1])) a.name = `${byId.get(parent[1]).name} – ${a.name}`;
  }
  return anchors.sort((a, b) => a.start - b.start);
}

// Group a page's hits under the nearest preceding anchor of ours.
function sections(data) {
  const all = words(data);
  const anchors = ourAnchors(data, all);
  const groups = new Map();
  for (const location of data.locations) {
    let anchor = null;
    for (const candidate of anchors) {
      if (candidate.start <= location) anchor = candidate;
      else break;
    }
    const key = anchor ? anchor.id : "";
    if (!groups.has(key)) groups.set(key, { anchor, hits: [] });
    groups.get(key).hits.push(location);
  }
  // Best first: the item that has the most of the searched words (not the one that repeats
  // "av" most often), an item before the top of the page, then the number of hits.
  // The searched words side by side (an exact name) count before words scattered over a chapter.
  const key = (h) => all[h].toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const terms = new Set(data.locations.map(key)).size;
  const distinct = (hits) => new Set(hits.map(key)).size;
  const together = (g) => Math.max(...g.hits.map((h) => distinct(g.hits.filter((x) => x >= h && x < h + terms + 2))));
  return [...groups.values()]
    .sort((a, b) => together(b) - together(a) || distinct(b.hits) - distinct(a.hits)
      || (b.anchor ? 1 : 0) - (a.anchor ? 1 : 0) || b.hits.length - a.hits.length)
    .slice(0, MAX_SECTIONS)
    .map(({ anchor, hits }) => {
      const kind = anchor ? KIND[anchor.id.split("-")[0]] : "";
      const title = anchor ? anchor.name : data.meta.title;
      const url = anchor ? `${data.url.split("#")[0]}#${anchor.id}` : data.url;
      const found = [...new Set(hits.map((h) => all[h].replace(/[^\p{L}\p{N}-]/gu, "")))].filter(Boolean);
      return { kind, title, url, found, excerpt: excerpt(all, hits[0], hits) };
    });
}

function href(url) {
  return new URL(url.replace(/^\//, ""), base).href;
}

function render(results) {
  list.replaceChildren(...results.map(({ data, parts }) => {
    const item = el("li", "md-search-result__item");
    const where = [data.meta.region, data.meta.kind].filter(Boolean).join(" · ");
    const page = el("a", "md-search-result__link",
      el("article", "md-search-result__article md-typeset",
        el("p", "op-search-where", where), el("h1", "", data.meta.title || "")));
    page.href = href(data.url);
    page.tabIndex = -1;
    item.append(page);
    for (const part of parts) {
      const link = el("a", "md-search-result__link op-search-section",
        el("article", "md-search-result__article md-typeset",
          el("h2", "", part.kind ? el("span", "op-search-kind", part.kind) : "", part.kind ? " " : "", part.title),
          part.excerpt));
      link.href = href(part.url);
      link.dataset.found = part.found.join(" ");
      item.append(link);
    }
    return item;
  }));
}

// Swedish Snowball stemming leaves the definite neuter "-et" on (hyrberoendet stays,
// hyrberoende becomes hyrberoend), so a word ending in -et/-ets is also searched
// without it, and the two result lists are merged.
function variant(query) {
  return query.split(/\s+/)
    .map((word) => (/^[\p{L}]{5,}ets?$/iu.test(word) ? word.replace(/ets?$/i, "") : word))
    .join(" ");
}

function merge(lists) {
  const byUrl = new Map();
  for (const list of lists) {
    for (const data of list) {
      const seen = byUrl.get(data.url);
      if (!seen) byUrl.set(data.url, { ...data, locations: [...data.locations] });
      else seen.locations = [...new Set([...seen.locations, ...data.locations])].sort((a, b) => a - b);
    }
  }
  return [...byUrl.values()];
}

let latest = 0;
async function run(query) {
  const ticket = ++latest;
  if (!query.trim()) {
    status.textContent = "Skriv för att söka";
    list.replaceChildren();
    return;
  }
  const pf = await engine();
  const first = await pf.debouncedSearch(query, {}, 150);
  if (first === null || ticket !== latest) return; // a newer query superseded this one
  const other = variant(query);
  const searches = other === query ? [first] : [first, await pf.search(other)];
  const lists = await Promise.all(searches.map((s) => Promise.all(s.results.slice(0, MAX_RESULTS).map((r) => r.data()))));
  if (ticket !== latest) return;
  const found = merge(lists).slice(0, MAX_RESULTS);
  const results = found.map((data) => ({ data, parts: sections(data) }));
  const count = found.length;
  status.textContent = count === 0 ? "Inga träffar" : count === 1 ? "1 sida med träffar" : `${count} sidor med träffar`;
  render(results);
}

input.addEventListener("input", () => run(input.value));
input.addEventListener("focus", () => { toggle.checked = true; });
input.form.addEventListener("reset", () => { run(""); input.focus(); });

function links() {
  return [...list.querySelectorAll("a.op-search-section")];
}

document.addEventListener("keydown", (event) => {
  const inSearch = toggle.checked;
  if (!inSearch && (event.key === "/" || event.key === "s") && !/input|textarea|select/i.test(event.target.tagName)) {
    event.preventDefault();
    input.focus();
    return;
  }
  if (!inSearch) return;
  if (event.key === "Escape") {
    toggle.checked = false;
    input.blur();
    return;
  }
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    const all = links();
    if (!all.length) return;
    event.preventDefault();
    const index = all.indexOf(document.activeElement);
    const next = event.key === "ArrowDown" ? Math.min(index + 1, all.length - 1) : index - 1;
    (next < 0 ? input : all[next]).focus();
  }
});

// Opening a result closes the search, also when it only moves to an anchor on this page.
// The words found travel along in ?highlight= (this origin only) to be marked there.
list.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link) return;
  toggle.checked = false;
  if (!link.dataset.found || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const target = new URL(link.href);
  target.searchParams.set("highlight", link.dataset.found);
  location.assign(target.href);
});

// On the page reached: mark the words found, then take ?highlight= out of the address so
// that a copied or bookmarked address is the item's permanent one.
function highlight() {
  const params = new URLSearchParams(location.search);
  const wanted = (params.get("highlight") || "").toLowerCase().split(/\s+/).filter(Boolean);
  if (!wanted.length) return;
  params.delete("highlight");
  const query = params.toString();
  history.replaceState(history.state, "", location.pathname + (query ? `?${query}` : "") + location.hash);
  const article = document.querySelector("article.md-content__inner");
  if (!article) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest(".op-permalink, .headerlink, .op-sr-only, script, style")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const text = node.textContent;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      parts.push(text.slice(last, match.index), el("mark", "op-highlight", match[0]));
      last = match.index + match[0].length;
    }
    parts.push(text.slice(last));
    node.replaceWith(...parts.filter((p) => p !== ""));
  }
}
highlight();
