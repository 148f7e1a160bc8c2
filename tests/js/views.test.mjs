// The pure parts of the page's compare view, matrix filter and size sort
// (src/awesome_tools/templates/site/site.js), run by `node --test tests/js/`. The DOM layer is
// tested in a real browser by tests/test_site_views.py.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  DEFAULTS,
  MOST_COMPARED,
  canNarrow,
  compareHash,
  compareNote,
  comparedIn,
  matcher,
  ordered,
  rowLabels,
  toggled,
} from "../../src/awesome_tools/templates/site/site.js";

const KNOWN = new Set(["llava", "llava-1-5", "flamingo", "pali", "qwen-vl"]);

describe("comparedIn: the models a fragment asks to compare, only those the page has", () => {
  const cases = [
    ["", []],
    ["#llava", []], // a permalink, not a comparison
    ["#compare=", []],
    ["#compare=llava", ["llava"]],
    ["#compare=llava,flamingo", ["llava", "flamingo"]],
    ["#compare=flamingo,llava", ["flamingo", "llava"]], // the order kept
    ["#compare=llava,llava,flamingo", ["llava", "flamingo"]], // each once
    ["#compare=llava,nope,flamingo", ["llava", "flamingo"]], // unknown left out
    ["#compare=llava-1-5,pali,qwen-vl,flamingo,llava", ["llava-1-5", "pali", "qwen-vl", "flamingo"]],
    ["#compare=%6C%6C%61%76%61", ["llava"]], // escapes decoded
    ["#compare=%E0%A4%A,llava", ["llava"]], // a malformed escape names nothing
    ["#compare=<script>alert(1)</script>,pali", ["pali"]],
    ["#compare=constructor,__proto__,toString", []],
    ["#COMPARE=llava", []],
    ["#compare=llava ,pali", ["pali"]],
  ];
  for (const [hash, expected] of cases) {
    test(JSON.stringify(hash), () => assert.deepEqual(comparedIn(hash, KNOWN), expected));
  }
});

describe("compareHash: the fragment of a selection, read back by comparedIn", () => {
  const cases = [
    [[], ""],
    [["llava"], "#compare=llava"],
    [["llava", "flamingo"], "#compare=llava,flamingo"],
    [["a,b", "c d"], "#compare=a%2Cb,c%20d"],
  ];
  for (const [slugs, hash] of cases) {
    test(JSON.stringify(slugs), () => {
      assert.equal(compareHash(slugs), hash);
      assert.deepEqual(comparedIn(hash, new Set(slugs)), slugs);
    });
  }
});

describe("toggled: a card's button adds or removes its model, at most four", () => {
  const cases = [
    [[], "llava", ["llava"]],
    [["llava"], "llava", []],
    [["llava", "pali"], "flamingo", ["llava", "pali", "flamingo"]],
    [["llava", "pali", "flamingo"], "pali", ["llava", "flamingo"]],
    [["a", "b", "c", "d"], "e", ["a", "b", "c", "d"]],
    [["a", "b", "c", "d"], "b", ["a", "c", "d"]],
  ];
  for (const [before, slug, after] of cases) {
    test(`${JSON.stringify(before)} + ${slug}`, () => assert.deepEqual(toggled(before, slug), after));
  }

  test("a full selection is returned as it was, so the page can say it is full", () => {
    const full = ["a", "b", "c", "d"];
    assert.equal(MOST_COMPARED, 4);
    assert.equal(toggled(full, "e"), full);
  });
});

describe("the compare view's rows and note", () => {
  test("rowLabels: every label once, in the order first met", () => {
    const models = [
      [["Released", "2023"], ["Sizes", "7B"]],
      [["Released", "2022"], ["Licence", "MIT"], ["Sizes", "9B"]],
      [],
    ];
    assert.deepEqual(rowLabels(models), ["Released", "Sizes", "Licence"]);
  });

  const notes = [
    [0, false, "Pick another model to compare (up to 4)."],
    [1, false, "Pick another model to compare (up to 4)."],
    [2, false, "Comparing 2 models."],
    [4, false, "Comparing 4 models."],
    [4, true, "At most 4 models: remove one to add another."],
  ];
  for (const [count, refused, text] of notes) {
    test(`${count} ${refused}`, () => assert.equal(compareNote(count, refused), text));
  }
});

describe("a matrix cell keeps only its models; sorting by size", () => {
  const cards = [
    { slug: "flamingo", category: "", connector: "", year: "2022", text: "", rank: 3, sizeRank: 0 },
    { slug: "llava", category: "", connector: "", year: "2023", text: "", rank: 1, sizeRank: 2 },
    { slug: "pali", category: "", connector: "", year: "2022", text: "", rank: 2, sizeRank: 1 },
    { slug: "qwen-vl", category: "", connector: "", year: "2023", text: "", rank: 0, sizeRank: 3 },
  ];
  const views = [
    [null, {}, ["flamingo", "llava", "pali", "qwen-vl"]],
    [new Set(["llava", "pali"]), {}, ["llava", "pali"]],
    [new Set(["llava", "pali"]), { year: "2022" }, ["pali"]],
    [new Set(["nope"]), {}, []],
    [new Set(), {}, []], // a set keeps exactly its models
    [null, { sort: "size" }, ["flamingo", "pali", "llava", "qwen-vl"]],
    [new Set(["llava", "qwen-vl", "flamingo"]), { sort: "size" }, ["flamingo", "llava", "qwen-vl"]],
    [null, { sort: "released" }, ["qwen-vl", "llava", "pali", "flamingo"]],
    [null, { sort: "name" }, ["flamingo", "llava", "pali", "qwen-vl"]],
  ];
  for (const [only, changes, expected] of views) {
    test(`${JSON.stringify(only && [...only])} ${JSON.stringify(changes)}`, () => {
      const state = { ...DEFAULTS, ...changes };
      const shown = ordered(cards, state.sort).filter(matcher(state, [], only));
      assert.deepEqual(shown.map((each) => each.slug), expected);
    });
  }

  test("a search narrows only within the same cell", () => {
    const only = new Set(["llava"]);
    const last = { category: "", connector: "", year: "", terms: [], only };
    assert.equal(canNarrow(last, DEFAULTS, ["x"], only), true);
    assert.equal(canNarrow(last, DEFAULTS, ["x"], null), false);
    assert.equal(canNarrow(last, DEFAULTS, ["x"], new Set(["llava"])), false);
  });
});
