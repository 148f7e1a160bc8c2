/* The searchable page: search, filters, sorting, URL state and permalinks over the cards that
   index.html already holds; without this script the page simply lists every model.
   An ES module in two layers: pure functions, exported and unit-tested (tests/js/, run with
   `node --test`), and below them the DOM layer, which reads the page and writes the view. The
   page embeds this text as an inline module, because a browser refuses a module file from
   file://; the DOM layer starts only where there is a document.
   It never inserts markup made from data: highlights are text nodes and <mark> elements. */

// --- The view's state and its address -------------------------------------------------------

/** Each control's value when nothing is chosen; the address leaves these out. */
export const DEFAULTS = Object.freeze({
  q: "",
  category: "",
  connector: "",
  year: "",
  sort: "name",
});
export const KEYS = Object.freeze(Object.keys(DEFAULTS));

/**
 * Read a view from a query string: the known keys only, the defaults for the others. A value
 * that `choices` does not offer for its key (a select's options) gives that key's default.
 */
export function decodeState(search, choices = {}) {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULTS };
  for (const key of KEYS) {
    const value = params.get(key);
    const offered = choices[key];
    if (value !== null && (offered === undefined || offered.includes(value))) state[key] = value;
  }
  return state;
}

/** Write a view as a query string ("?q=…", "" for the defaults): what differs, in key order. */
export function encodeState(state) {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    if (state[key] !== DEFAULTS[key]) params.set(key, state[key]);
  }
  const search = params.toString();
  return search ? "?" + search : "";
}

/** The address showing `state` at `where` ({pathname, search, hash}); null when unchanged. */
export function addressFor(where, state) {
  const url = where.pathname + encodeState(state) + where.hash;
  return url === where.pathname + where.search + where.hash ? null : url;
}

// --- Searching -------------------------------------------------------------------------------

/** The words a query asks for: split at white space, lower-cased, each once, in query order. */
export function termsOf(query) {
  return [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
}

/** What a card's search looks in: every field's text in lower case, one field a line. */
export function searchText(texts) {
  return texts.join("\n").toLowerCase();
}

/** Whether a card ({slug, category, connector, year, text}) is shown for a view and its
 * terms; a card's connector is its connectors, a space between two. `only`, a matrix cell's
 * slugs (a Set) or null, keeps only those cards. */
export function matcher(state, terms, only = null) {
  const { category, connector, year } = state;
  return (card) =>
    (!only || only.has(card.slug)) &&
    (!category || card.category === category) &&
    (!connector || card.connector.split(" ").includes(connector)) &&
    (!year || card.year === year) &&
    terms.every((term) => card.text.includes(term));
}

/**
 * Whether a search for `terms` can only shrink the results of a search for `before`: every
 * earlier term lies inside a new one (typing on at the end of the query, say).
 */
export function narrows(terms, before) {
  return before.every((old) => terms.some((term) => term.includes(old)));
}

/** Whether the view's results lie within those of the last search, so only they need a look. */
export function canNarrow(last, state, terms, only = null) {
  return (
    last !== null &&
    last.only === only &&
    last.category === state.category &&
    last.connector === state.connector &&
    last.year === state.year &&
    narrows(terms, last.terms)
  );
}

// --- Highlighting ----------------------------------------------------------------------------

/** One pattern for every term, longest first so a longer term wins; null without terms. */
export function patternOf(terms) {
  if (!terms.length) return null;
  const longestFirst = [...terms].sort((a, b) => b.length - a.length);
  const escaped = longestFirst.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(escaped.join("|"), "gi");
}

/** Cut text into runs ({text, mark}) where the pattern matches; [] when nothing does. */
export function highlights(text, pattern) {
  const runs = [];
  if (!pattern) return runs;
  let done = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > done) runs.push({ text: text.slice(done, match.index), mark: false });
    runs.push({ text: match[0], mark: true });
    done = match.index + match[0].length;
  }
  if (runs.length && done < text.length) runs.push({ text: text.slice(done), mark: false });
  return runs;
}

