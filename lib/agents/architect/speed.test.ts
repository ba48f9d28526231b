import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { estimateMemory, findArchitecture, layoutOn, sizingInputFromSpec } from "@/lib/sizing";
import type { InstanceOption } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { rankForLoad, servingOn, toPerformance } from "./speed";
import { mergeSpotRows, onDemandView, payingHourly } from "./spot-prices";
import { budgetVerdict } from "./verdict";
import type { FittedInstance } from "./types";

const arch = findArchitecture("meta-llama/Llama-3.1-8B-Instruct")!.arch;
const spec = (s: Partial<WorkloadSpec> = {}): WorkloadSpec => ({ task: "inference", modality: "llm", model: { hf_id: "meta-llama/Llama-3.1-8B-Instruct" }, precision: "bf16", ...s });
const sizingOf = (s: WorkloadSpec) => estimateMemory(sizingInputFromSpec(s));

function inst(gpu: string, count: number, perGpu: number, price: number, spot: number | null = null, type = `${gpu}x${count}`): InstanceOption {
  return {
    provider: "aws", instance_type: type, region: "us-east-1", gpu_model: gpu, gpu_count: count, gpu_memory_gb: perGpu * count, vcpus: 8, memory_gb: 64,
    price_per_hour_usd: price, spot_price_per_hour_usd: spot, monthly_cost_usd: Math.round(price * 730 * 100) / 100, gpu_memory_gb_per_gpu: perGpu,
  };
}
// Memory is sized for one replica's sequences (a concurrency of 1 here); the load decides the replicas.
const oneReplica = sizingOf(spec());
const fitted = (_s: WorkloadSpec, x: InstanceOption): FittedInstance => ({
  instance: x,
  layout: layoutOn(oneReplica, { gpuCount: x.gpu_count, perGpuGb: x.gpu_memory_gb_per_gpu! }, { kind: "llm_serving", heads: arch.heads, layers: arch.layers }),
});
const input = (s: WorkloadSpec) => ({ spec: s, arch, precision: "bf16" as const, sizing: oneReplica });

describe("servingOn", () => {
  it("estimates a served LLM on a GPU with datasheet figures, and refuses one without", () => {
    const s = spec({ concurrency: 8 });
    const e = servingOn(input(s), fitted(s, inst("L4", 1, 24, 0.8)));
    expect(e).not.toBeNull();
    expect(e!.estimate.decode_tokens_per_s_per_sequence).toBeGreaterThan(10);
    expect(e!.gpu).toMatch(/^L4/);
    expect(servingOn(input(s), fitted(s, inst("A10G", 1, 24, 1.0)))).toBeNull(); // no published tensor figure
  });
  it("more users need more instances on the same card", () => {
    const few = spec({ concurrency: 2, target_tokens_per_s: 20 });
    const many = spec({ concurrency: 400, target_tokens_per_s: 20 });
    const a = servingOn(input(few), fitted(few, inst("L4", 1, 24, 0.8)))!;
    const b = servingOn(input(many), fitted(many, inst("L4", 1, 24, 0.8)))!;
    expect(b.instances).toBeGreaterThan(a.instances);
    expect(b.hourly).toBeCloseTo(0.8 * b.instances, 6);
  });
  it("the performance block keeps the estimate's figures and says whether the target is met", () => {
    const s = spec({ concurrency: 4 });
    const p = toPerformance(servingOn(input(s), fitted(s, inst("H100", 1, 80, 3)))!);
    expect(p.meets_target).toBe(true);
    expect(p.replicas_needed).toBe(1);
    expect(p.target_tokens_per_s_per_sequence).toBe(10);
  });
});

describe("rankForLoad", () => {
  it("a heavy load prefers the configuration that meets it cheapest, and carries instance_count", () => {
    const s = spec({ concurrency: 300, target_tokens_per_s: 20 });
    const cheapSmall = inst("L4", 1, 24, 0.7, null, "g6.xlarge");
    const big = inst("H100", 8, 80, 24, null, "p5.48xlarge");
    const { ranked, estimates } = rankForLoad(input(s), [fitted(s, cheapSmall), fitted(s, big)]);
    const costs = estimates.map((e) => e!.hourly);
    expect(costs[0]).toBeLessThanOrEqual(costs[1]);
    const first = ranked[0].instance;
    expect(first.instance_count ?? 1).toBe(estimates[0]!.instances);
    if (estimates[0]!.instances > 1) expect(first.instance_count).toBeGreaterThanOrEqual(2);
  });
  it("instances that cannot reach the per-sequence target rank after those that can", () => {
    const s = spec({ concurrency: 1, target_tokens_per_s: 80 });
    const slow = inst("T4", 4, 16, 0.3, null, "g4dn.12xlarge");
    const fast = inst("H100", 1, 80, 3, null, "a3.1g");
    const { ranked, estimates } = rankForLoad(input(s), [fitted(s, slow), fitted(s, fast)]);
    expect(ranked[0].instance.instance_type).toBe("a3.1g");
    expect(estimates[1]!.estimate.binding_constraint).toBe("latency");
  });
  it("rows without figures keep their order after those with figures (stable)", () => {
    const s = spec({ concurrency: 2 });
    const rows = [fitted(s, inst("A10G", 1, 24, 0.5, null, "a")), fitted(s, inst("L4", 1, 24, 0.8, null, "b")), fitted(s, inst("A10G", 1, 24, 0.6, null, "c"))];
    expect(rankForLoad(input(s), rows).ranked.map((x) => x.instance.instance_type)).toEqual(["b", "a", "c"]);
  });
});

