// The pure parts of the page's script (src/awesome_tools/templates/site/site.js), run by
// `node --test tests/js/` (`make test`). Each table is the exact behaviour; the DOM layer is
// tested in a real browser by tests/test_site.py.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  DEFAULTS,
  KEYS,
  addressFor,
  canNarrow,
  countText,
  decodeState,
  encodeState,
  fragmentOf,
  highlights,
  hitsNote,
  matcher,
  narrows,
  ordered,
  patternOf,
  regroup,
  searchText,
  termsOf,
} from "../../src/awesome_tools/templates/site/site.js";

describe("termsOf: the words a query asks for", () => {
  const cases = [
    ["", []],
    [" \t\n ", []],
    ["Cross-Attention", ["cross-attention"]],
    ["  vision   LANGUAGE\tmodel\n", ["vision", "language", "model"]],
    ["clip CLIP Clip vit", ["clip", "vit"]],
    // Quotes are ordinary characters: no phrases, every word on its own.
    ['"cross attention"', ['"cross', 'attention"']],
    ["'x'", ["'x'"]],
    // Lower-cased, accents kept: "école" and "ecole" are different words.
    ["ÉCOLE Émigré", ["école", "émigré"]],
    ["a+b (c) [d]", ["a+b", "(c)", "[d]"]],
  ];
  for (const [query, expected] of cases) {
    test(JSON.stringify(query), () => assert.deepEqual(termsOf(query), expected));
  }
});

describe("matcher: a card shows when every filter holds and every term is in its text", () => {
  const card = {
    category: "Architectures",
    connector: "mlp",
    year: "2023",
    text: searchText(["LLaVA", "Visual Instruction Tuning", "CLIP ViT-L/14", "Vicuna", "Émigré"]),
  };
  const cases = [
    [{}, "", true],
    [{}, "llava", true],
    [{}, "LLAVA", true],
    [{}, "clip vicuna", true], // terms found in different fields
    [{}, "instruction vit-l/14", true],
    [{}, "clip llama", false], // every term must be found
    [{}, "llavavisual", false], // a term never spans two fields
    [{}, "émigré", true],
    [{}, "emigre", false], // no accent folding
    [{}, '"visual instruction"', false], // quotes are part of the words
    [{ category: "Architectures" }, "", true],
    [{ category: "Other" }, "", false],
    [{ connector: "mlp" }, "clip", true],
    [{ connector: "linear" }, "clip", false],
    [{ year: "2023" }, "", true],
    [{ year: "2024" }, "", false],
    [{ category: "Architectures", connector: "mlp", year: "2023" }, "tuning", true],
    [{ category: "Architectures", connector: "mlp", year: "2023" }, "resampler", false],
  ];
  for (const [filters, query, expected] of cases) {
    test(`${JSON.stringify(filters)} ${JSON.stringify(query)}`, () => {
      const state = { ...DEFAULTS, ...filters, q: query };
      assert.equal(matcher(state, termsOf(query))(card), expected);
    });
  }

  test("searchText joins the fields a line each, in lower case", () => {
    assert.equal(searchText(["LLaVA", "A <b>Bold</b> Title"]), "llava\na <b>bold</b> title");
  });
});

describe("narrowing: a search looks only at the last results when it cannot widen them", () => {
  const cases = [
    [["cros"], [], true],
    [["cross"], ["cros"], true], // typing on
    [["cros"], ["cross"], false], // a backspace widens
    [["cross", "att"], ["cross"], true],
    [["att"], ["cross"], false],
    [["cross-attention"], ["cross", "attention"], true], // both old terms inside one new one
    [[], ["cross"], false],
    [[], [], true],
  ];
  for (const [terms, before, expected] of cases) {
    test(`${JSON.stringify(before)} -> ${JSON.stringify(terms)}`, () =>
      assert.equal(narrows(terms, before), expected));
  }

  const last = { category: "", connector: "mlp", year: "", terms: ["cros"], only: null };
  const state = { ...DEFAULTS, connector: "mlp" };
  const views = [
    [null, state, ["cross"], false], // nothing searched yet
    [last, state, ["cross"], true],
    [last, { ...state, connector: "" }, ["cross"], false], // a filter changed
    [last, { ...state, year: "2023" }, ["cross"], false],
    [last, state, ["cro"], false],
    [last, { ...state, sort: "released" }, ["cross"], true], // sorting keeps the results
  ];
  views.forEach(([before, view, terms, expected], i) => {
    test(`canNarrow case ${i}`, () => assert.equal(canNarrow(before, view, terms), expected));
  });
});

