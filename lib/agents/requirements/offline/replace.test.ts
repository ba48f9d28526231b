import { describe, expect, it } from "vitest";
import { readReplacements } from "./replace";

describe("readReplacements", () => {
  it.each([
    ["Actually use GCP instead", ["providers"]],
    ["switch to europe-west4", ["regions"]],
    ["no, make it H100s", ["gpu"]],
    ["GCP only", ["providers"]],
    ["rather go with Azure", ["providers"]],
    ["move it to Europe", ["regions"]],
    ["use TGI instead", ["tools"]],
    ["AWS and GCP instead", ["providers"]],
    ["switch to GCP and Azure", ["providers"]],
  ])("%s replaces %j", (text, fields) => {
    expect(readReplacements(text).fields).toEqual(fields);
  });

  it.each([
    "also consider Lambda",
    "add GCP as well",
    "Also consider GCP, and make it 16k context",
    "keep AWS but also add GCP",
    "Serve Llama 3 8B on AWS",
    "no budget limit, on AWS",
  ])("%s adds (replaces nothing)", (text) => {
    expect(readReplacements(text).fields).toEqual([]);
  });

  it("blanks out the old value of 'X instead of Y' / 'from Y to X' / 'replace Y with X', keeping length and case", () => {
    const cases: [string, string][] = [
      ["use GCP instead of AWS for Llama 3 8B", "AWS"],
      ["instead of Llama 3.1 70B, use Qwen 2.5 72B", "Llama 3.1 70B"],
      ["switch from AWS to GCP", "AWS"],
      ["change the budget from $500 to $2000", "$500"],
      ["replace the A100s with H100s", "the A100s"],
      ["rather than on AWS, go with Azure in eu", "AWS"],
      ["Europe instead of the US", "US"],
    ];
    for (const [text, old] of cases) {
      const r = readReplacements(text);
      expect(r.dropped, text).toEqual([old]);
      expect(r.text).toHaveLength(text.length);
      expect(r.text).not.toContain(old);
      expect(r.text.replace(/\s+/g, " ")).toBe(text.replace(old, " ").replace(/\s+/g, " "));
    }
  });

  it("a correction opening the turn replaces whatever list it names, unless it says 'also'", () => {
    expect(readReplacements("Actually, Azure").fields).toEqual(["providers"]);
    expect(readReplacements("Wait, in Japan").fields).toEqual(["regions"]);
    expect(readReplacements("Actually, also Azure").fields).toEqual([]);
  });
});
