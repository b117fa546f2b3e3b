// "Länk hit": the # beside every goal, indicator, assignment and § copies the
// item's permanent address, and still moves to the item (the link works without
// JavaScript too). The address is built on the page's canonical URL, so it is the
// published one even when the page is read from a copy or a preview.

const status = document.createElement("div");
status.className = "op-copied";
status.setAttribute("role", "status");
status.setAttribute("aria-live", "polite");
document.body.append(status);

function permanentAddress(link) {
  const canonical = document.querySelector('link[rel="canonical"]');
  const page = canonical ? canonical.href : location.href.split("#")[0];
  return page.split("#")[0] + link.getAttribute("href");
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }
}

let hide = 0;
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a.op-permalink, a.headerlink");
  if (!link || !link.getAttribute("href").startsWith("#")) return;
  const address = permanentAddress(link);
  const copied = await copy(address);
  // The status region is polite and live: screen readers announce the sentence.
  status.textContent = copied ? `Adressen är kopierad: ${address}` : `Permanent adress: ${address}`;
  status.classList.add("op-copied--visible");
  clearTimeout(hide);
  hide = setTimeout(() => status.classList.remove("op-copied--visible"), 4000);
});