/** The runs as text nodes and <mark> elements of `doc`: data is only ever text, never markup. */
export function fragmentOf(doc, runs) {
  const fragment = doc.createDocumentFragment();
  for (const run of runs) {
    if (run.mark) {
      const mark = doc.createElement("mark");
      mark.textContent = run.text;
      fragment.appendChild(mark);
    } else {
      fragment.appendChild(doc.createTextNode(run.text));
    }
  }
  return fragment;
}

// --- Sorting and the words shown --------------------------------------------------------------

/** The cards in a sort's order: as the page lists them (by name), newest first by rank, or
 * largest first by size rank. */
export function ordered(cards, sort) {
  const sorted = [...cards];
  if (sort === "released") sorted.sort((a, b) => a.rank - b.rank);
  else if (sort === "size") sorted.sort((a, b) => a.sizeRank - b.sizeRank);
  return sorted;
}

// --- Comparing -------------------------------------------------------------------------------

/** The most models the compare view shows side by side. */
export const MOST_COMPARED = 4;
const COMPARE = "#compare=";

/**
 * The models an address's fragment asks to compare ("#compare=a,b"): the slugs `known` has
 * (a Set), each once, in order, at most MOST_COMPARED; [] for any other fragment.
 */
export function comparedIn(hash, known) {
  if (!hash.startsWith(COMPARE)) return [];
  const slugs = [];
  for (const part of hash.slice(COMPARE.length).split(",")) {
    let slug;
    try {
      slug = decodeURIComponent(part);
    } catch {
      continue; // a malformed escape names no model
    }
    if (known.has(slug) && !slugs.includes(slug)) slugs.push(slug);
  }
  return slugs.slice(0, MOST_COMPARED);
}

/** The fragment for the models compared: "#compare=a,b", or "" for none. */
export function compareHash(slugs) {
  return slugs.length ? COMPARE + slugs.map(encodeURIComponent).join(",") : "";
}

/** The selection after a model's button is pressed: it leaves, or joins while there is room. */
export function toggled(slugs, slug) {
  if (slugs.includes(slug)) return slugs.filter((s) => s !== slug);
  return slugs.length < MOST_COMPARED ? [...slugs, slug] : slugs;
}

