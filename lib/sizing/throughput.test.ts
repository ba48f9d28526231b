import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gpuPerf, type GpuPerfRow } from "@/lib/gpu/performance";
import { findArchitecture, kvBytesPerToken } from "./architectures";
import {
  DECODE_BANDWIDTH_EFFICIENCY,
  estimateThroughput,
  replicaModel,
  rooflines,
  ThroughputInputError,
  TP_EFFICIENCY,
  type ThroughputInput,
} from "./throughput";
import { SizingInputError } from "./types";

const arch = (name: string) => findArchitecture(name)!.arch;
const within = (got: number, want: number, tol: number) => Math.abs(got - want) / want <= tol;

const A100_80_SXM = gpuPerf("A100-80GB", "SXM")!;
const RTX4090 = gpuPerf("RTX4090")!;
const H100_SXM = gpuPerf("H100", "SXM")!;

/** A single sequence of a Llama model on one GPU (llama-bench tg128: empty prompt, 128 generated tokens). */
function single(model: string, gpu: GpuPerfRow, bytesPerParam: number, prompt = 0): ThroughputInput {
  const a = arch(model);
  return {
    params_b: a.params_b,
    bytes_per_param: bytesPerParam,
    kv_bytes_per_token: kvBytesPerToken(a, 2),
    avg_prompt_tokens: prompt,
    avg_output_tokens: 128,
    concurrency: 1,
    gpu,
    hourly_price_usd: 2,
  };
}

describe("calibration against published figures", () => {
  it("Llama 2 7B fp16 on one A100 80GB decodes between half the bandwidth bound and the bound", () => {
    // Bound: 2.039e12 B/s / (6.74e9 × 2 B) ≈ 151 tokens/s (≈ 2.0e12 / 13.5e9 in the issue).
    const bound = (A100_80_SXM.memory_bandwidth_tbs! * 1e12) / (arch("llama-2-7b").params_b * 1e9 * 2);
    const got = estimateThroughput(single("llama-2-7b", A100_80_SXM, 2, 128)).decode_tokens_per_s_per_sequence;
    expect(got).toBeGreaterThan(bound / 2);
    expect(got).toBeLessThan(bound);
  });

  it("llama.cpp on an RTX 4090: Llama 7B F16 61.03 t/s and Q8_0 98.13 t/s (tg128), within ±25%", () => {
    // ggml-org/llama.cpp PR #4766 (ggerganov, 2024-01-10), llama-bench on an RTX 4090, 6.74B params.
    // Q8_0 stores 32 int8 weights + one fp16 scale per block: 34 B / 32 weights = 1.0625 B/param.
    expect(within(estimateThroughput(single("llama-2-7b", RTX4090, 2)).decode_tokens_per_s_per_sequence, 61.03, 0.25)).toBe(true);
    expect(within(estimateThroughput(single("llama-2-7b", RTX4090, 1.0625)).decode_tokens_per_s_per_sequence, 98.13, 0.25)).toBe(true);
  });

  it("MLC-LLM 4-bit on an RTX 4090: Llama 2 7B 191.0 and 13B 108.8 tokens/s, within ±25%", () => {
    // mlc-ai/llm-perf-bench PR #1 (2023-08-05 review comment, "latest numbers", CUDA 11.8, single stream).
    // q4f16_1: 4-bit weights + one fp16 scale per 32 weights = 4.5 bits = 0.5625 B/param.
    expect(within(estimateThroughput(single("llama-2-7b", RTX4090, 0.5625)).decode_tokens_per_s_per_sequence, 191.0, 0.25)).toBe(true);
    expect(within(estimateThroughput(single("llama-2-13b", RTX4090, 0.5625)).decode_tokens_per_s_per_sequence, 108.8, 0.25)).toBe(true);
  });
});

const base = (over: Partial<ThroughputInput> = {}): ThroughputInput => ({
  ...single("llama-3.1-8b", H100_SXM, 2, 1000),
  avg_output_tokens: 300,
  concurrency: 64,
  hourly_price_usd: 4,
  ...over,
});

