import { describe, expect, it } from "vitest";
import { maxContextThatFits, maxParamsForMemory } from "./capacity";
import { estimateMemory } from "./estimate";
import { usableGpuMemoryGb } from "./usable-memory";

describe("capacity helpers", () => {
  it("maxParamsForMemory: ~9–10B bf16 on a 24 GB card, ~30B+ in int4", () => {
    const bf16 = maxParamsForMemory(24, "bf16", "inference");
    expect(bf16).toBeGreaterThan(8.5);
    expect(bf16).toBeLessThan(10.5);
    const int4 = maxParamsForMemory(24, "int4", "inference");
    expect(int4).toBeGreaterThan(28);
    expect(estimateMemory({ task: "inference", paramsB: 35, precision: "bf16" }).memory_gb_required).toBeGreaterThan(80 * 0.9);
    expect(maxParamsForMemory(80, "bf16")).toBeLessThan(35);
    expect(maxParamsForMemory(0.5)).toBe(0);
  });

  it("maxParamsForMemory for QLoRA on 48 GB is in the 60–80B range", () => {
    const p = maxParamsForMemory(48, "int4", "fine_tuning", { fineTuneMethod: "qlora" });
    expect(p).toBeGreaterThan(55);
    expect(p).toBeLessThan(80);
  });

  it("maxContextThatFits: Llama-3.1-8B on one 24 GB card", () => {
    const r = maxContextThatFits({ task: "inference", modelName: "Llama 3.1 8B" }, 24);
    expect(r).not.toBeNull();
    expect(r!.capped_by_model).toBe(false);
    // usable 24 GiB × 0.9 − 0.5 = 22.7 GB; (22.7 − 16.1 weights − ~1 overhead − activations) / 131,072 B ≈ 37k tokens
    expect(r!.max_context_tokens).toBeGreaterThan(30_000);
    expect(r!.max_context_tokens).toBeLessThan(42_000);
    const check = estimateMemory({ task: "inference", modelName: "Llama 3.1 8B", contextLength: r!.max_context_tokens });
    expect(check.memory_gb_required).toBeLessThanOrEqual(usableGpuMemoryGb(24));
    const over = estimateMemory({ task: "inference", modelName: "Llama 3.1 8B", contextLength: r!.max_context_tokens + 64 });
    expect(over.memory_gb_required).toBeGreaterThan(usableGpuMemoryGb(24) - 0.1);
  });

  it("maxContextThatFits: capped by the model window, null when the weights alone don't fit", () => {
    const big = maxContextThatFits({ task: "inference", modelName: "Llama 3 8B" }, 80);
    expect(big).toMatchObject({ max_context_tokens: 8192, capped_by_model: true });
    expect(maxContextThatFits({ task: "inference", modelName: "Llama 3.3 70B" }, 80)).toBeNull();
    expect(maxContextThatFits({ task: "inference", modelName: "Llama 3.3 70B" }, 80, { gpuCount: 4 })?.max_context_tokens).toBe(131072);
    expect(maxContextThatFits({ task: "inference", modelName: "sdxl" }, 24)).toBeNull();
  });
});
