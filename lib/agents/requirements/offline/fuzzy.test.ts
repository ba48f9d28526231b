import { describe, expect, it } from "vitest";
import { editDistance, fuzzyMatch, matchConfidence, MIN_CONFIDENCE, type VocabName } from "./fuzzy";

const vocab = (names: [string, string][]): VocabName<string>[] => names.map(([name, key]) => ({ name, key, value: key }));
const FAMILIES = vocab([["llama", "llama"], ["llava", "llava"], ["mistral", "mistral"], ["mixtral", "mixtral"], ["whisper", "whisper"], ["qwen", "qwen"]]);

describe("edit distance and confidence", () => {
  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("whsiper", "whisper")).toBe(1);
    expect(editDistance("lava", "llama")).toBe(2);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
  it("caps long distances", () => expect(editDistance("a", "abcdefgh", 2)).toBe(3));
  it("confidence is one minus the edits per letter of the longer word", () => {
    expect(matchConfidence(1, "mistrall", "mistral")).toBeCloseTo(0.875);
    expect(matchConfidence(2, "lava", "llama")).toBeCloseTo(0.6);
    expect(matchConfidence(0, "", "")).toBe(1);
  });
});

describe("fuzzyMatch", () => {
  it("the one nearest name above the threshold", () => {
    const r = fuzzyMatch("mistrall", FAMILIES);
    expect(r).toMatchObject({ kind: "match", hit: { key: "mistral" }, distance: 1 });
  });
  it("a correctly written name is exact, not a correction", () => expect(fuzzyMatch("Mixtral", FAMILIES)).toEqual({ kind: "exact" }));
  it("two names equally near are ambiguous", () => {
    // "mintral": one substitution from both Mistral and Mixtral.
    const r = fuzzyMatch("mintral", vocab([["mistral", "mistral"], ["mixtral", "mixtral"]]));
    expect(r.kind).toBe("ambiguous");
    if (r.kind === "ambiguous") expect(r.hits.map((h) => h.key).sort()).toEqual(["mistral", "mixtral"]);
  });
  it("below the confidence threshold is no match", () => {
    expect(MIN_CONFIDENCE).toBe(0.75);
    expect(fuzzyMatch("lamp", vocab([["llama", "llama"]])).kind).toBe("none"); // 2 edits in 5 letters
    expect(fuzzyMatch("bert", vocab([["best", "best"]]), undefined, 0.8).kind).toBe("none"); // 1 in 4 < 0.8
  });
  it("a plural of a name is a word, not a typo", () => expect(fuzzyMatch("clips", vocab([["clip", "clip"]])).kind).toBe("none"));
  it("the comparable filter narrows the names compared", () => {
    expect(fuzzyMatch("qwenn", FAMILIES).kind).toBe("match");
    expect(fuzzyMatch("qwenn", FAMILIES, (n) => n.name.length >= 5).kind).toBe("none");
  });
});