describe("estimateThroughput", () => {
  it("reads only the active experts of an MoE for one sequence", () => {
    const dense = estimateThroughput(base({ params_b: 46.7, concurrency: 1 }));
    const moe = estimateThroughput(base({ params_b: 46.7, active_params_b: 12.9, concurrency: 1 }));
    expect(moe.decode_tokens_per_s_per_sequence / dense.decode_tokens_per_s_per_sequence).toBeGreaterThan(3);
    expect(moe.assumptions.join(" ")).toMatch(/MoE/);
  });

  it("scales tensor parallelism by the interconnect's efficiency (NVLink better than PCIe)", () => {
    const one = estimateThroughput(base({ params_b: 70, concurrency: 1, gpu: H100_SXM })).prefill_tokens_per_s;
    const two = estimateThroughput(base({ params_b: 70, concurrency: 1, gpu: H100_SXM, gpus_per_replica: 2 })).prefill_tokens_per_s;
    expect(two / one).toBeCloseTo(2 * TP_EFFICIENCY.NVLink, 6);
    const pcie = gpuPerf("H100", "PCIe")!;
    const p1 = estimateThroughput(base({ params_b: 70, concurrency: 1, gpu: pcie })).prefill_tokens_per_s;
    const p2 = estimateThroughput(base({ params_b: 70, concurrency: 1, gpu: pcie, gpus_per_replica: 2 })).prefill_tokens_per_s;
    expect(p2 / p1).toBeCloseTo(2 * TP_EFFICIENCY.PCIe, 6);
  });

  it("uses FP8 tensor cores only on cards that have them", () => {
    const h = (p: "bf16" | "fp8") => estimateThroughput(base({ gpu: H100_SXM, compute_precision: p })).prefill_tokens_per_s;
    expect(h("fp8") / h("bf16")).toBeCloseTo(2, 2);
    const a = (p: "bf16" | "fp8") => estimateThroughput(base({ gpu: A100_80_SXM, compute_precision: p })).prefill_tokens_per_s;
    expect(a("fp8")).toBe(a("bf16"));
  });

  it("says which constraint decided: throughput, memory, latency or budget", () => {
    const free = estimateThroughput(base());
    expect(free.binding_constraint).toBe("throughput");
    const capped = estimateThroughput(base({ max_sequences_per_replica: 4 }));
    expect(capped.binding_constraint).toBe("memory");
    expect(capped.batch_per_replica).toBe(4);
    expect(capped.replicas_needed).toBe(16);
    // KV memory: Llama 3.1 8B bf16 holds 131,072 B/token × 1,300 tokens ≈ 0.17 GB per sequence.
    const perSeqGb = (kvBytesPerToken(arch("llama-3.1-8b"), 2) * 1300) / 1e9;
    const byKv = estimateThroughput(base({ kv_cache_gb_per_replica: 10 * perSeqGb + 1e-6 }));
    expect(byKv.binding_constraint).toBe("memory");
    expect(byKv.batch_per_replica).toBe(10);
    const slow = estimateThroughput(base({ target_tokens_per_s_per_sequence: 1e5 }));
    expect(slow.binding_constraint).toBe("latency");
    const ttft = estimateThroughput(base({ avg_prompt_tokens: 1e6, params_b: 70 }));
    expect(ttft.binding_constraint).toBe("latency");
    const poor = estimateThroughput(base({ concurrency: 5000, max_hourly_budget_usd: 1 }));
    expect(poor.binding_constraint).toBe("budget");
  });

  it("needs more replicas for more load, and serves a higher target with more replicas", () => {
    const lo = estimateThroughput(base({ concurrency: 100 }));
    const hi = estimateThroughput(base({ concurrency: 10000 }));
    expect(hi.replicas_needed).toBeGreaterThan(lo.replicas_needed);
    const fast = estimateThroughput(base({ concurrency: 10000, target_tokens_per_s_per_sequence: 60 }));
    expect(fast.replicas_needed).toBeGreaterThan(hi.replicas_needed);
  });

  it("sizes a requests/s load by output tokens and reports the delivered tokens/s", () => {
    const e = estimateThroughput(base({ concurrency: undefined, requests_per_s: 20 }));
    expect(e.aggregate_tokens_per_s).toBeCloseTo(20 * 300, 6);
    expect(e.replicas_needed).toBe(Math.ceil((20 * 300) / e.per_replica_capacity_tokens_per_s));
  });

  it("prices a million output tokens from the hourly price, replicas and tokens/s; spot null without a spot price", () => {
    const e = estimateThroughput(base({ hourly_spot_price_usd: 1.5 }));
    expect(e.cost_per_million_output_tokens_usd).toBeCloseTo(((4 * e.replicas_needed) / (e.aggregate_tokens_per_s * 3600)) * 1e6, 9);
    expect(e.cost_per_million_output_tokens_spot_usd! / e.cost_per_million_output_tokens_usd).toBeCloseTo(1.5 / 4, 9);
    expect(estimateThroughput(base()).cost_per_million_output_tokens_spot_usd).toBeNull();
  });

  it("rejects impossible inputs with a typed error (never NaN)", () => {
    const bad: Partial<ThroughputInput>[] = [
      { params_b: Number.NaN },
      { params_b: 0 },
      { active_params_b: 100 },
      { bytes_per_param: 0 },
      { avg_output_tokens: 0 },
      { requests_per_s: 5 }, // and concurrency: both given
      { concurrency: undefined },
      { gpus_per_replica: 1.5 },
      { hourly_price_usd: Number.POSITIVE_INFINITY },
      { gpu: { ...H100_SXM, memory_bandwidth_tbs: null } },
      { gpu: gpuPerf("A10G")! }, // no published compute peak
    ];
    for (const b of bad) {
      expect(() => estimateThroughput(base(b)), JSON.stringify(b)).toThrow(ThroughputInputError);
      expect(() => estimateThroughput(base(b))).toThrow(SizingInputError);
    }
  });
});