/** Every label of the models' rows ([[label, value], ...] each), once, in first-seen order. */
export function rowLabels(models) {
  const labels = [];
  for (const rows of models) {
    for (const [label] of rows) if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** What the compare view says of a selection of `count` models. */
export function compareNote(count, refused = false) {
  if (refused) return "At most " + MOST_COMPARED + " models: remove one to add another.";
  if (count < 2) return "Pick another model to compare (up to " + MOST_COMPARED + ").";
  return "Comparing " + count + " models.";
}

/** Cut items into consecutive groups of the given sizes. */
export function regroup(items, sizes) {
  let next = 0;
  return sizes.map((size) => items.slice(next, (next += size)));
}

/** A count with its noun: "1 model", "2 models". */
export function plural(count, one, many) {
  return count + " " + (count === 1 ? one : many);
}

/** The status line: how many models the view shows, of how many. */
export function countText(shown, total) {
  return "Showing " + shown + " of " + plural(total, "model", "models");
}

/** The note beside a card's folded part: how many matches it hides ("" for none). */
export function hitsNote(inside) {
  return inside ? " (" + plural(inside, "match", "matches") + ")" : "";
}

// --- The DOM layer ---------------------------------------------------------------------------

const INDEX_SLICE = 500; // cards read per background task after start-up
const URL_DELAY = 300; // ms without a change before the address shows the view

/** The cards of the groups in `list`, with what the filters and sorting read; the lookups. */
function readCards(list) {
  const cards = [];
  const chunks = [];
  const bySlug = new Map();
  const byElement = new Map(); // a card's element to the card, a group's to the group
  for (const el of list.children) {
    const chunk = { el, cards: [], size: 0, shown: 0 };
    for (const cardEl of el.children) {
      const card = {
        el: cardEl,
        chunk,
        slug: cardEl.getAttribute("data-slug"),
        category: cardEl.getAttribute("data-category"),
        connector: cardEl.getAttribute("data-connector"),
        year: cardEl.getAttribute("data-year"),
        rank: Number(cardEl.getAttribute("data-rank")),
        sizeRank: Number(cardEl.getAttribute("data-size")),
        shown: !cardEl.hidden,
        fields: null, // the elements holding each field's text, read by readText()
        texts: null,
        pristine: null, // a copy of each field that holds markup, null for plain text
        text: "", // what the search looks in
        marked: "", // the terms the highlights show
        dirty: null, // which fields hold highlights
      };
      chunk.cards.push(card);
      if (card.shown) chunk.shown++;
      cards.push(card);
      byElement.set(cardEl, card);
      bySlug.set(cardEl.getAttribute("data-slug"), card);
    }
    chunk.size = chunk.cards.length;
    chunks.push(chunk);
    byElement.set(el, chunk);
  }
  return { cards, chunks, bySlug, byElement };
}

function readText(card) {
  if (card.fields) return;
  card.fields = Array.from(card.el.getElementsByClassName("f"));
  card.texts = card.fields.map((field) => field.textContent);
  // A field holding markup (a block of the deep dive) keeps a copy, to be marked in its text
  // nodes so that its links and emphasis stay.
  card.pristine = card.fields.map((field) =>
    field.firstElementChild ? field.cloneNode(true) : null
  );
  card.text = searchText(card.texts);
}

/** A copy of a field's pristine children with the pattern's matches marked; and their count. */
function markedCopy(pristine, pattern) {
  const copy = pristine.cloneNode(true);
  const doc = copy.ownerDocument;
  const walker = doc.createTreeWalker(copy, 4); // NodeFilter.SHOW_TEXT
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let marks = 0;
  for (const node of nodes) {
    const runs = highlights(node.data, pattern);
    if (!runs.length) continue;
    marks += runs.filter((run) => run.mark).length;
    node.replaceWith(fragmentOf(doc, runs));
  }
  return { nodes: copy.childNodes, marks };
}

/** Show the pattern's matches in a card, or its plain text again; count the folded ones. */
function highlight(card, pattern, key) {
  if (card.marked === key) return;
  card.marked = key;
  readText(card);
  let inside = 0;
  let details = null;
  card.fields.forEach((field, j) => {
    const runs = highlights(card.texts[j], pattern);
    const pristine = card.pristine[j];
    if (runs.length) {
      let found = runs.filter((run) => run.mark).length;
      if (pristine) {
        const marked = markedCopy(pristine, pattern);
        field.replaceChildren(...marked.nodes);
        found = marked.marks;
      } else {
        field.replaceChildren(fragmentOf(field.ownerDocument, runs));
      }
      (card.dirty ??= [])[j] = true;
      details ??= card.el.querySelector("details");
      if (details && details.contains(field)) inside += found;
    } else if (card.dirty && card.dirty[j]) {
      if (pristine) field.replaceChildren(...pristine.cloneNode(true).childNodes);
      else field.textContent = card.texts[j];
      card.dirty[j] = false;
    }
  });
  const note = card.el.querySelector(".hits");
  const said = hitsNote(inside);
  if (note && note.textContent !== said) note.textContent = said;
}

/**
 * Call `onNear` for each card that comes near the viewport. Cards are watched only while their
 * group is near: a few hundred targets, not thousands.
 */
function watchNearness(chunks, byElement, onNear) {
  const nearChunks = new Set();
  const nearCards = new Set();
  const cardObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const card = byElement.get(entry.target);
        if (entry.isIntersecting) {
          nearCards.add(card);
          onNear(card);
        } else {
          nearCards.delete(card);
        }
      }
    },
    { rootMargin: "50% 0px" }
  );
  const watch = (chunk) => chunk.cards.forEach((card) => cardObserver.observe(card.el));
  const chunkObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const chunk = byElement.get(entry.target);
        if (entry.isIntersecting) {
          nearChunks.add(chunk);
          watch(chunk);
        } else {
          nearChunks.delete(chunk);
          for (const card of chunk.cards) {
            cardObserver.unobserve(card.el);
            nearCards.delete(card);
          }
        }
      }
    },
    { rootMargin: "100% 0px" }
  );
  chunks.forEach((chunk) => chunkObserver.observe(chunk.el));
  return {
    cards: nearCards,
    // After sorting, the near groups hold other cards.
    rewatch() {
      cardObserver.disconnect();
      nearCards.clear();
      nearChunks.forEach(watch);
    },
  };
}

