import { describe, expect, it } from "vitest";
import { andPrefixQuery, informativeTokens, orPrefixQuery, queryTokens } from "./text-query";

describe("query tokens", () => {
  it("lower-cases, splits on punctuation, keeps versions apart and drops stopwords", () => {
    expect(queryTokens("Help me deploy Llama-3.1 70B!")).toEqual(["llama", "3", "1", "70b"]);
    expect(queryTokens("'; DROP TABLE x; --")).toEqual(["drop", "table", "x"]);
  });
  it("builds safe tsquery strings with prefix matching only for words", () => {
    expect(orPrefixQuery(["mlflow", "3", "70b", "xl"])).toBe("mlflow:* | 3 | 70b:* | xl");
    expect(andPrefixQuery(["ray", "cluster"])).toBe("ray:* & cluster:*");
  });
  it("bare small numbers are not informative on their own", () => {
    expect(informativeTokens(["llama", "3", "70b"])).toEqual(["llama", "70b"]);
    expect(informativeTokens(["3"])).toEqual(["3"]);
  });
});