// ── properties ──────────────────────────────────────────────────────────────────────────────────
const device = fc.record({
  bw: fc.double({ min: 0.1, max: 10, noNaN: true }),
  tflops: fc.double({ min: 5, max: 5000, noNaN: true }),
  nvlink: fc.boolean(),
});
const workload = fc.record({
  params: fc.double({ min: 0.1, max: 700, noNaN: true }),
  activeShare: fc.double({ min: 0.05, max: 1, noNaN: true }),
  bytes: fc.constantFrom(0.52, 1, 2),
  kv: fc.integer({ min: 0, max: 1_000_000 }),
  prompt: fc.integer({ min: 0, max: 32_000 }),
  output: fc.integer({ min: 1, max: 8_000 }),
  concurrency: fc.integer({ min: 1, max: 20_000 }),
  g: fc.constantFrom(1, 2, 4, 8),
  target: fc.double({ min: 1, max: 200, noNaN: true }),
});

function toInput(d: { bw: number; tflops: number; nvlink: boolean }, w: typeof workload extends fc.Arbitrary<infer T> ? T : never, over: Partial<ThroughputInput> = {}): ThroughputInput {
  return {
    params_b: w.params,
    active_params_b: w.params * w.activeShare,
    bytes_per_param: w.bytes,
    kv_bytes_per_token: w.kv,
    avg_prompt_tokens: w.prompt,
    avg_output_tokens: w.output,
    concurrency: w.concurrency,
    gpus_per_replica: w.g,
    target_tokens_per_s_per_sequence: w.target,
    target_ttft_ms: 1e9,
    gpu: {
      gpu: "test", dense_bf16_tflops: d.tflops, dense_fp8_tflops: null, dense_int8_tops: null, fp32_tflops: null,
      memory_bandwidth_tbs: d.bw, interconnect: d.nvlink ? "NVLink" : "PCIe",
    },
    hourly_price_usd: 3,
    ...over,
  };
}