function resize(chunk) {
  chunk.el.hidden = chunk.shown === 0;
  chunk.el.style.setProperty("--cards", String(chunk.shown));
  chunk.el.classList.add("resized");
}

/** Refill the groups in the sort's order, each with as many cards as it had. */
function sortCards(doc, cards, chunks, sort) {
  const groups = regroup(ordered(cards, sort), chunks.map((chunk) => chunk.size));
  chunks.forEach((chunk, i) => {
    const fragment = doc.createDocumentFragment();
    chunk.cards = groups[i];
    chunk.shown = 0;
    for (const card of chunk.cards) {
      card.chunk = chunk;
      if (card.shown) chunk.shown++;
      fragment.appendChild(card.el);
    }
    chunk.el.appendChild(fragment);
    resize(chunk);
  });
}

/** Show exactly the cards `keep` accepts, touching only those whose visibility changes. */
function show(pool, keep) {
  const kept = [];
  const changed = new Set();
  for (const card of pool) {
    const ok = keep(card);
    if (ok) kept.push(card);
    if (card.shown !== ok) {
      card.shown = ok;
      card.el.hidden = !ok;
      card.chunk.shown += ok ? 1 : -1;
      changed.add(card.chunk);
    }
  }
  changed.forEach(resize);
  return kept;
}

/** A row of the compare view: each model's cell a copy of a fact's value (a <dd>'s children)
 * or of a section (its <dl>, or the deep dive's <div>), or "not recorded". */
function compareRow(doc, label, cells) {
  const tr = doc.createElement("tr");
  const th = doc.createElement("th");
  th.scope = "row";
  th.textContent = label;
  tr.appendChild(th);
  for (const node of cells) {
    const td = doc.createElement("td");
    if (node && node.tagName === "DD") td.append(...Array.from(node.cloneNode(true).childNodes));
    else if (node) td.appendChild(node.cloneNode(true));
    else {
      td.className = "no";
      td.textContent = "not recorded";
    }
    tr.appendChild(td);
  }
  return tr;
}

/** A card's facts and sections as [label, element] rows, read from the page's own markup. */
function compareRows(card) {
  const rows = [];
  for (const div of card.el.querySelectorAll(".facts > div")) {
    const dd = div.querySelector("dd");
    rows.push([div.querySelector("dt").textContent, dd.className === "no" ? null : dd]);
  }
  const prose = card.el.querySelector(".prose");
  if (prose) rows.push(["Deep dive", prose]);
  for (const h3 of card.el.querySelectorAll("details h3")) {
    rows.push([h3.textContent, h3.nextElementSibling]);
  }
  return rows;
}

/** The compare view's table of the cards, side by side: their names, facts and sections. */
function compareTable(doc, picked) {
  const models = picked.map(compareRows);
  const table = doc.createElement("table");
  const head = table.createTHead().insertRow();
  const corner = doc.createElement("th");
  corner.textContent = "Model";
  head.appendChild(corner);
  for (const card of picked) {
    const th = doc.createElement("th");
    th.scope = "col";
    const link = doc.createElement("a");
    link.href = "#" + card.slug;
    link.textContent = card.el.querySelector("h2").textContent;
    const remove = doc.createElement("button");
    remove.type = "button";
    remove.className = "unpick";
    remove.dataset.slug = card.slug;
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove " + link.textContent + " from the comparison");
    th.append(link, " ", remove);
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const label of rowLabels(models)) {
    const cells = models.map((rows) => (rows.find(([l]) => l === label) || [label, null])[1]);
    body.appendChild(compareRow(doc, label, cells));
  }
  return table;
}

