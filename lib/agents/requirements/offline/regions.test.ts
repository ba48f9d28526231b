import { describe, expect, it } from "vitest";
import { classifyRegion, extractRegions, regionMatchesIntent } from "./regions";
import { extractFromText } from "./extract";

describe("extractRegions", () => {
  it("typed codes go to regions", () => {
    const r = extractRegions("us-east-1 or europe-west4, maybe eastus2");
    expect(r.regions).toEqual(["us-east-1", "europe-west4", "eastus2"]);
    expect(r.intent?.areas).toEqual(["us", "eu"]);
  });
  it.each([
    ["somewhere in Europe", "eu"],
    ["EU only for GDPR", "eu"],
    ["must be in the US", "us"],
    ["data stays in Germany", "eu"],
    ["close to Japan", "asia"],
    ["India", "india"],
    ["APAC", "asia"],
  ])("%s → %s", (text, area) => {
    const r = extractRegions(text);
    expect(r.regions).toEqual([]);
    expect(r.intent?.area).toBe(area);
    expect(r.intent?.prefixes.length).toBeGreaterThan(0);
  });
  it("country wishes are kept", () => {
    expect(extractRegions("host it in Germany").intent?.countries).toEqual(["DE"]);
  });
  it("excluded areas", () => {
    expect(extractRegions("anything outside the US").intent?.excluded_areas).toEqual(["us"]);
  });
  it.each(["help us deploy", "translate French to German", "Llama 3 8B", "eu-ish"])("no region in %s", (text) => {
    expect(extractRegions(text).intent?.areas ?? []).toEqual([]);
  });
});

describe("classifyRegion / regionMatchesIntent", () => {
  it.each([
    ["us-east-1", "us"],
    ["europe-west4", "eu"],
    ["FIN-01", "eu"],
    ["ap-south-1", "india"],
    ["ap-southeast-1", "asia"],
    ["ap-southeast-2", "oceania"],
    ["westeurope", "eu"],
    ["Germany, DE, EU", "eu"],
    ["US", "us"],
    ["frankfurt-germany-5", "eu"],
    ["dallas-usa-1", "us"],
    ["CANADA-1", "canada"],
  ])("%s → %s", (region, area) => {
    expect(classifyRegion(region).area).toBe(area);
  });
  it("filters catalog regions by intent", () => {
    const intent = extractRegions("in Europe, not the US").intent;
    expect(regionMatchesIntent("eu-west-1", intent)).toBe(true);
    expect(regionMatchesIntent("us-east-1", intent)).toBe(false);
    const de = extractRegions("Germany only").intent;
    expect(regionMatchesIntent("eu-central-1", de)).toBe(true);
    expect(regionMatchesIntent("Germany, DE, EU", de)).toBe(true);
    expect(regionMatchesIntent("France, FR, EU", de)).toBe(false);
  });
});

describe("a country ruled out inside a wanted area", () => {
  it.each(["in Europe but not Germany", "Llama 3 8B en Europa pero no en Alemania", "in Europa, aber nicht in Deutschland", "en Europe mais pas en Allemagne"])("%s", (text) => {
    const intent = extractFromText(text).extras.region_intent ?? null;
    expect(intent?.areas).toEqual(["eu"]);
    expect(intent?.excluded_countries).toEqual(["DE"]);
    expect(regionMatchesIntent("eu-central-1", intent)).toBe(false); // Frankfurt
    expect(regionMatchesIntent("eu-west-1", intent)).toBe(true); // Ireland
  });
  it("'not in Germany' alone leaves the rest of Europe", () => {
    const intent = extractRegions("not in Germany").intent;
    expect(intent?.excluded_areas).toEqual([]);
    expect(regionMatchesIntent("europe-west4", intent)).toBe(true);
    expect(regionMatchesIntent("europe-west3", intent)).toBe(false); // Frankfurt
  });
});
