import { describe, expect, it } from "vitest";
import { sizingSchema } from "@/lib/schemas/plan";
import { checkpointPrecision, estimateMemory, sizingInputFromSpec } from "./estimate";
import { GIB, SizingInputError } from "./types";

const sumOf = (b: Record<string, number>) => Math.round(Object.values(b).reduce((s, x) => s + x, 0) * 10) / 10;

describe("LLM inference", () => {
  const l70 = estimateMemory({ task: "inference", hfId: "meta-llama/Meta-Llama-3-70B-Instruct", contextLength: 8192 });

  it("Llama-3-70B bf16: weights 70.55B × 2 B ≈ 141.1 GB; 8k KV ≈ 2.5 GiB (2.7 GB)", () => {
    expect(l70.breakdown.weights).toBe(141.1);
    expect(l70.breakdown.kv_cache).toBe(2.7);
    expect((327_680 * 8192) / GIB).toBeCloseTo(2.5, 5);
    expect(l70.source).toBe("formula");
  });

  it("formula carries the substituted numbers and adds up to the total", () => {
    expect(l70.formula).toContain("weights 70.6B × 2 B = 141.1 GB");
    expect(l70.formula).toContain("KV 2×80×8×128×2 B × 8,192 tok × 1 seq = 2.7 GB");
    expect(l70.formula).toContain("overhead max(1 GB, 5% × 141.1 GB) = 7.1 GB");
    expect(l70.formula).toContain(`total ${l70.memory_gb_required.toFixed(1)} GB`);
    expect(sumOf(l70.breakdown)).toBe(l70.memory_gb_required);
    expect(l70.memory_gb_required).toBeGreaterThan(150);
    expect(l70.memory_gb_required).toBeLessThan(155);
  });

  it("matches the plan schema and lists its defaults", () => {
    expect(sizingSchema.safeParse(l70).success).toBe(true);
    const d = estimateMemory({ task: "inference", modelName: "Llama 3.1 8B" });
    const text = d.assumptions.join("\n");
    expect(text).toMatch(/Precision bf16/);
    expect(text).toMatch(/Context 4,096 tokens/);
    expect(text).toMatch(/Concurrency 1/);
    expect(text).toMatch(/GB = 10\^9 bytes/);
  });

  it("Llama-3-8B bf16: ≈ 16 GB weights, KV 128 KiB/token", () => {
    const s = estimateMemory({ task: "inference", modelName: "Llama 3 8B", contextLength: 8192 });
    expect(s.breakdown.weights).toBe(16.1);
    expect(s.breakdown.kv_cache).toBe(Math.round((131_072 * 8192) / 1e8) / 10); // 1.1 GB
  });

  it("KV cache scales linearly with concurrency", () => {
    const one = estimateMemory({ task: "inference", modelName: "Llama 3.1 70B", contextLength: 8192, concurrency: 1 });
    const sixteen = estimateMemory({ task: "inference", modelName: "Llama 3.1 70B", contextLength: 8192, concurrency: 16 });
    expect(sixteen.breakdown.kv_cache).toBe(42.9); // 16 × 2.68 GB ≈ 40 GiB
    expect(sixteen.breakdown.kv_cache / one.breakdown.kv_cache).toBeCloseTo(16, 0);
    expect(sixteen.breakdown.weights).toBe(one.breakdown.weights);
  });

  it("MoE counts all experts: Mixtral 8x7B weights use 46.7B params", () => {
    const s = estimateMemory({ task: "inference", modelName: "Mixtral 8x7B" });
    expect(s.breakdown.weights).toBe(93.4);
    expect(s.assumptions.join(" ")).toMatch(/all 8 experts must be resident.*12\.9B are active/);
  });

  it("70B int4 ≈ 35–40 GB of weights (embeddings kept 16-bit)", () => {
    const s = estimateMemory({ task: "inference", modelName: "Llama 3.3 70B", precision: "int4" });
    expect(s.breakdown.weights).toBeGreaterThanOrEqual(35);
    expect(s.breakdown.weights).toBeLessThanOrEqual(40);
  });

  it("70B fp8 ≈ 70 GB; quantization read from the checkpoint id", () => {
    const s = estimateMemory({ task: "inference", hfId: "neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8" });
    expect(s.breakdown.weights).toBeGreaterThan(70);
    expect(s.breakdown.weights).toBeLessThan(73);
    expect(s.assumptions.join(" ")).toMatch(/fp8, as named in the checkpoint id/);
  });

  it("natively quantized checkpoints default to their published format", () => {
    const oss = estimateMemory({ task: "inference", hfId: "openai/gpt-oss-120b" });
    expect(oss.breakdown.weights).toBe(65.1); // MXFP4 experts 114.7B × 0.53 B + 2.1B × 2 B
    const r1 = estimateMemory({ task: "inference", hfId: "deepseek-ai/DeepSeek-R1" });
    expect(r1.breakdown.weights).toBeCloseTo(672.9, 1);
    expect(r1.breakdown.kv_cache).toBe(0.3); // MLA: 70,272 B/token × 4,096
    expect(r1.assumptions.join(" ")).toMatch(/MLA-aware engine/);
  });

  it("checkpointPrecision: the format a checkpoint fixes (named in the id, or published natively)", () => {
    expect(checkpointPrecision({ hfId: "openai/gpt-oss-120b" })).toMatchObject({ precision: "int4", source: "native", keepsBf16: true });
    expect(checkpointPrecision({ modelName: "DeepSeek R1", paramsB: 671 })).toMatchObject({ precision: "fp8", source: "native" });
    expect(checkpointPrecision({ hfId: "neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8" })).toMatchObject({ precision: "fp8", source: "named" });
    expect(checkpointPrecision({ modelName: "Llama 3.1 70B", paramsB: 70 })).toBeNull();
    expect(checkpointPrecision({ modelName: "totally-unknown" })).toBeNull();
  });

  it("a precision equal to the native format is sized with the native split and says so", () => {
    const s = estimateMemory({ task: "inference", modelName: "gpt-oss-120b", precision: "int4" });
    expect(s.breakdown.weights).toBe(65.1);
    expect(s.assumptions.join(" ")).toMatch(/published format \(MXFP4/);
  });

  it("unknown model with params only falls back with assumption lines", () => {
    const s = estimateMemory({ task: "inference", paramsB: 13 });
    expect(s.breakdown.weights).toBe(26);
    expect(s.assumptions.join(" ")).toMatch(/Architecture unknown: estimated from 13B params/);
    expect(s.assumptions.join(" ")).toMatch(/full multi-head attention/);
    const named = estimateMemory({ task: "inference", modelName: "acme-chat-34b" });
    expect(named.breakdown.weights).toBe(68);
    expect(named.assumptions.join(" ")).toMatch(/34B read from the name/);
    expect(named.assumptions.join(" ")).toMatch(/grouped-query attention with 8 KV heads/);
  });

  it("batch processing defaults to 8 concurrent sequences, or the batch size", () => {
    const b = estimateMemory({ task: "batch_processing", modelName: "Llama 3.1 8B", contextLength: 4096 });
    expect(b.breakdown.kv_cache).toBe(Math.round((131_072 * 4096 * 8) / 1e8) / 10);
    const b32 = estimateMemory({ task: "batch_processing", modelName: "Llama 3.1 8B", contextLength: 4096, batchSize: 32 });
    expect(b32.breakdown.kv_cache).toBe(Math.round((131_072 * 4096 * 32) / 1e8) / 10);
  });

  it("fills the gpu_fit extension", () => {
    const row = l70.gpu_fit?.find((r) => r.gpu_memory_gb === 80);
    expect(row?.gpus_needed).toBe(4);
    expect(row?.note).toMatch(/2 GPUs would hold it at 9\d% \(tight/);
  });
});

describe("input handling", () => {
  it("no name, no params, no workload → a clear SizingInputError", () => {
    expect(() => estimateMemory({ task: "inference" })).toThrow(SizingInputError);
    expect(() => estimateMemory({ task: "inference" })).toThrow(/give a model name/);
    expect(() => estimateMemory({ task: "inference", modelName: "my-secret-model" })).toThrow(/not in the architecture or measured tables/);
  });

  it("rejects nonsense numbers", () => {
    expect(() => estimateMemory({ task: "inference", paramsB: -1 })).toThrow(SizingInputError);
    expect(() => estimateMemory({ task: "inference", paramsB: 7, concurrency: 0 })).toThrow(/concurrency/);
    expect(() => estimateMemory({ task: "inference", paramsB: 7, contextLength: 1.5 })).toThrow(/contextLength/);
  });

  it("maps a WorkloadSpec", () => {
    const input = sizingInputFromSpec({ model: { name: "Llama 70B", params_b: 70 }, context_length: 8192, concurrency: 4 });
    expect(input).toMatchObject({ task: "inference", modelName: "Llama 70B", paramsB: 70, contextLength: 8192, concurrency: 4 });
    expect(estimateMemory(input).breakdown.kv_cache).toBe(10.7);
  });
});

describe("name heuristics", () => {
  it("a fine-tune named after its base family resolves via the size in its name", () => {
    const s = estimateMemory({ task: "inference", hfId: "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF" });
    expect(s.breakdown.kv_cache).toBe(1.3); // Llama-3 70B GQA KV, not the MHA fallback
    expect(s.assumptions.join(" ")).toMatch(/matched to Llama 3\.3 70B/);
  });

  it("development / other tasks are sized as interactive inference", () => {
    const d = estimateMemory({ task: "development", modelName: "Qwen3 8B" });
    expect(d.breakdown.kv_cache).toBeGreaterThan(0);
    expect(d.breakdown.gradients).toBeUndefined();
  });
});
