import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gpuPerf } from "@/lib/gpu/performance";
import {
  ADAPTER_MFU_FACTOR,
  defaultMfu,
  DEFAULT_TOKENS_PER_EXAMPLE,
  estimateJob,
  JobInputError,
  MFU_FULL_HBM,
  QLORA_DEQUANT_OVERHEAD,
  type JobInput,
} from "./job";
import { SizingInputError } from "./types";

const A100_80 = gpuPerf("A100-80GB", "SXM")!;
const H100 = gpuPerf("H100", "SXM")!;
const within = (got: number, want: number, tol: number) => Math.abs(got - want) / want <= tol;

const pretrain = (params_b: number, tokens: number, gpu = A100_80): JobInput => ({
  params_b, method: "full", tokens, gpu, gpu_count: 2048, hourly_price_usd: 2048 * 2,
});

describe("calibration against published training runs (default MFU, never tuned per model)", () => {
  // Touvron et al. 2023, "Llama 2: Open Foundation and Fine-Tuned Chat Models", Table 2: pretraining
  // on 2T tokens, A100-80GB GPU-hours. Parameter counts from the released checkpoints.
  it.each([
    ["Llama 2 7B", 6.74, 184_320],
    ["Llama 2 13B", 13.0, 368_640],
    ["Llama 2 70B", 68.98, 1_720_320],
  ])("%s: %s B params, 2T tokens → %s A100-80GB GPU-hours within ±35%", (_name, params, hours) => {
    expect(within(estimateJob(pretrain(params, 2e12)).gpu_hours, hours, 0.35)).toBe(true);
  });

  it("Llama 3.1 405B: 30.84M H100-80GB GPU-hours for 15.6T tokens, within ±35%", () => {
    // GPU-hours: Meta Llama 3.1 model card ("Training Energy Use", 405B: 30.84M H100-80GB hours);
    // tokens: Dubey et al. 2024, "The Llama 3 Herd of Models", §3 (15.6T tokens); 405.9B params.
    expect(within(estimateJob(pretrain(405.9, 15.6e12, H100)).gpu_hours, 30.84e6, 0.35)).toBe(true);
  });

  it("BLOOM 176B: 1,082,990 A100-80GB GPU-hours for 366B tokens, within ±35%", () => {
    // Luccioni et al. 2022, "Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model"
    // (1,082,990 GPU-hours of training); BigScience BLOOM model card (366B training tokens, 176.2B params).
    expect(within(estimateJob(pretrain(176.2, 366e9)).gpu_hours, 1_082_990, 0.35)).toBe(true);
  });
});

describe("estimateJob", () => {
  it("counts 6·N·D for full training and 4·N·D for LoRA / QLoRA", () => {
    const full = estimateJob(pretrain(7, 1e9));
    const lora = estimateJob({ ...pretrain(7, 1e9), method: "lora" });
    expect(full.total_flops).toBeCloseTo(6 * 7e9 * 1e9, -6);
    expect(lora.total_flops / full.total_flops).toBeCloseTo(4 / 6, 9);
  });

  it("applies the adapter MFU factor and the QLoRA dequantization overhead", () => {
    const lora = estimateJob({ ...pretrain(7, 1e9), method: "lora" });
    const qlora = estimateJob({ ...pretrain(7, 1e9), method: "qlora" });
    expect(lora.mfu).toBeCloseTo(MFU_FULL_HBM * ADAPTER_MFU_FACTOR, 9);
    expect(qlora.gpu_hours / lora.gpu_hours).toBeCloseTo(QLORA_DEQUANT_OVERHEAD, 9);
    expect(qlora.assumptions.join(" ")).toMatch(/dequantization/);
  });

  it("uses the active parameters of an MoE", () => {
    const moe = estimateJob({ ...pretrain(46.7, 1e9), active_params_b: 12.9 });
    const dense = estimateJob(pretrain(12.9, 1e9));
    expect(moe.total_flops).toBeCloseTo(dense.total_flops, -6);
  });

  it("derives tokens from examples × average length × epochs, with a stated default length", () => {
    const given = estimateJob({ ...pretrain(7, 1), tokens: undefined, examples: 10_000, avg_tokens_per_example: 800, epochs: 3 });
    expect(given.tokens).toBe(10_000 * 800 * 3);
    const dflt = estimateJob({ ...pretrain(7, 1), tokens: undefined, examples: 10_000 });
    expect(dflt.tokens).toBe(10_000 * DEFAULT_TOKENS_PER_EXAMPLE);
    expect(dflt.assumptions[0]).toMatch(/assumed/);
  });

  it("splits wall clock over the GPUs and prices the run (spot too)", () => {
    const one = estimateJob({ ...pretrain(7, 1e10), gpu_count: 1, hourly_price_usd: 3, hourly_spot_price_usd: 1 });
    const eight = estimateJob({ ...pretrain(7, 1e10), gpu_count: 8, hourly_price_usd: 24 });
    expect(eight.gpu_hours).toBeCloseTo(one.gpu_hours, 9);
    expect(eight.wall_clock_hours * 8).toBeCloseTo(one.wall_clock_hours, 9);
    expect(one.run_cost_usd).toBeCloseTo(one.wall_clock_hours * 3, 9);
    expect(one.run_cost_spot_usd).toBeCloseTo(one.wall_clock_hours * 1, 9);
    expect(eight.run_cost_spot_usd).toBeNull();
  });

  it("gives cards outside the HBM/NVLink class a lower default MFU, and a faster card fewer hours", () => {
    expect(defaultMfu("L4", "full")).toBeLessThan(defaultMfu("H100", "full"));
    expect(estimateJob(pretrain(7, 1e10, H100)).gpu_hours).toBeLessThan(estimateJob(pretrain(7, 1e10)).gpu_hours);
  });

  it("rejects impossible inputs with a typed error", () => {
    const bad: Partial<JobInput>[] = [
      { params_b: -1 },
      { tokens: 0 },
      { tokens: undefined },
      { gpu_count: 0 },
      { mfu: 1.5 },
      { hourly_price_usd: Number.NaN },
      { gpu: gpuPerf("A10G")! },
      { active_params_b: 1e6 },
    ];
    for (const b of bad) {
      expect(() => estimateJob({ ...pretrain(7, 1e9), ...b }), JSON.stringify(b)).toThrow(JobInputError);
      expect(() => estimateJob({ ...pretrain(7, 1e9), ...b })).toThrow(SizingInputError);
    }
  });

  it("never returns NaN or Infinity, and spot ≤ on-demand never costs more", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 1e14, noNaN: true }),
        fc.constantFrom("full", "lora", "qlora" as const),
        fc.constantFrom("A100-80GB", "H100", "L4", "RTX4090", "T4", "K80", "MI300X"),
        fc.integer({ min: 1, max: 4096 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (params, tokens, method, gpu, count, share) => {
          const e = estimateJob({
            params_b: params, tokens, method: method as JobInput["method"], gpu: gpuPerf(gpu)!, gpu_count: count,
            hourly_price_usd: count * 2, hourly_spot_price_usd: count * 2 * share,
          });
          for (const [k, v] of Object.entries(e)) if (typeof v === "number") expect(Number.isFinite(v), k).toBe(true);
          expect(e.run_cost_spot_usd!).toBeLessThanOrEqual(e.run_cost_usd * (1 + 1e-12));
        },
      ),
    );
  });
});