describe("throughput properties", () => {
  it("aggregate tokens/s never exceeds either roofline", () => {
    fc.assert(
      fc.property(device, workload, fc.integer({ min: 1, max: 100_000 }), (d, w, batch) => {
        const { model } = replicaModel(toInput(d, w));
        const r = rooflines(model, batch);
        expect(r.aggregate).toBeLessThanOrEqual(r.compute * (1 + 1e-9));
        expect(r.aggregate).toBeLessThanOrEqual(r.bandwidth * (1 + 1e-9));
      }),
    );
  });

  it("a faster card (higher bandwidth and FLOPS) never lowers tokens/s nor raises TTFT", () => {
    fc.assert(
      fc.property(device, workload, fc.double({ min: 1, max: 4, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), (d, w, kb, kf) => {
        const slow = estimateThroughput(toInput(d, w));
        const fast = estimateThroughput(toInput({ ...d, bw: d.bw * kb, tflops: d.tflops * kf }, w));
        const eps = 1 + 1e-9;
        expect(fast.prefill_tokens_per_s * eps).toBeGreaterThanOrEqual(slow.prefill_tokens_per_s);
        expect(fast.decode_tokens_per_s_per_sequence * eps).toBeGreaterThanOrEqual(slow.decode_tokens_per_s_per_sequence);
        expect(fast.per_replica_capacity_tokens_per_s * eps).toBeGreaterThanOrEqual(slow.per_replica_capacity_tokens_per_s);
        expect(fast.ttft_ms).toBeLessThanOrEqual(slow.ttft_ms * eps);
        expect(fast.replicas_needed).toBeLessThanOrEqual(slow.replicas_needed);
      }),
    );
  });

  it("replicas_needed is within ±1 of load ÷ per-replica capacity", () => {
    fc.assert(
      fc.property(device, workload, fc.double({ min: 0.01, max: 500, noNaN: true }), (d, w, rps) => {
        const c = estimateThroughput(toInput(d, w));
        expect(Math.abs(c.replicas_needed - w.concurrency / c.batch_per_replica)).toBeLessThanOrEqual(1);
        const r = estimateThroughput(toInput(d, w, { concurrency: undefined, requests_per_s: rps }));
        expect(Math.abs(r.replicas_needed - (rps * w.output) / r.per_replica_capacity_tokens_per_s)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("a spot price at or below on-demand never raises the cost", () => {
    fc.assert(
      fc.property(device, workload, fc.double({ min: 0, max: 1, noNaN: true }), (d, w, share) => {
        const e = estimateThroughput(toInput(d, w, { hourly_spot_price_usd: 3 * share }));
        expect(e.cost_per_million_output_tokens_spot_usd!).toBeLessThanOrEqual(e.cost_per_million_output_tokens_usd * (1 + 1e-12));
      }),
    );
  });

  it("never returns NaN or Infinity for valid inputs", () => {
    fc.assert(
      fc.property(device, workload, (d, w) => {
        const e = estimateThroughput(toInput(d, w, { hourly_spot_price_usd: 1 }));
        for (const [k, v] of Object.entries(e)) if (typeof v === "number") expect(Number.isFinite(v), k).toBe(true);
      }),
    );
  });

  it("decodes one sequence at the bandwidth efficiency of the bound when memory-bound", () => {
    const e = estimateThroughput({ ...single("llama-2-7b", A100_80_SXM, 2), kv_bytes_per_token: 0 });
    const bound = (A100_80_SXM.memory_bandwidth_tbs! * 1e12) / (arch("llama-2-7b").params_b * 1e9 * 2);
    expect(e.decode_tokens_per_s_per_sequence / bound).toBeCloseTo(DECODE_BANDWIDTH_EFFICIENCY, 9);
  });
});