/**
 * The compare view: the buttons on the cards pick two to four models, kept in the address's
 * fragment (#compare=a,b) so that the view can be shared and reloaded.
 */
function startCompare(doc, win, list, bySlug) {
  const section = doc.getElementById("site_compare");
  if (!section) return () => {};
  const note = doc.getElementById("site_compare_note");
  const place = doc.getElementById("site_compare_table");
  let slugs = [];
  const render = (refused = false) => {
    section.hidden = slugs.length === 0;
    note.textContent = compareNote(slugs.length, refused);
    const picked = slugs.map((slug) => bySlug.get(slug));
    place.replaceChildren(...(picked.length > 1 ? [compareTable(doc, picked)] : []));
  };
  const select = (next, refused = false) => {
    const before = new Set(slugs);
    slugs = next;
    for (const slug of new Set([...before, ...slugs])) {
      const button = bySlug.get(slug).el.querySelector(".pick");
      button.setAttribute("aria-pressed", String(slugs.includes(slug)));
    }
    render(refused);
  };
  const writeHash = () => {
    const where = win.location;
    const url = where.pathname + where.search + compareHash(slugs);
    try {
      win.history.replaceState(win.history.state, "", url);
    } catch {
      // As for the filters: the view works where the address cannot change.
    }
  };
  const pick = (slug) => {
    const next = toggled(slugs, slug);
    select(next, next === slugs);
    writeHash();
  };
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button.pick");
    if (button) pick(button.closest("[data-slug]").getAttribute("data-slug"));
  });
  place.addEventListener("click", (event) => {
    const button = event.target.closest("button.unpick");
    if (button) pick(button.dataset.slug);
  });
  doc.getElementById("site_compare_clear").addEventListener("click", () => {
    select([]);
    writeHash();
  });
  // The fragment, read at start and whenever it changes to one naming models to compare.
  return () => {
    if (win.location.hash.startsWith("#compare=")) {
      select(comparedIn(win.location.hash, bySlug));
      if (slugs.length) section.scrollIntoView({ block: "start" });
    }
  };
}

/**
 * The matrix views: a switch shows one of them; a cell's button shows only its models (its
 * `data-slugs`), pressed again or "Show all models" shows every model again.
 */
function startMatrix(doc, setOnly) {
  const view = doc.getElementById("site_matrix");
  if (!view) return () => {};
  const matrices = Array.from(view.querySelectorAll(".matrix"));
  const switchTo = (key) => matrices.forEach((m) => (m.hidden = m.dataset.matrix !== key));
  const checked = view.querySelector("input[name=site_matrix]:checked");
  if (checked) switchTo(checked.value);
  view.addEventListener("change", (event) => {
    if (event.target.name === "site_matrix") switchTo(event.target.value);
  });
  const note = doc.getElementById("site_cell");
  let pressed = null;
  const clear = () => {
    if (pressed) pressed.setAttribute("aria-pressed", "false");
    pressed = null;
    note.hidden = true;
    setOnly(null);
  };
  view.addEventListener("click", (event) => {
    const button = event.target.closest("button.cell");
    if (!button) return;
    if (button === pressed) return clear();
    if (pressed) pressed.setAttribute("aria-pressed", "false");
    pressed = button;
    button.setAttribute("aria-pressed", "true");
    doc.getElementById("site_cell_text").textContent =
      "Showing the models of one cell: " + button.dataset.label + ".";
    note.hidden = false;
    setOnly(new Set(button.dataset.slugs.split(" ")));
  });
  doc.getElementById("site_cell_clear").addEventListener("click", clear);
  return clear;
}

