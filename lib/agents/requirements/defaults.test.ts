import { describe, expect, it } from "vitest";
import { applyDefaults, referenceModelFor } from "./defaults";
import { emptyExtras } from "./types";

describe("applyDefaults", () => {
  it("inference of a ≤80B LLM: bf16, 4K context, concurrency 1, with a cheaper-precision note", () => {
    const r = applyDefaults({ task: "inference", modality: "llm", model: { name: "Llama 70B", params_b: 70 } });
    expect(r.spec).toMatchObject({ precision: "bf16", context_length: 4096, concurrency: 1 });
    expect(r.assumptions.join(" ")).toMatch(/fp8 or 4-bit/);
  });
  it("a >80B model is served in fp8", () => {
    expect(applyDefaults({ task: "inference", modality: "llm", model: { name: "DeepSeek R1", params_b: 671 } }).spec.precision).toBe("fp8");
  });
  it("a checkpoint's native precision wins over the generic bf16/fp8 default (GPT-OSS MXFP4, DeepSeek FP8)", () => {
    const oss = applyDefaults({ task: "inference", modality: "llm", model: { name: "gpt-oss-120b", params_b: 117 } });
    expect(oss.spec.precision).toBe("int4");
    expect(oss.assumptions.join(" ")).toMatch(/published in MXFP4/);
    expect(oss.assumptions.join(" ")).not.toMatch(/bf16 weights alone/);
    const small = applyDefaults({ task: "inference", modality: "llm", model: { name: "gpt-oss-20b", hf_id: "openai/gpt-oss-20b", params_b: 21 } });
    expect(small.spec.precision).toBe("int4");
    const v3 = applyDefaults({ task: "inference", modality: "llm", model: { name: "DeepSeek V3", params_b: 671 } });
    expect(v3.spec.precision).toBe("fp8");
    expect(v3.assumptions.join(" ")).toMatch(/published in FP8/);
    const batch = applyDefaults({ task: "batch_processing", modality: "llm", model: { name: "DeepSeek R1", params_b: 671 } });
    expect(batch.assumptions.join(" ")).toMatch(/published in FP8/);
    // A quantization named in the checkpoint id counts too.
    const awq = applyDefaults({ task: "inference", modality: "llm", model: { name: "Llama 3.1 70B AWQ", hf_id: "hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4", params_b: 70 } });
    expect(awq.spec.precision).toBe("int4");
  });
  it("a precision the user asked for wins over the native one; training stays bf16", () => {
    expect(applyDefaults({ task: "inference", modality: "llm", precision: "fp8", model: { name: "gpt-oss-120b", params_b: 117 } }).spec.precision).toBe("fp8");
    expect(applyDefaults({ task: "fine_tuning", modality: "llm", model: { name: "gpt-oss-20b", params_b: 21 } }).spec.precision).toBe("bf16");
  });
  it("a model without a verb is served (inference), said as an assumption", () => {
    const r = applyDefaults({ model: { name: "Mistral 7B", params_b: 7 }, modality: "llm" });
    expect(r.spec.task).toBe("inference");
    expect(r.assumptions[0]).toMatch(/serve Mistral 7B/);
  });
  it("fine-tuning methods by size", () => {
    const ft = (params_b: number) => applyDefaults({ task: "fine_tuning", modality: "llm", model: { name: "x", params_b } }).spec.fine_tune_method;
    expect(ft(1)).toBe("full");
    expect(ft(8)).toBe("lora");
    expect(ft(70)).toBe("lora");
    expect(ft(405)).toBe("qlora");
  });
  it("QLoRA implies 4-bit base weights", () => {
    expect(applyDefaults({ task: "fine_tuning", modality: "llm", fine_tune_method: "qlora", model: { name: "x", params_b: 70 } }).spec.precision).toBe("int4");
  });
  it("image generation defaults to fp16 and no context length", () => {
    const r = applyDefaults({ task: "inference", modality: "image_generation", model: { name: "SDXL", params_b: 3.5 } });
    expect(r.spec.precision).toBe("fp16");
    expect(r.spec.context_length).toBeUndefined();
  });
  it("context is capped by the family maximum", () => {
    const r = applyDefaults({ task: "inference", modality: "llm", model: { name: "Falcon 7B", params_b: 7 } }, { ...emptyExtras(), model_max_context: 2048 });
    expect(r.spec.context_length).toBe(2048);
  });
  it("an unsized family gets its default size", () => {
    const r = applyDefaults({ task: "inference", modality: "llm", model: { name: "Llama 3.1" } }, { ...emptyExtras(), model_default_params_b: 8 });
    expect(r.spec.model).toEqual({ name: "Llama 3.1 8B", params_b: 8 });
  });
  it("users → concurrency", () => {
    expect(applyDefaults({ task: "inference", modality: "llm" }, { ...emptyExtras(), users: 200 }).spec.concurrency).toBe(20);
  });
  it("a workload without a model gets a reference model, not a spec model", () => {
    const r = applyDefaults({ task: "training", modality: "vision", workload: "object detection" });
    expect(r.spec.model).toBeUndefined();
    expect(r.reference_model?.name).toBe("YOLOv8m");
    expect(referenceModelFor({ modality: "speech" })?.name).toBe("Whisper large-v3");
  });
  it("nothing known → inference of a general LLM", () => {
    const r = applyDefaults({});
    expect(r.spec).toMatchObject({ task: "inference", modality: "llm" });
    expect(r.reference_model?.params_b).toBe(8);
  });
  it("is pure", () => {
    const input = { task: "inference" as const, modality: "llm" as const };
    applyDefaults(input);
    expect(input).toEqual({ task: "inference", modality: "llm" });
  });
});
