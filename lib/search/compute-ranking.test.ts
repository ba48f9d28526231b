import { describe, expect, it } from "vitest";
import { compareInstances, effectivePrice, matchesQuery, monthlyCost, rankInstances, type InstanceCandidate } from "./compute-ranking";
import { regionMatches, type NormalizedComputeQuery } from "./compute-query";

const row = (p: Partial<InstanceCandidate>): InstanceCandidate => ({
  provider: "aws", instanceType: "x", region: "us-east-1", gpuModel: "A100", gpuCount: 1, gpuMemoryGbPerGpu: 40,
  gpuMemoryGbTotal: 40, acceleratorKind: "gpu", vcpus: 8, memoryGb: 64, pricePerHourUsd: 1, spotPricePerHourUsd: null,
  dataAsOf: "2024-06-13", ...p,
});

const query = (p: Partial<NormalizedComputeQuery> = {}): NormalizedComputeQuery => ({
  gpuModels: null, excludeGpuModels: null, unknownGpu: null, minGpuCount: null, minGpuMemoryGb: null, minTotalGpuMemoryGb: null,
  maxPricePerHour: null, providers: null, excludeProviders: null, regions: null, minVcpus: null, minMemoryGb: null,
  gpu: "required", allowGpuSlices: false, spot: false, topK: 10, ...p,
});

describe("compute ranking: price ASC → total GPU memory DESC → GPU count DESC → type ASC", () => {
  const sorted = (rows: InstanceCandidate[], spot = false) => [...rows].sort(compareInstances(spot)).map((r) => r.instanceType);

  it("cheapest first", () => {
    expect(sorted([row({ instanceType: "b", pricePerHourUsd: 2 }), row({ instanceType: "a", pricePerHourUsd: 1 })])).toEqual(["a", "b"]);
  });
  it("same price: more total GPU memory first", () => {
    expect(sorted([row({ instanceType: "a", gpuMemoryGbTotal: 40 }), row({ instanceType: "b", gpuMemoryGbTotal: 80 })])).toEqual(["b", "a"]);
  });
  it("same price and memory: more GPUs first", () => {
    expect(sorted([row({ instanceType: "a", gpuCount: 1 }), row({ instanceType: "b", gpuCount: 2 })])).toEqual(["b", "a"]);
  });
  it("full tie: instance type ASC, then provider ASC", () => {
    expect(sorted([row({ instanceType: "z" }), row({ instanceType: "m" })])).toEqual(["m", "z"]);
    const tie = [row({ instanceType: "m", provider: "vast" }), row({ instanceType: "m", provider: "aws" })];
    expect([...tie].sort(compareInstances(false)).map((r) => r.provider)).toEqual(["aws", "vast"]);
  });
  it("spot ranks by spot price", () => {
    const rows = [row({ instanceType: "a", pricePerHourUsd: 1, spotPricePerHourUsd: 0.9 }), row({ instanceType: "b", pricePerHourUsd: 2, spotPricePerHourUsd: 0.3 })];
    expect(sorted(rows, true)).toEqual(["b", "a"]);
    expect(effectivePrice(rows[0], true)).toBe(0.9);
  });
  it("monthly cost is hourly × 730, to the cent", () => {
    expect(monthlyCost(1.28)).toBe(934.4);
    expect(monthlyCost(0.3333)).toBe(243.31);
  });
});