function start(doc, win) {
  const form = doc.getElementById("site_controls");
  const list = doc.getElementById("site_models");
  const count = doc.getElementById("site_count");
  if (!form || !list || !count) return;
  const controls = Object.fromEntries(KEYS.map((key) => [key, doc.getElementById("site_" + key)]));
  // A filter the page leaves out (nothing in the list records it) keeps its default.
  const choices = {};
  for (const key of KEYS) {
    const control = controls[key];
    if (!control) choices[key] = [DEFAULTS[key]];
    else if (control.tagName === "SELECT") {
      choices[key] = Array.from(control.options, (o) => o.value);
    }
  }
  const present = KEYS.filter((key) => controls[key]);
  const readState = () => {
    const state = { ...DEFAULTS };
    present.forEach((key) => (state[key] = controls[key].value));
    return state;
  };
  const writeState = (state) => present.forEach((key) => (controls[key].value = state[key]));

  const { cards, chunks, bySlug, byElement } = readCards(list);
  let matches = cards;
  let last = null;
  let only = null; // a matrix cell's models, when one is picked
  let order = DEFAULTS.sort;
  let pattern = null;
  let patternKey = "";
  const nearness = watchNearness(chunks, byElement, (card) => highlight(card, pattern, patternKey));

  // Each card's text is read once: in background slices after start-up, or all at once when a
  // search comes first.
  let indexed = 0;
  const indexUpTo = (end) => {
    if (indexed === cards.length) return;
    for (; indexed < end && indexed < cards.length; indexed++) readText(cards[indexed]);
    if (indexed === cards.length) win.performance.mark("site:indexed");
  };
  const indexInBackground = () => {
    if (indexed >= cards.length) return;
    indexUpTo(indexed + INDEX_SLICE);
    win.setTimeout(indexInBackground, 0);
  };

  // history.replaceState costs tens of milliseconds on a large page: the address follows the
  // controls once typing pauses, or at once when the page is left.
  let urlTimer = 0;
  const writeUrl = () => {
    win.clearTimeout(urlTimer);
    const url = addressFor(win.location, readState());
    if (url === null) return;
    try {
      win.history.replaceState(win.history.state, "", url);
    } catch {
      // Some file:// set-ups refuse a new URL; the view works, it just cannot be shared.
    }
  };

  const apply = () => {
    const state = readState();
    const terms = termsOf(state.q);
    if (terms.length) indexUpTo(cards.length);
    const narrow = canNarrow(last, state, terms, only);
    matches = show(narrow ? matches : cards, matcher(state, terms, only));
    last = { category: state.category, connector: state.connector, year: state.year, terms, only };
    const said = countText(matches.length, cards.length);
    if (count.textContent !== said) count.textContent = said;
    if (state.sort !== order) {
      sortCards(doc, cards, chunks, state.sort);
      order = state.sort;
      nearness.rewatch();
    }
    const key = terms.join("\n");
    if (key !== patternKey) {
      patternKey = key;
      pattern = patternOf(terms);
    }
    nearness.cards.forEach((card) => card.shown && highlight(card, pattern, patternKey));
    win.clearTimeout(urlTimer);
    urlTimer = win.setTimeout(writeUrl, URL_DELAY);
  };

  // A permalink (#slug) opens its card and scrolls to it, clearing filters that hide it.
  const openTarget = () => {
    const card = bySlug.get(win.location.hash.slice(1));
    if (!card) return;
    if (!card.shown) {
      writeState(DEFAULTS);
      clearCell();
      apply();
    }
    const details = card.el.querySelector("details");
    if (details) details.open = true;
    card.el.setAttribute("tabindex", "-1");
    card.el.focus({ preventScroll: true });
    card.el.scrollIntoView({ block: "start" });
  };

  const clearCell = startMatrix(doc, (slugs) => {
    only = slugs;
    apply();
  });
  const readCompare = startCompare(doc, win, list, bySlug);
  doc.documentElement.classList.add("js");
  writeState(decodeState(win.location.search, choices));
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  doc.getElementById("site_clear").addEventListener("click", () => {
    writeState(DEFAULTS);
    apply();
    controls.q.focus();
  });
  win.addEventListener("hashchange", () => {
    openTarget();
    readCompare();
  });
  win.addEventListener("pagehide", writeUrl);
  form.hidden = false;
  apply();
  openTarget();
  readCompare();
  win.performance.mark("site:ready");
  win.setTimeout(indexInBackground, 0);
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => start(document, window));
  } else {
    start(document, window);
  }
}
