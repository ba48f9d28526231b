import { describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { allInstances } from "@/db/queries/instances";
import { normalizeComputeQuery } from "@/lib/search/compute-query";
import { compareInstances, rankInstances, type InstanceCandidate } from "@/lib/search/compute-ranking";
import { computeSearchBodySchema, type ComputeSearchInput } from "@/lib/schemas/tools";
import { computeSearch } from "@/lib/tools/compute-search";
import type { InstanceOption } from "@/lib/schemas/plan";

const asCandidate = (r: InstanceOption): InstanceCandidate => ({
  provider: r.provider, instanceType: r.instance_type, region: r.region, gpuModel: r.gpu_model, gpuCount: r.gpu_count,
  gpuMemoryGbPerGpu: r.gpu_memory_gb_per_gpu ?? null, gpuMemoryGbTotal: r.gpu_memory_gb, acceleratorKind: "gpu",
  vcpus: r.vcpus, memoryGb: r.memory_gb, pricePerHourUsd: r.price_per_hour_usd, spotPricePerHourUsd: r.spot_price_per_hour_usd,
  dataAsOf: r.data_as_of ?? "",
});

export function computeSearchSuite(h: () => DbHandle) {
  describe("compute search on the real catalog", () => {
    it("≥ 160 GB total GPU memory: only such instances, cheapest first, no duplicated types", async () => {
      const r = await computeSearch(h(), { min_total_gpu_memory_gb: 160, top_k: 100 });
      expect(r.total_matches).toBeGreaterThan(100);
      expect(r.results).toHaveLength(100);
      for (const x of r.results) expect(x.gpu_memory_gb).toBeGreaterThanOrEqual(160);
      const keys = r.results.map((x) => `${x.provider}/${x.instance_type}`);
      expect(new Set(keys).size).toBe(keys.length);
      const sorted = [...r.results].map(asCandidate).sort(compareInstances(false));
      expect(r.results.map((x) => x.instance_type)).toEqual(sorted.map((x) => x.instanceType));
      for (const x of r.results) expect(x.monthly_cost_usd).toBeCloseTo(x.price_per_hour_usd * 730, 1);
    });

    it("a provider filter never leaks another provider", async () => {
      for (const providers of [["aws"], ["gcp", "azure"], ["lambda"], ["runpod", "vast"]]) {
        const r = await computeSearch(h(), { providers, top_k: 100, min_gpu_count: 1 });
        expect(r.total_matches).toBeGreaterThan(0);
        for (const x of r.results) expect(providers).toContain(x.provider);
      }
    });

    it("GPU aliases: 'A6000' finds RTX A6000 instances under every spelling providers use", async () => {
      const r = await computeSearch(h(), { gpu_model: "a6000", top_k: 100 });
      expect(r.total_matches).toBeGreaterThan(5);
      expect(new Set(r.results.map((x) => x.gpu_model))).toEqual(new Set(["RTXA6000"]));
      expect(new Set(r.results.map((x) => x.provider)).size).toBeGreaterThan(2);
    });

    it("spot ranks by spot price and only returns instances with a spot price", async () => {
      const r = await computeSearch(h(), { gpu_model: "H100", min_gpu_count: 8, spot: true, top_k: 20 });
      expect(r.results.length).toBeGreaterThan(0);
      for (const x of r.results) expect(x.spot_price_per_hour_usd).toBe(x.price_per_hour_usd);
      const prices = r.results.map((x) => x.price_per_hour_usd);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
    });

    it("agrees with the in-memory reference scan on a range of queries", async () => {
      const rows = await allInstances(h());
      const queries: ComputeSearchInput[] = [
        { min_total_gpu_memory_gb: 80 },
        { gpu_model: "A100", min_gpu_count: 2, top_k: 30 },
        { gpu: "none", min_vcpus: 16, min_memory_gb: 64, providers: ["aws"], top_k: 25 },
        { gpu: "any", max_price_per_hour_usd: 0.2, top_k: 40 },
        { min_gpu_memory_gb: 24, regions: ["us-east"], top_k: 30 },
        { gpu_model: "L4", regions: ["europe"], spot: true },
        { min_gpu_memory_gb: 48, regions: ["US"], top_k: 50 },
        // GPU slices (AWS g6f/gr6f): offered with a memory need, never on a model alone.
        { providers: ["aws"], min_total_gpu_memory_gb: 5, top_k: 100 },
        { gpu_model: "L4", providers: ["aws"], top_k: 100 },
      ];
      for (const input of queries) {
        const q = computeSearchBodySchema.parse(input);
        const sqlResult = await computeSearch(h(), q);
        const ref = rankInstances(rows, normalizeComputeQuery(q));
        expect(sqlResult.total_matches, JSON.stringify(input)).toBe(ref.totalMatches);
        expect(sqlResult.results.map((x) => `${x.provider}/${x.instance_type}/${x.region}`), JSON.stringify(input)).toEqual(
          ref.results.map((x) => `${x.provider}/${x.instanceType}/${x.region}`),
        );
      }
    });

    it("explains an empty result and suggests the nearest relaxation", async () => {
      const r = await computeSearch(h(), { gpu_model: "H100", min_gpu_count: 8, providers: ["aws"], max_price_per_hour_usd: 5 });
      expect(r.total_matches).toBe(0);
      expect(r.reason).toMatch(/price cap/);
      const s = r.suggestions!.find((x) => x.kind === "without_price_cap")!;
      expect(s.message).toMatch(/aws p5\.48xlarge/);
      const unknown = await computeSearch(h(), { gpu_model: "Z9000" });
      expect(unknown.reason).toMatch(/Unknown GPU model "Z9000"/);
    });
  });
}
