import { describe, expect, it } from "vitest";
import {
  CPU_TARGET_UTILIZATION,
  cpuServingReasonable,
  cpuServingSize,
  MAX_VCPUS_PER_REPLICA,
  SUSTAINED_GFLOPS_PER_VCPU,
  type CpuServingInput,
} from "./cpu-serving";

const MINILM_PARAMS_B = 0.0227; // all-MiniLM-L6-v2: 22.7M parameters (model card)

describe("cpuServingSize", () => {
  it("all-MiniLM-L6-v2 at 100 requests/s: vCPUs from the cited per-vCPU throughput at 70%", () => {
    const s = cpuServingSize({ kind: "embeddings", params_b: MINILM_PARAMS_B, requests_per_second: 100 });
    const perCore = (SUSTAINED_GFLOPS_PER_VCPU * 1e9) / (2 * MINILM_PARAMS_B * 1e9 * 256);
    expect(s.per_core_throughput).toBeCloseTo(perCore, 2);
    expect(s.unit).toBe("requests/s per vCPU");
    const needed = Math.ceil(100 / (perCore * CPU_TARGET_UTILIZATION));
    // The planned vCPUs serve 100 requests/s at ≤ 70% utilisation, and not wastefully more.
    expect(s.total_vcpus * s.per_core_throughput * CPU_TARGET_UTILIZATION).toBeGreaterThanOrEqual(100 - 1e-6);
    expect(s.total_vcpus).toBeGreaterThanOrEqual(needed);
    expect(s.total_vcpus).toBeLessThan(needed + s.replicas);
    expect(s.vcpus).toBeLessThanOrEqual(MAX_VCPUS_PER_REPLICA);
    expect(s.replicas).toBe(Math.ceil(needed / MAX_VCPUS_PER_REPLICA));
    expect(s.defaults.join(" ")).toMatch(/256 tokens/);
  });

  it("scales vCPUs with the request rate (monotonic) and splits into replicas past 32 vCPUs", () => {
    let prev = 0;
    for (const rps of [0.1, 1, 5, 20, 50, 100, 400, 2000]) {
      const s = cpuServingSize({ kind: "embeddings", params_b: 0.335, requests_per_second: rps });
      expect(s.total_vcpus).toBeGreaterThanOrEqual(prev);
      expect(s.vcpus).toBeLessThanOrEqual(MAX_VCPUS_PER_REPLICA);
      prev = s.total_vcpus;
    }
    expect(prev).toBeGreaterThan(MAX_VCPUS_PER_REPLICA);
  });

  it("sizes batch jobs from items and a deadline, with an 8 h default", () => {
    const a = cpuServingSize({ kind: "embeddings", params_b: MINILM_PARAMS_B, items: 1_000_000, hours: 8 });
    expect(a.rate_per_second).toBeCloseTo(1_000_000 / (8 * 3600), 1);
    const b = cpuServingSize({ kind: "embeddings", params_b: MINILM_PARAMS_B, items: 1_000_000 });
    expect(b.total_vcpus).toBe(a.total_vcpus);
    expect(b.defaults.join(" ")).toMatch(/No batch deadline given/);
    const rush = cpuServingSize({ kind: "embeddings", params_b: MINILM_PARAMS_B, items: 1_000_000, hours: 1 });
    expect(rush.total_vcpus).toBeGreaterThan(a.total_vcpus);
  });

  it("states defaults when the rate is missing", () => {
    const s = cpuServingSize({ kind: "reranker", params_b: 0.568 });
    expect(s.rate_per_second).toBe(1);
    expect(s.defaults.join(" ")).toMatch(/No request rate or batch size given/);
  });

  it("LLMs: int4 weights by default, tokens/s per vCPU from 2 × params FLOPs per token", () => {
    const s = cpuServingSize({ kind: "llm", params_b: 8, requests_per_second: 0.2 });
    expect(s.unit).toBe("tokens/s per vCPU");
    expect(s.per_core_throughput).toBeCloseTo(SUSTAINED_GFLOPS_PER_VCPU / 16, 2);
    expect(s.memory_gb).toBe(Math.ceil(8 * 0.52 * 1.2 + 1));
    expect(s.defaults.join(" ")).toMatch(/int4/);
    expect(cpuServingSize({ kind: "llm", params_b: 8, precision: "fp32" }).memory_gb).toBe(Math.ceil(32 * 1.2 + 1));
  });

  it("never returns NaN / Infinity for edge inputs", () => {
    const edges: CpuServingInput[] = [
      { kind: "embeddings", params_b: 0 },
      { kind: "llm", params_b: Number.NaN, requests_per_second: -1 },
      { kind: "vision", params_b: 1e6, requests_per_second: 1e9 },
      { kind: "speech", params_b: 1.55, requests_per_second: Number.POSITIVE_INFINITY, items: Number.NaN, hours: 0 },
      { kind: "other", params_b: 0.1, tokens_per_request: 0 },
      { kind: "bogus" as never, params_b: 0.1 },
    ];
    for (const input of edges) {
      const s = cpuServingSize(input);
      for (const v of [s.vcpus, s.memory_gb, s.replicas, s.total_vcpus, s.per_core_throughput, s.rate_per_second]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(s.vcpus).toBeGreaterThanOrEqual(1);
      const r = cpuServingReasonable(input);
      expect(typeof r.reasonable).toBe("boolean");
    }
  });
});

describe("cpuServingReasonable", () => {
  it("rejects a 70B LLM at 1 request/s, with reasons", () => {
    const r = cpuServingReasonable({ kind: "llm", params_b: 70, requests_per_second: 1 });
    expect(r.reasonable).toBe(false);
    expect(r.reason).toMatch(/trickle/);
    expect(r.reason).toMatch(/tokens\/s/);
  });

  it("accepts a small LLM at a trickle and reports its single-stream speed", () => {
    const r = cpuServingReasonable({ kind: "llm", params_b: 3, requests_per_second: 0.05 });
    expect(r.reasonable).toBe(true);
    expect(r.reason).toBeNull();
    expect(r.single_stream_tokens_per_s).toBeGreaterThan(5);
  });

  it("accepts MiniLM embeddings at 100 requests/s but not a load needing many machines", () => {
    expect(cpuServingReasonable({ kind: "embeddings", params_b: MINILM_PARAMS_B, requests_per_second: 100 }).reasonable).toBe(true);
    const big = cpuServingReasonable({ kind: "embeddings", params_b: 0.335, requests_per_second: 2000 });
    expect(big.reasonable).toBe(false);
    expect(big.reason).toMatch(/replicas/);
  });
});
