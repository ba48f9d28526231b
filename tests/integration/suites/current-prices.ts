import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { stalePriceWarning } from "@/lib/agents/architect/price-dates";
import { computeSearch } from "@/lib/tools/compute-search";

const V8 = "2025-2026 (v8 snapshot)";

/**
 * The committed snapshot carries the current (v8) AWS/GCP GPU prices, keeps v5 for the rest,
 * and every row records its own data date (v8-gpu/SOURCE.md, issue 20).
 */
export function currentPricesSuite(h: () => DbHandle) {
  const row = async (provider: string, type: string, region: string) =>
    (await h().query<{ price: number; date: string; source: string }>(sql`
      SELECT price_per_hour_usd AS price, data_as_of AS date, source FROM cloud.instances
      WHERE provider = ${provider} AND instance_type = ${type} AND region = ${region}`))[0];

  describe("current AWS/GCP GPU prices on the real catalog", () => {
    it("AWS p5.48xlarge, p4d.24xlarge and g6e.xlarge in us-east-1 carry the v8 prices", async () => {
      const search = (gpu_model: string, min_gpu_count: number) =>
        computeSearch(h(), { providers: ["aws"], regions: ["us-east-1"], gpu_model, min_gpu_count, top_k: 5 });
      const p5 = (await search("H100", 8)).results.find((x) => x.instance_type === "p5.48xlarge");
      expect(p5).toMatchObject({ region: "us-east-1", price_per_hour_usd: 55.04, data_as_of: V8 }); // v5: 98.32
      const p4d = (await search("A100", 8)).results.find((x) => x.instance_type === "p4d.24xlarge");
      expect(p4d).toMatchObject({ price_per_hour_usd: 21.957642, data_as_of: V8 }); // v5: 32.7726
      expect((await search("L40S", 1)).results[0]).toMatchObject({ instance_type: "g6e.xlarge", price_per_hour_usd: 1.861, data_as_of: V8 });
    });

    it("GCP a3-highgpu-8g in us-central1 is host + 8× H100 at the v8 prices", async () => {
      expect(await row("gcp", "a3-highgpu-8g", "us-central1")).toMatchObject({ price: 43.06615, date: V8 }); // v5: 87.83246
    });

    it("retired AWS p2 and g3 types are gone; a CPU-only AWS type keeps its v5 price and date", async () => {
      const gone = await h().query<{ n: string | number }>(sql`
        SELECT count(*) AS n FROM cloud.instances WHERE provider = 'aws' AND (instance_type LIKE 'p2.%' OR instance_type LIKE 'g3.%' OR instance_type LIKE 'g3s.%')`);
      expect(Number(gone[0].n)).toBe(0);
      expect(await row("aws", "p2.xlarge", "us-east-1")).toBeUndefined();
      expect(await row("aws", "g3.4xlarge", "us-east-1")).toBeUndefined();
      expect(await row("aws", "m5.xlarge", "us-east-1")).toEqual({ price: 0.192, date: "2024-06-13", source: "skypilot-catalog v5/aws/vms.csv" });
    });

    it("newer AWS GPU types are offered (p5en H200, p6-b200 B200)", async () => {
      const r = await computeSearch(h(), { providers: ["aws"], regions: ["us-east-1"], min_total_gpu_memory_gb: 1100, top_k: 10 });
      const types = r.results.map((x) => x.instance_type);
      expect(types).toEqual(expect.arrayContaining(["p5en.48xlarge", "p6-b200.48xlarge"]));
    });

    it("rows without an on-demand price (AWS p5e) are never ranked on-demand, only as spot", async () => {
      const od = await computeSearch(h(), { providers: ["aws"], gpu_model: "H200", top_k: 50 });
      expect(od.results.map((x) => x.instance_type)).not.toContain("p5e.48xlarge");
      const spot = await computeSearch(h(), { providers: ["aws"], gpu_model: "H200", spot: true, top_k: 50 });
      expect(spot.results.map((x) => x.instance_type)).toContain("p5e.48xlarge");
    });

    it("GPU slices (g6f/gr6f) only when a memory need is given, which their slice memory holds", async () => {
      const named = await computeSearch(h(), { providers: ["aws"], gpu_model: "L4", top_k: 100 });
      expect(named.results.length).toBeGreaterThan(0);
      for (const x of named.results) expect(x.gpu_count, x.instance_type).toBeGreaterThanOrEqual(1);
      const need = await computeSearch(h(), { providers: ["aws"], min_total_gpu_memory_gb: 5, top_k: 100 });
      const slices = need.results.filter((x) => x.gpu_slice);
      expect(slices.length).toBeGreaterThan(0);
      for (const x of slices) {
        expect(x.gpu_count).toBeLessThan(1);
        expect(x.gpu_memory_gb).toBeGreaterThanOrEqual(5);
        expect(x.instance_type).toMatch(/^(g6f|gr6f)\./);
      }
      expect(need.results.filter((x) => !x.gpu_slice).every((x) => x.gpu_count >= 1)).toBe(true);
    });

    it("the stale-price warning names the date of the rows actually used", async () => {
      const warnFor = async (q: Parameters<typeof computeSearch>[1]) => stalePriceWarning((await computeSearch(h(), q)).results);
      // Current v8 rows only: no warning.
      expect(await warnFor({ providers: ["aws"], gpu_model: "H100", min_gpu_count: 8, top_k: 5 })).toBeNull();
      expect(await warnFor({ providers: ["gcp"], gpu_model: "H100", min_gpu_count: 8, top_k: 5 })).toBeNull();
      // AWS CPU types are still v5 rows.
      expect(await warnFor({ gpu: "none", providers: ["aws"], min_vcpus: 8, top_k: 3 })).toMatch(/^Stale prices: aws [^;]+ \(2024-06-13\) come from/);
      // Azure stays on its Dec-2023 file.
      expect(await warnFor({ providers: ["azure"], gpu_model: "A100", top_k: 3 })).toMatch(/^Stale prices: azure [^;]+ \(2023-12-08\) come from/);
      // GCP T4 = v5 n1 host + v8 GPU row: dated by its older half.
      expect(await warnFor({ providers: ["gcp"], gpu_model: "T4", top_k: 3 })).toMatch(/gcp n1-standard-8\+T4:\d[^;]* \(2024-06-13\)/);
    });
  });
}