describe("highlights: the runs of a field's text, marked where a term matches", () => {
  const marked = (text) => ({ text, mark: true });
  const plain = (text) => ({ text, mark: false });
  const cases = [
    ["LLaVA uses CLIP", "clip", [plain("LLaVA uses "), marked("CLIP")]],
    ["CLIP first", "clip", [marked("CLIP"), plain(" first")]],
    ["no match here", "xyz", []],
    ["any text", "", []],
    [
      "Cross-Attention and cross-attention",
      "cross-attention",
      [marked("Cross-Attention"), plain(" and "), marked("cross-attention")],
    ],
    ["abcabc", "ab abc", [marked("abc"), marked("abc")]], // the longer term wins
    ["a.b axb", "a.b", [marked("a.b"), plain(" axb")]], // terms are literal, not patterns
    ["(c) [d] $e", "(c) $e", [marked("(c)"), plain(" [d] "), marked("$e")]],
    // Markup in the data is only ever text: the runs hold it as characters.
    [
      "<script>alert('x')</script>",
      "<script> alert('x')",
      [marked("<script>"), marked("alert('x')"), plain("</script>")],
    ],
    ["Émigré", "émigré", [marked("Émigré")]],
  ];
  for (const [text, query, expected] of cases) {
    test(`${JSON.stringify(text)} / ${JSON.stringify(query)}`, () => {
      const runs = highlights(text, patternOf(termsOf(query)));
      assert.deepEqual(runs, expected);
      if (runs.length) assert.equal(runs.map((run) => run.text).join(""), text);
    });
  }

  test("patternOf: one case-insensitive pattern, longest term first, specials escaped", () => {
    assert.equal(patternOf([]), null);
    const pattern = patternOf(["ab", "a.b|c", "abcd"]);
    assert.equal(pattern.source, "a\\.b\\|c|abcd|ab");
    assert.equal(pattern.flags, "gi");
  });

  test("the same pattern highlights field after field", () => {
    const pattern = patternOf(["vit"]);
    assert.deepEqual(highlights("ViT", pattern), [marked("ViT")]);
    assert.deepEqual(highlights("a ViT", pattern), [plain("a "), marked("ViT")]);
  });

  test("fragmentOf builds text nodes and <mark> elements, never markup", () => {
    const node = (name) => ({
      name,
      textContent: "",
      children: [],
      appendChild(child) {
        this.children.push(child);
        return child;
      },
    });
    const doc = {
      createDocumentFragment: () => node("#fragment"),
      createElement: (tag) => node(tag),
      createTextNode: (text) => ({ name: "#text", textContent: text }),
    };
    const runs = [plain("a <b>bold</b> "), marked("<script>"), plain("!")];
    const fragment = fragmentOf(doc, runs);
    assert.equal(fragment.name, "#fragment");
    assert.deepEqual(
      fragment.children.map((child) => [child.name, child.textContent]),
      [
        ["#text", "a <b>bold</b> "],
        ["mark", "<script>"],
        ["#text", "!"],
      ]
    );
    assert.deepEqual(fragment.children[1].children, []);
  });
});

describe("URL state: encode, decode and the address", () => {
  const CHOICES = {
    category: ["", "Architectures", "Decoders & Friends"],
    connector: ["", "linear", "mlp"],
    year: ["", "2024", "2023"],
    sort: ["name", "released"],
  };
  const encoded = [
    [{}, ""],
    [{ q: "vision language" }, "?q=vision+language"],
    [
      { q: "vision language", category: "Architectures", year: "2023", sort: "released" },
      "?q=vision+language&category=Architectures&year=2023&sort=released",
    ],
    [{ sort: "released", q: "clip" }, "?q=clip&sort=released"], // always in key order
    [{ q: "a&b=c #d é+" }, "?q=a%26b%3Dc+%23d+%C3%A9%2B"],
    [{ category: "Decoders & Friends" }, "?category=Decoders+%26+Friends"],
    [{ sort: "name" }, ""], // a default is left out
  ];
  for (const [changes, search] of encoded) {
    const state = { ...DEFAULTS, ...changes };
    test(`encode ${JSON.stringify(changes)}`, () => assert.equal(encodeState(state), search));
    test(`round trip ${JSON.stringify(changes)}`, () =>
      assert.deepEqual(decodeState(encodeState(state), CHOICES), state));
  }

  const decoded = [
    ["", {}],
    ["?q=clip", { q: "clip" }],
    ["q=clip", { q: "clip" }],
    ["?q=clip&utm_source=feed&page=2", { q: "clip" }], // unknown parameters are ignored
    ["?Q=clip&Sort=released", {}], // keys are case-sensitive
    ["?connector=nonsense&sort=sideways", {}], // a value no control offers
    ["?connector=mlp&sort=released", { connector: "mlp", sort: "released" }],
    ["?sort=released&sort=name", { sort: "released" }], // the first of a repeated key
    ["?q=&category=", {}],
    ["?q=a%26b+c%2B", { q: "a&b c+" }],
    ["?q=%23llava&year=2023", { q: "#llava", year: "2023" }],
  ];
  for (const [search, changes] of decoded) {
    test(`decode ${JSON.stringify(search)}`, () =>
      assert.deepEqual(decodeState(search, CHOICES), { ...DEFAULTS, ...changes }));
  }

  test("without choices, any value of a known key is taken", () => {
    assert.deepEqual(decodeState("?connector=anything&x=1"), {
      ...DEFAULTS,
      connector: "anything",
    });
  });

  test("the keys, in the address's order", () => {
    assert.deepEqual(KEYS, ["q", "category", "connector", "year", "sort"]);
  });

  const page = "/list/site/index.html";
  const addresses = [
    ["", "", {}, null],
    ["?q=clip", "#llava", {}, `${page}#llava`],
    ["", "#llava", { q: "clip" }, `${page}?q=clip#llava`],
    ["?q=clip", "", { q: "clip" }, null],
    ["?connector=nonsense&sort=sideways", "", {}, page], // junk leaves the address
    ["?sort=released&q=clip", "", { q: "clip", sort: "released" }, `${page}?q=clip&sort=released`],
  ];
  for (const [search, hash, changes, expected] of addresses) {
    test(`address of ${JSON.stringify(changes)} at ${JSON.stringify(search + hash)}`, () => {
      const where = { pathname: page, search, hash };
      assert.equal(addressFor(where, { ...DEFAULTS, ...changes }), expected);
    });
  }
});

