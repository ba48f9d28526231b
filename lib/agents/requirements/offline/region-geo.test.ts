import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { normalizeComputeQuery, regionMatches } from "@/lib/search/compute-query";
import { rankInstances, type InstanceCandidate } from "@/lib/search/compute-ranking";
import { computeSearchBodySchema } from "@/lib/schemas/tools";
import { classifyRegion } from "./region-geo";
import { extractRegions, MAX_REGION_TERMS, regionMatchesIntent, regionSearchTerms } from "./regions";

/** The real catalog snapshot (what the compute search runs on). */
const ROWS: InstanceCandidate[] = gunzipSync(readFileSync(new URL("../../../../catalog/snapshot/instances.jsonl.gz", import.meta.url)))
  .toString()
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l))
  .map((o) => ({
    provider: o.provider, instanceType: o.instance_type, region: o.region, gpuModel: o.gpu_model, gpuCount: o.gpu_count,
    gpuMemoryGbPerGpu: o.gpu_memory_gb_per_gpu, gpuMemoryGbTotal: o.gpu_memory_gb_total, acceleratorKind: o.accelerator_kind,
    vcpus: o.vcpus, memoryGb: o.memory_gb, pricePerHourUsd: o.price_per_hour_usd, spotPricePerHourUsd: o.spot_price_per_hour_usd, dataAsOf: o.data_as_of,
  }));
const REGIONS = [...new Set(ROWS.map((r) => r.region))];

/** Regions whose location the code itself does not give away. */
const NO_OBVIOUS_COUNTRY = new Set(["default", "europe-south-1"]);

describe("classifyRegion over the real catalog", () => {
  it("has catalog regions to check", () => {
    expect(REGIONS.length).toBeGreaterThan(250);
  });

  it("every region with an obvious location gets its country and area", () => {
    const missing = REGIONS.filter((r) => !NO_OBVIOUS_COUNTRY.has(r) && !classifyRegion(r).country);
    expect(missing).toEqual([]);
    for (const r of REGIONS) if (r !== "default") expect(classifyRegion(r).area, r).not.toBeNull();
  });

  it.each([
    ["se-stockholm-1", "eu", "SE"], ["FIN-03", "eu", "FI"], ["FIN-01", "eu", "FI"], ["no-kristiansand-1", "eu", "NO"],
    ["eu-central-1", "eu", "DE"], ["eu-west-1", "eu", "IE"], ["eu-north-1", "eu", "SE"], ["europe-west4", "eu", "NL"],
    ["europe-west1", "eu", "BE"], ["europe-central2", "eu", "PL"], ["europe-west10", "eu", "DE"], ["europe-central-1", "eu", "DE"],
    ["eu-north1", "eu", "FI"], ["eu-west1", "eu", "FR"], ["eu-de", "eu", "DE"], ["eu-gb", "eu", "GB"], ["fr-par", "eu", "FR"],
    ["it-fr2", "eu", "IT"], ["bg-sof1", "eu", "BG"], ["FRA", "eu", "DE"], ["GRA", "eu", "FR"], ["WAW", "eu", "PL"], ["LON", "eu", "GB"],
    ["BHS", "canada", "CA"], ["GERMANY", "eu", "DE"], ["NORWAY-1", "eu", "NO"], ["london-uk-1", "eu", "GB"], ["westeurope", "eu", "NL"],
    ["frankfurt-germany-5", "eu", "DE"], ["Bavaria, DE, EU", "eu", "DE"], ["Hafnarfjarðarkaupstaður, IS, EU", "eu", "IS"],
    ["desmoines-usa-1", "us", "US"], ["austin-usa-1", "us", "US"], ["ARIZONA_USA", "us", "US"], ["us-east-1", "us", "US"],
    ["eastus2", "us", "US"], ["nyc1", "us", "US"], ["US-1", "us", "US"], ["East Coast (NY2)", "us", "US"], [", US, NA", "us", "US"],
    ["ca-central-1", "canada", "CA"], ["tor1", "canada", "CA"], ["northamerica-northeast1", "canada", "CA"],
    ["ap-south-1", "india", "IN"], ["asia-south-1", "india", "IN"], ["IN1", "india", "IN"], ["ap-southeast-2", "oceania", "AU"],
    ["au-syd", "oceania", "AU"], ["ap-northeast-2", "asia", "KR"], ["asia-east1", "asia", "TW"], ["KOREA-EAST-1-CCN-FIN-B001", "asia", "KR"],
    ["ap-chuncheon-1", "asia", "KR"], ["jp-tok", "asia", "JP"], ["me-west1", "middle_east", "IL"], ["me-central1", "middle_east", "QA"],
    ["me-south-1", "middle_east", "BH"], ["il-jerusalem-1", "middle_east", "IL"], ["af-south-1", "africa", "ZA"],
    ["sa-east-1", "south_america", "BR"], ["sa-santiago-1", "south_america", "CL"], ["mx-queretaro-1", "south_america", "MX"],
  ])("%s → %s / %s", (region, area, country) => {
    expect(classifyRegion(region)).toEqual({ area, country });
  });

  it("an area without an obvious country keeps its area only", () => {
    expect(classifyRegion("europe-south-1")).toEqual({ area: "eu" });
    expect(classifyRegion("default")).toEqual({ area: null });
  });
});

