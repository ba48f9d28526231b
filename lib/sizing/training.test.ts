import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "./architectures";
import { estimateMemory } from "./estimate";
import { gpusNeeded } from "./gpu-fit";
import { loraParams } from "./llm-training";

const arch = (id: string) => ARCHITECTURES.find((a) => a.id === id)!;

describe("full fine-tuning / training", () => {
  it("7B full fine-tune = 16 B/param = 112 GB + activations", () => {
    const s = estimateMemory({ task: "fine_tuning", paramsB: 7, fineTuneMethod: "full" });
    expect(s.breakdown.weights + s.breakdown.gradients + s.breakdown.optimizer_states).toBe(112);
    expect(s.breakdown).toMatchObject({ weights: 14, gradients: 14, optimizer_states: 84 });
    expect(s.breakdown.activations).toBeGreaterThan(0);
    expect(s.memory_gb_required).toBeGreaterThan(112);
    expect(s.assumptions.join(" ")).toMatch(/16 B\/param/);
    expect(s.formula).toContain("fp32 master + Adam m + v 7B × 12 B = 84.0 GB");
  });

  it("training from scratch is sized like full fine-tuning", () => {
    const t = estimateMemory({ task: "training", modelName: "Llama 3.1 8B" });
    const f = estimateMemory({ task: "fine_tuning", modelName: "Llama 3.1 8B", fineTuneMethod: "full" });
    expect(t.memory_gb_required).toBe(f.memory_gb_required);
    expect(t.assumptions.join(" ")).toMatch(/from scratch/);
  });

  it("activations grow with sequence length and micro-batch", () => {
    const base = estimateMemory({ task: "training", modelName: "Llama 3.1 8B", contextLength: 2048 });
    const long = estimateMemory({ task: "training", modelName: "Llama 3.1 8B", contextLength: 8192, batchSize: 2 });
    expect(long.breakdown.activations / base.breakdown.activations).toBeCloseTo(8, 0);
  });

  it("a quantized precision is not used for full training", () => {
    const s = estimateMemory({ task: "training", paramsB: 1, precision: "int4" });
    expect(s.breakdown.weights).toBe(2);
    expect(s.assumptions.join(" ")).toMatch(/cannot update int4 weights/);
  });
});

describe("LoRA / QLoRA", () => {
  it("LoRA param counts match Unsloth/PEFT for r=16 on all linear layers", () => {
    expect(loraParams(arch("llama-3-8b"), 16)).toBe(41_943_040);
    expect(loraParams(arch("llama-3-70b"), 16)).toBe(207_093_760);
  });

  it("LoRA 7B fits a 24 GB card", () => {
    const s = estimateMemory({ task: "fine_tuning", paramsB: 7, fineTuneMethod: "lora" });
    expect(s.memory_gb_required).toBeLessThan(24 * 0.9);
    expect(gpusNeeded(s, 24)).toBe(1);
    const m = estimateMemory({ task: "fine_tuning", modelName: "Mistral 7B", fineTuneMethod: "lora" });
    expect(gpusNeeded(m, 24)).toBe(1);
  });

  it("fine_tuning without a method defaults to LoRA and quotes full and QLoRA for comparison", () => {
    const s = estimateMemory({ task: "fine_tuning", modelName: "Llama 3.1 8B" });
    expect(s.assumptions.join(" ")).toMatch(/method LoRA \(default/);
    expect(s.assumptions.join(" ")).toMatch(/full fine-tuning ≈ \d+\.\d GB; QLoRA ≈ \d+\.\d GB/);
  });

  it("QLoRA 70B fits in 48 GB (Llama-2-70B, r=16, seq 2048)", () => {
    const s = estimateMemory({ task: "fine_tuning", modelName: "Llama 2 70B", fineTuneMethod: "qlora" });
    expect(s.memory_gb_required).toBeLessThan(48);
    // Base ≈ 0.52 B/param: (69B − 0.5B emb) × 0.516 + 0.5B × 2.
    expect(s.breakdown.weights).toBeGreaterThan(36);
    expect(s.breakdown.weights).toBeLessThan(40);
    // With the 90% planning margin it needs a shorter sequence / smaller rank to stay on one card:
    const short = estimateMemory({ task: "fine_tuning", modelName: "Llama 2 70B", fineTuneMethod: "qlora", contextLength: 1024, loraRank: 8 });
    expect(gpusNeeded(short, 48)).toBe(1);
  });

  it("QLoRA Llama-3-70B at defaults is ~50 GB (bigger vocabulary → bigger 16-bit embeddings and logits)", () => {
    const s = estimateMemory({ task: "fine_tuning", modelName: "Llama 3.3 70B", fineTuneMethod: "qlora" });
    expect(s.memory_gb_required).toBeGreaterThan(48);
    expect(s.memory_gb_required).toBeLessThan(53);
    expect(gpusNeeded(s, 80)).toBe(1);
  });

  it("LoRA with an int4 base is treated as QLoRA", () => {
    const s = estimateMemory({ task: "fine_tuning", modelName: "Llama 3.1 8B", fineTuneMethod: "lora", precision: "int4" });
    expect(s.formula).toMatch(/NF4/);
  });

  it("MoE LoRA adapts attention only, but the frozen base still holds every expert", () => {
    const s = estimateMemory({ task: "fine_tuning", modelName: "Mixtral 8x7B", fineTuneMethod: "lora" });
    expect(s.breakdown.weights).toBeGreaterThanOrEqual(93.4);
    expect(s.formula).toContain("adapters 13,631,488 LoRA params (r=16)");
    expect(loraParams(arch("mixtral-8x7b"), 16)).toBe(16 * 32 * (2 * (4096 + 4096) + 2 * (4096 + 1024)));
  });
});