describe("spot prices", () => {
  it("a spot search's row is shown with its on-demand price; spot-only types are left out", () => {
    const row = { ...inst("H100", 8, 80, 12, 12), on_demand_price_per_hour_usd: 30 };
    expect(onDemandView(row)).toMatchObject({ price_per_hour_usd: 30, monthly_cost_usd: 21900, spot_price_per_hour_usd: 12 });
    expect(onDemandView({ ...row, on_demand_price_per_hour_usd: null })).toBeNull();
    expect(onDemandView(inst("L4", 1, 24, 1))).toEqual(inst("L4", 1, 24, 1));
  });
  it("merged rows rank by what the user pays, each type once", () => {
    const s = spec();
    const od = [fitted(s, inst("L4", 1, 24, 1.0, null, "x")), fitted(s, inst("L4", 1, 24, 1.2, 0.4, "y"))];
    const sp = [fitted(s, inst("L4", 1, 24, 1.2, 0.4, "y")), fitted(s, inst("L4", 1, 24, 2, 0.7, "z"))];
    expect(mergeSpotRows(od, sp).map((x) => x.instance.instance_type)).toEqual(["y", "z", "x"]);
  });
  it("accepting spot never raises the price paid or the plan's cost (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.option(fc.double({ min: 0.01, max: 100, noNaN: true })), fc.integer({ min: 1, max: 8 }), (price, spot, count) => {
        const row = inst("H100", 1, 80, price, spot ?? null);
        expect(payingHourly(row, true)).toBeLessThanOrEqual(payingHourly(row, false));
        // Several instances are a node pool: the verdict is on the pool.
        const nodes = count > 1 ? [{ id: "gpu", role: "gpu" as const, instance: row, count, components: ["llm"], monthly_cost_usd: Math.round(row.monthly_cost_usd * count * 100) / 100 }] : [];
        const v = budgetVerdict({ budget_monthly_usd: 1000, spot_ok: true }, row, nodes, [], null);
        if (v.monthlySpot !== null) expect(v.monthlySpot).toBeLessThanOrEqual(price * count * 730 + 0.02);
        // (each instance's monthly price is rounded to cents before the pool sums it)
        expect(v.cost!).toBeLessThanOrEqual(budgetVerdict({ budget_monthly_usd: 1000 }, row, nodes, [], null).cost! + 0.01 * count + 0.01);
      }),
    );
  });
});

describe("budgetVerdict", () => {
  const top = inst("H100", 4, 80, 7.6, 3.98);
  it("on demand, then spot when allowed", () => {
    expect(budgetVerdict({ budget_monthly_usd: 4000 }, top, [], [], null)).toMatchObject({ fits: false, basis: "on_demand", monthly: 5548 });
    expect(budgetVerdict({ budget_monthly_usd: 4000, spot_ok: true }, top, [], [], null)).toMatchObject({ fits: true, basis: "spot", monthlySpot: 2905.4 });
  });
  it("a per-run budget is judged on the run", () => {
    const job = { tokens: 1e8, total_flops: 1e18, mfu: 0.4, gpu_hours: 10, wall_clock_hours: 2.5, run_cost_usd: 19, run_cost_spot_usd: 9.95, assumptions: [] };
    expect(budgetVerdict({ budget_per_run_usd: 15 }, top, [], [], job)).toMatchObject({ fits: false, basis: "run", cost: 19 });
    expect(budgetVerdict({ budget_per_run_usd: 15, spot_ok: true }, top, [], [], job)).toMatchObject({ fits: true, basis: "run_spot" });
  });
  it("no budget: no verdict", () => expect(budgetVerdict({}, top, [], [], null).fits).toBeNull());
});