describe("rankInstances (the in-memory reference)", () => {
  it("keeps each provider/type once, at its cheapest matching region, counting regions", () => {
    const rows = [
      row({ instanceType: "p4d", region: "us-west-2", pricePerHourUsd: 33 }),
      row({ instanceType: "p4d", region: "us-east-1", pricePerHourUsd: 32 }),
      row({ instanceType: "p4d", region: "eu-west-1", pricePerHourUsd: 35 }),
      row({ instanceType: "g5", pricePerHourUsd: 1 }),
    ];
    const r = rankInstances(rows, query());
    expect(r.totalMatches).toBe(2);
    expect(r.results.map((x) => [x.instanceType, x.region, x.regionsAvailable])).toEqual([["g5", "us-east-1", 1], ["p4d", "us-east-1", 3]]);
    const eu = rankInstances(rows, query({ regions: ["eu"] }));
    expect(eu.results.map((x) => x.region)).toEqual(["eu-west-1"]);
  });

  it("applies every filter", () => {
    const base = row({});
    expect(matchesQuery(base, query({ minTotalGpuMemoryGb: 41 }))).toBe(false);
    expect(matchesQuery(base, query({ minGpuMemoryGb: 40 }))).toBe(true);
    expect(matchesQuery(base, query({ gpuModels: ["H100"] }))).toBe(false);
    expect(matchesQuery(base, query({ excludeGpuModels: ["A100"] }))).toBe(false);
    expect(matchesQuery(base, query({ providers: ["gcp"] }))).toBe(false);
    expect(matchesQuery(base, query({ excludeProviders: ["aws"] }))).toBe(false);
    expect(matchesQuery(base, query({ maxPricePerHour: 0.99 }))).toBe(false);
    expect(matchesQuery(base, query({ minVcpus: 9 }))).toBe(false);
    expect(matchesQuery(base, query({ minMemoryGb: 65 }))).toBe(false);
    expect(matchesQuery(base, query({ gpu: "none" }))).toBe(false);
    expect(matchesQuery(row({ gpuCount: 0, gpuModel: null, acceleratorKind: null }), query({ gpu: "none" }))).toBe(true);
    expect(matchesQuery(row({ acceleratorKind: "tpu" }), query({ gpu: "required" }))).toBe(false);
    expect(matchesQuery(row({ pricePerHourUsd: null, spotPricePerHourUsd: 1 }), query())).toBe(false); // not sold on demand
    expect(matchesQuery(row({ pricePerHourUsd: null, spotPricePerHourUsd: 1 }), query({ spot: true }))).toBe(true);
  });
});

describe("regionMatches", () => {
  it("matches a prefix or a whole word, case-insensitively", () => {
    expect(regionMatches("eu-west-1", "eu-west")).toBe(true);
    expect(regionMatches("Michigan, US, NA", "us")).toBe(true);
    expect(regionMatches("us-east-1", "US")).toBe(true);
    expect(regionMatches("australia-east", "us")).toBe(false);
    expect(regionMatches("europe-west4", "eu-west")).toBe(false);
  });
});

describe("GPU slices (a fraction of one GPU, AWS g6f)", () => {
  // g6f.large: 1/8 of an L4 = 3 GB; g6f.2xlarge: 1/4 = 6 GB (per-GPU and total are the slice's memory).
  const eighth = row({ instanceType: "g6f.large", gpuModel: "L4", gpuCount: 0.125, gpuMemoryGbPerGpu: 3, gpuMemoryGbTotal: 3, pricePerHourUsd: 0.2 });
  const quarter = row({ instanceType: "g6f.2xlarge", gpuModel: "L4", gpuCount: 0.25, gpuMemoryGbPerGpu: 6, gpuMemoryGbTotal: 6, pricePerHourUsd: 0.5 });
  const whole = row({ instanceType: "g6.xlarge", gpuModel: "L4", gpuCount: 1, gpuMemoryGbPerGpu: 24, gpuMemoryGbTotal: 24, pricePerHourUsd: 0.8 });
  const types = (q: NormalizedComputeQuery) => rankInstances([eighth, quarter, whole], q).results.map((r) => r.instanceType);

  it("are never offered without a memory need (a GPU model or count alone)", () => {
    expect(types(query({ gpuModels: ["L4"] }))).toEqual(["g6.xlarge"]);
  });
  it("are offered only when the slice's memory holds the need", () => {
    expect(types(query({ allowGpuSlices: true, minTotalGpuMemoryGb: 5 }))).toEqual(["g6f.2xlarge", "g6.xlarge"]);
    expect(types(query({ allowGpuSlices: true, minGpuMemoryGb: 2.5 }))).toEqual(["g6f.large", "g6f.2xlarge", "g6.xlarge"]);
  });
  it("never satisfy a whole-GPU count", () => {
    expect(types(query({ allowGpuSlices: true, minTotalGpuMemoryGb: 1, minGpuCount: 1 }))).toEqual(["g6.xlarge"]);
  });
});
