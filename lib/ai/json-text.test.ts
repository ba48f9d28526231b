import { describe, expect, it } from "vitest";
import { dropNulls, extractJsonObject } from "./json-text";

describe("extractJsonObject", () => {
  it("reads plain JSON, a fenced block, and the outermost object in prose", () => {
    expect(extractJsonObject(' {"a":1} ')).toEqual({ a: 1 });
    expect(extractJsonObject('Here:\n```json\n{"a": {"b": 2}}\n```\nDone.')).toEqual({ a: { b: 2 } });
    expect(extractJsonObject('```\n{"a": 3}\n```')).toEqual({ a: 3 });
    expect(extractJsonObject('The spec is {"a": "x } y", "b": {"c": [1, 2]}} and that is all {}')).toEqual({ a: "x } y", b: { c: [1, 2] } });
  });

  it("throws when there is no JSON object", () => {
    expect(() => extractJsonObject("I think you need a GPU")).toThrow(/no JSON object/);
    expect(() => extractJsonObject("[1, 2]")).toThrow();
    expect(() => extractJsonObject('{"a": ')).toThrow();
  });
});

describe("dropNulls", () => {
  it("drops null fields, null items, and objects left empty", () => {
    expect(dropNulls({ a: null, b: 1, c: { d: null }, e: [null, "x"], f: { g: null, h: false } })).toEqual({ b: 1, e: ["x"], f: { h: false } });
  });
});
