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

/** Whether a card ({category, connector, year, text}) is shown for a view and its terms; a
 * card's connector is its connectors, a space between two. */
export function matcher(state, terms) {
  const { category, connector, year } = state;
  return (card) =>
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
export function canNarrow(last, state, terms) {
  return (
    last !== null &&
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

/** The cards in a sort's order: as the page lists them (by name), or newest first by rank. */
export function ordered(cards, sort) {
  const sorted = [...cards];
  if (sort === "released") sorted.sort((a, b) => a.rank - b.rank);
  return sorted;
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
        category: cardEl.getAttribute("data-category"),
        connector: cardEl.getAttribute("data-connector"),
        year: cardEl.getAttribute("data-year"),
        rank: Number(cardEl.getAttribute("data-rank")),
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
    matches = show(canNarrow(last, state, terms) ? matches : cards, matcher(state, terms));
    last = { category: state.category, connector: state.connector, year: state.year, terms };
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
      apply();
    }
    const details = card.el.querySelector("details");
    if (details) details.open = true;
    card.el.setAttribute("tabindex", "-1");
    card.el.focus({ preventScroll: true });
    card.el.scrollIntoView({ block: "start" });
  };

  writeState(decodeState(win.location.search, choices));
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  doc.getElementById("site_clear").addEventListener("click", () => {
    writeState(DEFAULTS);
    apply();
    controls.q.focus();
  });
  win.addEventListener("hashchange", openTarget);
  win.addEventListener("pagehide", writeUrl);
  form.hidden = false;
  apply();
  openTarget();
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
