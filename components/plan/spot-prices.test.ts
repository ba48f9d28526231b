import { describe, expect, it } from "vitest";
import type { Deployment, InstanceOption, Job } from "@/lib/schemas/plan";
import { HOURS_PER_MONTH, hasSpotPrices, rowPrices, shownComputeRows, shownCost, spotByDefault } from "./spot-prices";

function row(instance_type: string, price: number, spot: number | null, extra: Partial<InstanceOption> = {}): InstanceOption {
  return {
    provider: "aws", instance_type, region: "us-east-1", gpu_model: "L4", gpu_count: 1, gpu_memory_gb: 24, vcpus: 8, memory_gb: 32,
    price_per_hour_usd: price, spot_price_per_hour_usd: spot, monthly_cost_usd: price * HOURS_PER_MONTH, ...extra,
  };
}

const types = (rows: { option: InstanceOption }[]) => rows.map((r) => r.option.instance_type);

describe("spot/on-demand price swap", () => {
  const compute = [row("a", 1.0, 0.9), row("b", 2.0, 0.3), row("c", 3.0, null), row("d", 4.0, 0.5)];

  it("keeps the plan's order and on-demand prices when spot is off", () => {
    const shown = shownComputeRows(compute, "on_demand");
    expect(types(shown)).toEqual(["a", "b", "c", "d"]);
    expect(shown.map((r) => r.hourly)).toEqual([1, 2, 3, 4]);
    expect(shown[1].monthly).toBeCloseTo(2 * HOURS_PER_MONTH, 9);
  });

  it("shows spot prices, cheapest first, and puts rows without a spot price last", () => {
    const shown = shownComputeRows(compute, "spot");
    expect(types(shown)).toEqual(["b", "d", "a", "c"]);
    expect(shown[0].hourly).toBe(0.3);
    expect(shown[0].monthly).toBeCloseTo(0.3 * HOURS_PER_MONTH, 9);
    expect(shown[3]).toMatchObject({ hourly: null, monthly: null, rank: 2 });
  });

  it("multiplies the monthly price by instance_count, and ranks by that total", () => {
    const pool = [row("one", 1, 0.4), row("three", 1, 0.2, { instance_count: 3 })];
    const shown = shownComputeRows(pool, "spot");
    expect(types(shown)).toEqual(["one", "three"]); // 0.2 × 3 = 0.6 > 0.4
    expect(shown[1].monthly).toBeCloseTo(0.2 * HOURS_PER_MONTH * 3, 9);
    expect(shown[1].hourly).toBe(0.2); // $/h stays the price of one instance
    expect(rowPrices(pool[1], "on_demand").monthly).toBeCloseTo(HOURS_PER_MONTH * 3, 9);
  });

  it("keeps the plan's order among equal spot prices and among rows without one", () => {
    const ties = [row("n1", 5, null), row("t1", 3, 0.5), row("t2", 1, 0.5), row("n2", 2, null), row("t3", 2, 0.5)];
    expect(types(shownComputeRows(ties, "spot"))).toEqual(["t1", "t2", "t3", "n1", "n2"]);
  });

  it("treats non-finite or negative spot prices as no spot price, and does not mutate the input", () => {
    const odd = [row("nan", 1, Number.NaN), row("neg", 1, -1), row("ok", 9, 2)];
    const before = JSON.stringify(odd.map((o) => o.instance_type));
    const shown = shownComputeRows(odd, "spot");
    expect(types(shown)).toEqual(["ok", "nan", "neg"]);
    expect(shown.every((r) => r.monthly == null || Number.isFinite(r.monthly))).toBe(true);
    expect(JSON.stringify(odd.map((o) => o.instance_type))).toBe(before);
    expect(hasSpotPrices(odd.slice(0, 2))).toBe(false);
    expect(hasSpotPrices(odd)).toBe(true);
  });

  it("turns spot on by default only when the budget was judged at spot prices", () => {
    expect(spotByDefault("spot")).toBe(true);
    expect(spotByDefault("run_spot")).toBe(true);
    expect(spotByDefault("on_demand")).toBe(false);
    expect(spotByDefault("run")).toBe(false);
    expect(spotByDefault(undefined)).toBe(false);
  });
});

describe("headline cost at the shown basis", () => {
  const base = {
    estimated_monthly_cost_usd: 1000, estimated_monthly_cost_spot_usd: 400, estimated_stack_monthly_cost_usd: undefined,
    fits_budget: false, budget_basis: "on_demand" as const, deployments: undefined,
  };

  it("shows the on-demand figure and the plan's verdict when spot is off", () => {
    expect(shownCost(base, false, 1000, 800)).toMatchObject({ monthly: 1000, basis: "on_demand", fits: false, spotMissing: false });
  });

  it("shows the spot figure and judges it against the monthly budget when the plan judged on demand", () => {
    expect(shownCost(base, true, 1000, 800)).toMatchObject({ monthly: 400, basis: "spot", fits: true });
    expect(shownCost(base, true, 1000, 300)).toMatchObject({ monthly: 400, fits: false });
  });

  it("keeps the plan's verdict when it was made at spot prices", () => {
    const spotPlan = { ...base, budget_basis: "spot" as const, fits_budget: true };
    expect(shownCost(spotPlan, true, 1000, 500).fits).toBe(true);
    expect(shownCost(spotPlan, false, 1000, 500).fits).toBe(false); // 1000 > 500 on demand
  });

  it("falls back to on demand when the plan has no spot estimate", () => {
    const none = { ...base, estimated_monthly_cost_spot_usd: null };
    expect(shownCost(none, true, 1000, 800)).toMatchObject({ monthly: 1000, basis: "on_demand", spotMissing: true, fits: false });
  });

  it("gives the run's cost for a job plan, at spot when asked and known", () => {
    const job: Job = { tokens: 1e8, total_flops: 3e18, mfu: 0.34, gpu_hours: 10, wall_clock_hours: 10, run_cost_usd: 41, run_cost_spot_usd: 12.5, assumptions: [] };
    const d = { job } as Deployment;
    const jobPlan = { ...base, budget_basis: "run" as const, fits_budget: true, deployments: [d] };
    expect(shownCost(jobPlan, false, 1000)).toMatchObject({ run: 41, runBasis: "on_demand", fits: true });
    expect(shownCost(jobPlan, true, 1000)).toMatchObject({ run: 12.5, runBasis: "spot", fits: true });
    const noSpot = { ...jobPlan, deployments: [{ job: { ...job, run_cost_spot_usd: null } } as Deployment] };
    expect(shownCost(noSpot, true, 1000)).toMatchObject({ run: 41, runBasis: "on_demand" });
    expect(shownCost(base, true, 1000).run).toBeNull();
  });
});
