import { describe, expect, it } from "vitest";
import {
  ARCHITECTURES,
  embeddingParamsB,
  fallbackArchitecture,
  findArchitecture,
  kvBytesPerToken,
  normalizeModelName,
  parseParamsFromName,
  precisionFromName,
} from "./architectures";

const id = (name: string, paramsB?: number) => findArchitecture(name, paramsB)?.arch.id ?? null;

describe("findArchitecture", () => {
  it.each([
    ["llama-3.1-8b-instruct", "llama-3.1-8b"],
    ["meta-llama/Meta-Llama-3-70B-Instruct", "llama-3-70b"],
    ["meta-llama/Llama-3.3-70B-Instruct", "llama-3.3-70b"],
    ["Llama 3.2 1B", "llama-3.2-1b"],
    ["llama3.1:405b", "llama-3.1-405b"],
    ["meta-llama/Llama-2-70b-chat-hf", "llama-2-70b"],
    ["codellama/CodeLlama-34b-Instruct-hf", "codellama-34b"],
    ["Mixtral 8x7B", "mixtral-8x7b"],
    ["mistralai/Mixtral-8x22B-Instruct-v0.1", "mixtral-8x22b"],
    ["mistralai/Mistral-7B-Instruct-v0.3", "mistral-7b"],
    ["mistralai/Mistral-Nemo-Instruct-2407", "mistral-nemo-12b"],
    ["Qwen2.5-72B-Instruct", "qwen2.5-72b"],
    ["Qwen/Qwen2-7B-Instruct", "qwen2.5-7b"],
    ["Qwen/Qwen2.5-Coder-32B-Instruct", "qwen2.5-32b"],
    ["Qwen/Qwen3-30B-A3B", "qwen3-30b-a3b"],
    ["Qwen/Qwen3-235B-A22B-Instruct-2507", "qwen3-235b-a22b"],
    ["google/gemma-2-9b-it", "gemma-2-9b"],
    ["google/gemma-2b", "gemma-2b"],
    ["google/gemma-3-27b-it", "gemma-3-27b"],
    ["microsoft/phi-2", "phi-2"],
    ["microsoft/Phi-3-mini-128k-instruct", "phi-3-mini-128k"],
    ["microsoft/Phi-3.5-MoE-instruct", "phi-3.5-moe"],
    ["microsoft/phi-4", "phi-4"],
    ["microsoft/Phi-4-mini-instruct", "phi-4-mini"],
    ["deepseek-ai/DeepSeek-R1", "deepseek-v3"],
    ["deepseek-ai/DeepSeek-V3-0324", "deepseek-v3"],
    ["deepseek-ai/DeepSeek-R1-Distill-Llama-70B", "r1-distill-llama-70b"],
    ["deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "r1-distill-qwen-32b"],
    ["deepseek-ai/DeepSeek-V2-Lite-Chat", "deepseek-v2-lite"],
    ["tiiuae/falcon-180B", "falcon-180b"],
    ["openai/gpt-oss-120b", "gpt-oss-120b"],
    ["01-ai/Yi-34B-Chat", "yi-34b"],
    ["TheBloke/Llama-2-13B-chat-GPTQ", "llama-2-13b"],
  ])("%s → %s", (name, expected) => {
    const m = findArchitecture(name);
    expect(m?.arch.id).toBe(expected);
    expect(m?.matchedBy).toBe("name");
  });

  it('resolves a version-less "Llama 70B" to Llama 3.3 70B and says so', () => {
    const m = findArchitecture("Llama 70B");
    expect(m?.arch.id).toBe("llama-3.3-70b");
    expect(m?.matchedBy).toBe("versionless_name");
    expect(m?.note).toMatch(/no version; assumed Llama 3\.3 70B/);
    expect(id("llama 8b")).toBe("llama-3.1-8b");
    expect(id("Llama 7B")).toBe("llama-2-7b");
    expect(id("Qwen 72B")).toBe("qwen2.5-72b");
    expect(id("gemma 27b")).toBe("gemma-3-27b");
  });

  it("does not confuse look-alike names", () => {
    expect(id("codellama-70b")).toBe("codellama-70b");
    expect(id("qwen2-72b")).toBe("qwen2.5-72b");
    expect(id("llama-3.2-11b-vision")).toBe("llama-3.2-11b-vision");
    expect(id("tinyllama-1.1b")).toBeNull();
    expect(id("falcon3-7b")).toBeNull();
    expect(id("gpt2")).toBeNull();
  });

  it("uses params to pick a family member when the name has no size", () => {
    const m = findArchitecture("Llama", 70);
    expect(m?.arch.id).toBe("llama-3.3-70b");
    expect(m?.matchedBy).toBe("family_and_params");
    expect(id("mixtral", 141)).toBe("mixtral-8x22b");
    expect(id("llama")).toBeNull();
    expect(id("llama", 20)).toBeNull(); // nothing within ±20%
  });

  it("flags a params_b that contradicts the named model", () => {
    const m = findArchitecture("Llama 3.1 8B", 70);
    expect(m?.arch.id).toBe("llama-3.1-8b");
    expect(m?.note).toMatch(/differs/);
  });

  it("every table row resolves to itself by id or name", () => {
    for (const a of ARCHITECTURES) {
      expect([id(a.id), id(a.name)], a.id).toContain(a.id);
    }
  });
});

describe("architecture table integrity", () => {
  // Parameter count recomputed from the config numbers must match the published total.
  const recompute = (a: (typeof ARCHITECTURES)[number]) => {
    const q = a.heads * a.head_dim;
    const kv = a.kv_heads * a.head_dim;
    const attn = 2 * a.hidden * q + 2 * a.hidden * kv;
    const mlp = (a.mlp === "plain" ? 2 : 3) * a.hidden * a.intermediate * (a.moe?.experts ?? 1);
    return (a.layers * (attn + mlp)) / 1e9 + embeddingParamsB(a);
  };
  const skip = new Set(["llama-3.2-11b-vision", "gemma-3-4b", "llama-4-maverick", "qwen2-57b-a14b"]); // vision towers / shared experts / interleaved MoE

  it("config numbers reproduce params_b within 7%", () => {
    for (const a of ARCHITECTURES) {
      if (a.mla || skip.has(a.id)) continue;
      expect(Math.abs(recompute(a) / a.params_b - 1), a.id).toBeLessThan(0.07);
    }
  });

  it("has sane fields", () => {
    for (const a of ARCHITECTURES) {
      expect(a.kv_heads, a.id).toBeLessThanOrEqual(a.heads);
      expect(a.max_context, a.id).toBeGreaterThanOrEqual(2048);
      if (a.moe) expect(a.active_params_b, a.id).toBeLessThan(a.params_b);
    }
    expect(new Set(ARCHITECTURES.map((a) => a.id)).size).toBe(ARCHITECTURES.length);
  });
});

describe("KV cache per token", () => {
  const arch = (i: string) => ARCHITECTURES.find((a) => a.id === i)!;
  it("Llama-3-70B: 80 × 2 × 8 × 128 × 2 B = 327,680 B = 320 KiB", () => {
    expect(kvBytesPerToken(arch("llama-3-70b"))).toBe(327_680);
    expect(kvBytesPerToken(arch("llama-3-70b")) / 1024).toBe(320);
  });
  it("Llama-3-8B: 128 KiB/token; Llama-2-7B (MHA): 512 KiB/token", () => {
    expect(kvBytesPerToken(arch("llama-3-8b"))).toBe(131_072);
    expect(kvBytesPerToken(arch("llama-2-7b"))).toBe(524_288);
  });
  it("DeepSeek-V3 MLA: 61 × (512 + 64) × 2 B = 70,272 B/token", () => {
    expect(kvBytesPerToken(arch("deepseek-v3"))).toBe(70_272);
  });
  it("fp32 KV doubles it", () => {
    expect(kvBytesPerToken(arch("llama-3-8b"), 4)).toBe(262_144);
  });
});

describe("fallback and name helpers", () => {
  it("fallback: GQA-8 at ≥ 30B, MHA below, and states it", () => {
    const big = fallbackArchitecture(70);
    expect(big.arch.kv_heads).toBe(8);
    expect(big.arch.layers).toBeGreaterThanOrEqual(80); // errs towards more layers than Llama-3-70B
    expect(big.assumptions.join(" ")).toMatch(/grouped-query attention with 8 KV heads/);
    const small = fallbackArchitecture(7);
    expect(small.arch.kv_heads).toBe(small.arch.heads);
    expect(small.assumptions.join(" ")).toMatch(/full multi-head attention/);
    // The fallback KV for a 70B model is within 10% above the real Llama-3-70B figure.
    expect(kvBytesPerToken(big.arch) / 327_680).toBeGreaterThan(1);
    expect(kvBytesPerToken(big.arch) / 327_680).toBeLessThan(1.1);
  });

  it("parses sizes and quantization from names", () => {
    expect(parseParamsFromName("acme/my-model-13b-chat")).toBe(13);
    expect(parseParamsFromName("gemma-3-270m")).toBeCloseTo(0.27);
    expect(parseParamsFromName("Mixtral-8x7B")).toBeUndefined();
    expect(parseParamsFromName("bert-base-uncased")).toBeUndefined();
    expect(precisionFromName("hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4")).toBe("int4");
    expect(precisionFromName("neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8")).toBe("fp8");
    expect(precisionFromName("unsloth/llama-3-8b-bnb-4bit")).toBe("int4");
    expect(precisionFromName("Qwen/Qwen2.5-7B-Instruct-GPTQ-Int8")).toBe("int8");
    expect(precisionFromName("meta-llama/Llama-3.1-8B")).toBeUndefined();
    expect(normalizeModelName("  Meta-Llama/Llama 3.1_8B:latest ")).toBe("llama-3.1-8b-latest");
  });
});