describe("filtering and sorting", () => {
  const card = (slug, rank, connector, year, text) => ({ slug, rank, connector, year, text });
  const cards = [
    card("blip-2", 2, "q-former", "2023", "blip-2\nq-former bridges a frozen vit"),
    card("flamingo", 3, "gated-cross-attention", "2022", "flamingo\ngated cross-attention"),
    card("llava", 1, "mlp", "2023", "llava\nclip vit-l/14 and an mlp"),
    card("qwen-vl", 0, "cross-attention", "2024", "qwen-vl\nvit-bigg with cross-attention"),
  ].map((each) => ({ ...each, category: "Architectures" }));
  const views = [
    [{}, ["blip-2", "flamingo", "llava", "qwen-vl"]],
    [{ sort: "released" }, ["qwen-vl", "llava", "blip-2", "flamingo"]],
    [{ q: "vit" }, ["blip-2", "llava", "qwen-vl"]],
    [{ q: "vit", sort: "released" }, ["qwen-vl", "llava", "blip-2"]],
    [{ q: "cross-attention" }, ["flamingo", "qwen-vl"]],
    [{ q: "cross-attention", connector: "cross-attention" }, ["qwen-vl"]],
    [{ year: "2023", sort: "released" }, ["llava", "blip-2"]],
    [{ year: "2021" }, []],
    [{ sort: "sideways" }, ["blip-2", "flamingo", "llava", "qwen-vl"]], // the page's order
  ];
  for (const [changes, expected] of views) {
    test(JSON.stringify(changes), () => {
      const state = { ...DEFAULTS, ...changes };
      const shown = ordered(cards, state.sort).filter(matcher(state, termsOf(state.q)));
      assert.deepEqual(shown.map((each) => each.slug), expected);
    });
  }

  test("ordered leaves its input as it was", () => {
    const before = cards.map((each) => each.slug);
    ordered(cards, "released");
    assert.deepEqual(cards.map((each) => each.slug), before);
  });

  const groups = [
    [[1, 2, 3, 4, 5], [2, 2, 1], [[1, 2], [3, 4], [5]]],
    [[1, 2, 3], [3], [[1, 2, 3]]],
    [[], [], []],
  ];
  for (const [items, sizes, expected] of groups) {
    test(`regroup ${JSON.stringify(items)} into ${JSON.stringify(sizes)}`, () =>
      assert.deepEqual(regroup(items, sizes), expected));
  }
});

describe("the words shown", () => {
  const counts = [
    [3, 10, "Showing 3 of 10 models"],
    [1, 1, "Showing 1 of 1 model"],
    [0, 0, "Showing 0 of 0 models"],
  ];
  for (const [shown, total, expected] of counts) {
    test(expected, () => assert.equal(countText(shown, total), expected));
  }
  const notes = [
    [0, ""],
    [1, " (1 match)"],
    [2, " (2 matches)"],
  ];
  for (const [inside, expected] of notes) {
    test(JSON.stringify(expected), () => assert.equal(hitsNote(inside), expected));
  }
});
