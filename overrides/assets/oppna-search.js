// Site search over the Pagefind index (built after MkDocs by macros/hooks.py).
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
    await pagefind.options({ excerptLength: 24 });
    pagefind.init();
    return pagefind;
  })();
  return loading;
}

function escape(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function words(data) {
  return data.content.split(/\s+/).filter(Boolean);
}

// An excerpt around a word position, with the matched words marked.
function excerpt(all, around, hits, length = 24) {
  const start = Math.max(0, around - Math.floor(length / 3));
  const marked = new Set(hits);
  return all.slice(start, start + length)
    .map((word, i) => (marked.has(start + i) ? `<mark>${escape(word)}</mark>` : escape(word)))
    .join(" ") + (start + length < all.length ? " …" : "");
}

// Group a page's hits under the nearest preceding anchor of ours.
function sections(data) {
  const anchors = (data.anchors || []).filter((a) => ANCHOR.test(a.id)).sort((a, b) => a.location - b.location);
  const all = words(data);
  const groups = new Map();
  for (const location of data.locations) {
    let anchor = null;
    for (const candidate of anchors) {
      if (candidate.location <= location) anchor = candidate;
      else break;
    }
    const key = anchor ? anchor.id : "";
    if (!groups.has(key)) groups.set(key, { anchor, hits: [] });
    groups.get(key).hits.push(location);
  }
  return [...groups.values()]
    .sort((a, b) => b.hits.length - a.hits.length)
    .slice(0, MAX_SECTIONS)
    .map(({ anchor, hits }) => {
      const kind = anchor ? KIND[anchor.id.split("-")[0]] : "";
      const title = anchor && anchor.text
        ? anchor.text
        : anchor ? all.slice(anchor.location, anchor.location + 10).join(" ") : data.meta.title;
      const url = anchor ? `${data.url.split("#")[0]}#${anchor.id}` : data.url;
      return { kind, title, url, excerpt: excerpt(all, hits[0], hits) };
    });
}

function render(results) {
  list.innerHTML = results.map(({ data, parts }) => `
    <li class="md-search-result__item">
      <a href="${escape(new URL(data.url.replace(/^\//, ""), base).href)}" class="md-search-result__link" tabindex="-1">
        <article class="md-search-result__article md-typeset">
          <h1>${escape(data.meta.title || "")}</h1>
        </article>
      </a>
      ${parts.map((part) => `
      <a href="${escape(new URL(part.url.replace(/^\//, ""), base).href)}" class="md-search-result__link op-search-section">
        <article class="md-search-result__article md-typeset">
          <h2>${part.kind ? `<span class="op-search-kind">${escape(part.kind)}</span> ` : ""}${escape(part.title)}</h2>
          <p>${part.excerpt}</p>
        </article>
      </a>`).join("")}
    </li>`).join("");
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
    list.innerHTML = "";
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
list.addEventListener("click", (event) => {
  if (event.target.closest("a")) toggle.checked = false;
});