describe("region wishes over the real catalog", () => {
  const WISHES = [
    "in the US", "in Germany", "in France", "in the UK", "in Sweden", "in Finland", "in Norway", "in the Netherlands", "in Canada",
    "in Japan", "in Korea", "in India", "in Australia", "in Israel", "in Brazil", "in Europe", "in Asia", "in the Middle East", "Europe or the US",
  ];

  it.each(WISHES)("%s: the search terms reach every catalog region the wish accepts, within the term limit", (text) => {
    const intent = extractRegions(text).intent!;
    const terms = regionSearchTerms(intent);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.length).toBeLessThanOrEqual(MAX_REGION_TERMS);
    const unreached = REGIONS.filter((r) => regionMatchesIntent(r, intent) && !terms.some((t) => regionMatches(r, t)));
    expect(unreached).toEqual([]);
  });

  it("a country wish is strict: other countries of its area, and regions of unknown country, are out", () => {
    const de = extractRegions("in Germany").intent;
    for (const r of ["se-stockholm-1", "FIN-03", "europe-south-1", "eu-west-1", "Romania, RO, EU", "desmoines-usa-1"]) expect(regionMatchesIntent(r, de), r).toBe(false);
    for (const r of ["eu-central-1", "europe-west3", "frankfurt-germany-5", "Bavaria, DE, EU", "DE", "FRA", "GERMANY", "eu-de"]) expect(regionMatchesIntent(r, de), r).toBe(true);
  });

  it.each(["in the US", "in Germany", "in Japan", "in the UK", "in Canada", "in Sweden"])(
    "%s: searching by the terms then checking exactly loses no instance type the wish allows",
    (text) => {
      const intent = extractRegions(text).intent!;
      const base = computeSearchBodySchema.parse({ gpu: "required", top_k: 100 });
      const everything = { ...normalizeComputeQuery(base), topK: Number.MAX_SAFE_INTEGER };
      const ideal = rankInstances(ROWS.filter((r) => regionMatchesIntent(r.region, intent)), everything);
      const searched = rankInstances(ROWS, { ...everything, regions: regionSearchTerms(intent) });
      const found = new Set(searched.results.filter((r) => regionMatchesIntent(r.region, intent)).map((r) => `${r.provider}/${r.instanceType}`));
      expect(ideal.results.length).toBeGreaterThan(10);
      expect(ideal.results.filter((r) => !found.has(`${r.provider}/${r.instanceType}`)).map((r) => `${r.provider}/${r.instanceType}@${r.region}`)).toEqual([]);
    },
  );
});
