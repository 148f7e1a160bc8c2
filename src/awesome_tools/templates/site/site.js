/* The searchable page: search, filters, sorting, URL state and permalinks over the cards that
   index.html already holds; without this script the page simply lists every model.
   It never inserts markup made from data: highlights are text nodes and <mark> elements. */
(function () {
  "use strict";

  var DEFAULTS = { q: "", category: "", connector: "", year: "", sort: "name" };
  var KEYS = Object.keys(DEFAULTS);
  var INDEX_SLICE = 500; // cards read per background task after start-up
  var URL_DELAY = 300; // ms without a change before the address shows the view

  function termsOf(query) {
    var seen = Object.create(null);
    return query
      .toLowerCase()
      .split(/\s+/)
      .filter(function (term) {
        if (!term || seen[term]) return false;
        seen[term] = true;
        return true;
      });
  }

  // A search for `terms` can only shrink the results of a search for `before` when every
  // earlier term lies inside a new one (typing on at the end of the query, say).
  function narrows(terms, before) {
    return before.every(function (old) {
      return terms.some(function (term) {
        return term.indexOf(old) !== -1;
      });
    });
  }

  function patternOf(terms) {
    if (!terms.length) return null;
    var longestFirst = terms.slice().sort(function (a, b) {
      return b.length - a.length;
    });
    return new RegExp(
      longestFirst
        .map(function (term) {
          return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        })
        .join("|"),
      "gi"
    );
  }

  function start() {
    var form = document.getElementById("site_controls");
    var list = document.getElementById("site_models");
    var count = document.getElementById("site_count");
    if (!form || !list || !count) return;
    var controls = {};
    KEYS.forEach(function (key) {
      controls[key] = document.getElementById("site_" + key);
    });

    var cards = [];
    var chunks = [];
    var bySlug = new Map();
    var byElement = new Map();
    var byChunk = new Map();
    Array.prototype.forEach.call(list.children, function (el) {
      var chunk = { el: el, cards: [], size: 0, shown: 0 };
      Array.prototype.forEach.call(el.children, function (cardEl) {
        var card = {
          el: cardEl,
          chunk: chunk,
          category: cardEl.getAttribute("data-category"),
          connector: cardEl.getAttribute("data-connector"),
          year: cardEl.getAttribute("data-year"),
          rank: Number(cardEl.getAttribute("data-rank")),
          shown: !cardEl.hidden,
          fields: null, // the elements holding each field's text, read by index()
          texts: null,
          text: "", // every field's text in lower case, what the search looks in
          marked: "",
          dirty: null,
        };
        chunk.cards.push(card);
        if (card.shown) chunk.shown++;
        cards.push(card);
        bySlug.set(cardEl.getAttribute("data-slug"), card);
        byElement.set(cardEl, card);
      });
      chunk.size = chunk.cards.length;
      chunks.push(chunk);
      byChunk.set(el, chunk);
    });

    // Each card's text is read once: in background slices after start-up, or all at once
    // when a search comes first.
    var indexed = 0;
    function index(card) {
      if (card.fields) return;
      var found = card.el.getElementsByClassName("f");
      card.fields = new Array(found.length);
      card.texts = new Array(found.length);
      for (var j = 0; j < found.length; j++) {
        card.fields[j] = found[j];
        card.texts[j] = found[j].textContent;
      }
      card.text = card.texts.join("\n").toLowerCase();
    }
    function indexUpTo(end) {
      if (indexed === cards.length) return;
      for (; indexed < end && indexed < cards.length; indexed++) index(cards[indexed]);
      if (indexed === cards.length) performance.mark("site:indexed");
    }
    function indexInBackground() {
      if (indexed >= cards.length) return;
      indexUpTo(indexed + INDEX_SLICE);
      setTimeout(indexInBackground, 0);
    }

    var matches = cards.slice();
    var last = null;
    var order = "name";
    var pattern = null;
    var patternKey = "";
    var total = cards.length + " model" + (cards.length === 1 ? "" : "s");

    // Highlight only the cards near the viewport, the others when they scroll into reach.
    // Cards are watched only while their group is near: a few hundred targets, not thousands.
    var near = new Set();
    var nearCards = new Set();
    var cardObserver = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          var card = byElement.get(entry.target);
          if (entry.isIntersecting) {
            nearCards.add(card);
            highlight(card);
          } else {
            nearCards.delete(card);
          }
        });
      },
      { rootMargin: "50% 0px" }
    );
    var chunkObserver = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          var chunk = byChunk.get(entry.target);
          if (entry.isIntersecting) {
            near.add(chunk);
            watch(chunk);
          } else {
            near.delete(chunk);
            chunk.cards.forEach(function (card) {
              cardObserver.unobserve(card.el);
              nearCards.delete(card);
            });
          }
        });
      },
      { rootMargin: "100% 0px" }
    );
    chunks.forEach(function (chunk) {
      chunkObserver.observe(chunk.el);
    });

    function watch(chunk) {
      chunk.cards.forEach(function (card) {
        cardObserver.observe(card.el);
      });
    }

    function highlight(card) {
      if (card.marked === patternKey) return;
      card.marked = patternKey;
      index(card);
      var inside = 0;
      var details = null;
      for (var j = 0; j < card.fields.length; j++) {
        var field = card.fields[j];
        var text = card.texts[j];
        var fragment = null;
        var done = 0;
        var hits = 0;
        if (pattern) {
          pattern.lastIndex = 0;
          var match;
          while ((match = pattern.exec(text)) !== null) {
            fragment = fragment || document.createDocumentFragment();
            if (match.index > done) {
              fragment.appendChild(document.createTextNode(text.slice(done, match.index)));
            }
            var mark = document.createElement("mark");
            mark.textContent = match[0];
            fragment.appendChild(mark);
            done = match.index + match[0].length;
            hits++;
          }
        }
        if (fragment) {
          if (done < text.length) fragment.appendChild(document.createTextNode(text.slice(done)));
          field.replaceChildren(fragment);
          card.dirty = card.dirty || [];
          card.dirty[j] = true;
          details = details || card.el.querySelector("details");
          if (details && details.contains(field)) inside += hits;
        } else if (card.dirty && card.dirty[j]) {
          field.textContent = text;
          card.dirty[j] = false;
        }
      }
      var note = card.el.querySelector(".hits");
      if (note) {
        var said = inside ? " (" + inside + (inside === 1 ? " match" : " matches") + ")" : "";
        if (note.textContent !== said) note.textContent = said;
      }
    }

    function readControls() {
      var state = {};
      KEYS.forEach(function (key) {
        state[key] = controls[key].value;
      });
      return state;
    }

    function setControl(key, value) {
      var control = controls[key];
      if (control.tagName !== "SELECT") {
        control.value = value === null ? DEFAULTS[key] : value;
        return;
      }
      control.value = DEFAULTS[key];
      for (var i = 0; i < control.options.length; i++) {
        if (control.options[i].value === value) control.value = value;
      }
    }

    // history.replaceState costs tens of milliseconds on a large page: the address follows the
    // controls once typing pauses, or at once when the page is left.
    var urlTimer = 0;
    function scheduleUrl() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(writeUrl, URL_DELAY);
    }
    function writeUrl() {
      clearTimeout(urlTimer);
      var state = readControls();
      var params = new URLSearchParams();
      KEYS.forEach(function (key) {
        if (state[key] !== DEFAULTS[key]) params.set(key, state[key]);
      });
      var search = params.toString();
      var url = location.pathname + (search ? "?" + search : "") + location.hash;
      if (url === location.pathname + location.search + location.hash) return;
      try {
        history.replaceState(history.state, "", url);
      } catch (error) {
        // Some file:// set-ups refuse a new URL; the view works, it just cannot be shared.
      }
    }

    // Refill the groups in the new order, each with as many cards as it had.
    function sortCards(sort) {
      var sorted = cards.slice();
      if (sort === "released") {
        sorted.sort(function (a, b) {
          return a.rank - b.rank;
        });
      }
      var next = 0;
      chunks.forEach(function (chunk) {
        var fragment = document.createDocumentFragment();
        chunk.cards = sorted.slice(next, next + chunk.size);
        next += chunk.size;
        chunk.shown = 0;
        chunk.cards.forEach(function (card) {
          card.chunk = chunk;
          if (card.shown) chunk.shown++;
          fragment.appendChild(card.el);
        });
        chunk.el.appendChild(fragment);
        resize(chunk);
      });
      order = sort;
      cardObserver.disconnect();
      nearCards.clear();
      near.forEach(watch);
    }

    function resize(chunk) {
      chunk.el.hidden = chunk.shown === 0;
      chunk.el.style.setProperty("--cards", String(chunk.shown));
      chunk.el.classList.add("resized");
    }

    // Filter, then write: only cards whose visibility changes are touched, in one pass.
    function apply() {
      var state = readControls();
      var terms = termsOf(state.q);
      if (terms.length) indexUpTo(cards.length);
      var narrow =
        last !== null &&
        last.category === state.category &&
        last.connector === state.connector &&
        last.year === state.year &&
        narrows(terms, last.terms);
      var pool = narrow ? matches : cards;
      var kept = [];
      var changed = new Set();
      for (var i = 0; i < pool.length; i++) {
        var card = pool[i];
        var ok =
          (!state.category || card.category === state.category) &&
          (!state.connector || card.connector === state.connector) &&
          (!state.year || card.year === state.year);
        for (var t = 0; ok && t < terms.length; t++) {
          ok = card.text.indexOf(terms[t]) !== -1;
        }
        if (ok) kept.push(card);
        if (card.shown !== ok) {
          card.shown = ok;
          card.el.hidden = !ok;
          card.chunk.shown += ok ? 1 : -1;
          changed.add(card.chunk);
        }
      }
      changed.forEach(resize);
      matches = kept;
      last = { category: state.category, connector: state.connector, year: state.year, terms: terms };
      var shown = "Showing " + kept.length + " of " + total;
      if (count.textContent !== shown) count.textContent = shown;
      if (state.sort !== order) sortCards(state.sort);
      var key = terms.join("\n");
      if (key !== patternKey) {
        patternKey = key;
        pattern = patternOf(terms);
      }
      nearCards.forEach(function (card) {
        if (card.shown) highlight(card);
      });
      scheduleUrl();
    }

    function reset() {
      KEYS.forEach(function (key) {
        setControl(key, null);
      });
    }

    // A permalink (#slug) opens its card and scrolls to it, clearing filters that hide it.
    function openTarget() {
      var card = bySlug.get(location.hash.slice(1));
      if (!card) return;
      if (!card.shown) {
        reset();
        apply();
      }
      var details = card.el.querySelector("details");
      if (details) details.open = true;
      card.el.setAttribute("tabindex", "-1");
      card.el.focus({ preventScroll: true });
      card.el.scrollIntoView({ block: "start" });
    }

    var params = new URLSearchParams(location.search);
    KEYS.forEach(function (key) {
      setControl(key, params.get(key));
    });
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    document.getElementById("site_clear").addEventListener("click", function () {
      reset();
      apply();
      controls.q.focus();
    });
    window.addEventListener("hashchange", openTarget);
    window.addEventListener("pagehide", writeUrl);
    form.hidden = false;
    apply();
    openTarget();
    performance.mark("site:ready");
    setTimeout(indexInBackground, 0);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
