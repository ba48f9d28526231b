import { describe, expect, it } from "vitest";
import { emptyExtras } from "@/lib/agents/requirements/types";
import type { ModelOption } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { QuantizedVariant } from "@/lib/tools/model-lookup";
import { initialCheckpoint, servableVariants, specForCheckpoint, wantsQuantizedRepo } from "./checkpoint";

const opt = (id: string, popularity = 0.5): ModelOption => ({ id, pipeline_tag: "text-generation", params_b: 72, license: null, downloads: 1, likes: 1, relevance: 1, popularity, score: 1, url: "" });
const v = (id: string, precision: QuantizedVariant["precision"], quantization: QuantizedVariant["quantization"], popularity = 0.5): QuantizedVariant => ({ ...opt(id, popularity), precision, quantization });
const qwen: WorkloadSpec = { task: "inference", modality: "llm", model: { name: "Qwen2.5 72B Instruct", hf_id: "Qwen/Qwen2.5-72B-Instruct", params_b: 72 }, precision: "bf16" };

describe("initialCheckpoint", () => {
  it("a named repo is deployed as named, with the precision its id or format fixes", () => {
    expect(initialCheckpoint({ ...qwen, model: { hf_id: "Qwen/Qwen2.5-72B-Instruct-AWQ" } }, emptyExtras(), true)).toMatchObject({ modelId: "Qwen/Qwen2.5-72B-Instruct-AWQ", precision: "int4", quantization: "awq", reason: "named" });
    expect(initialCheckpoint({ ...qwen, model: { hf_id: "Qwen/Qwen3-235B-A22B-FP8" } }, emptyExtras(), true)).toMatchObject({ precision: "fp8", quantization: "fp8" });
    expect(initialCheckpoint(qwen, emptyExtras(), true)).toMatchObject({ modelId: "Qwen/Qwen2.5-72B-Instruct", precision: "bf16", quantization: null });
  });
  it("no model named: the reference model; a development box: nothing", () => {
    const extras = { ...emptyExtras(), reference_model: { name: "Llama 3.1 8B Instruct", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8 } };
    expect(initialCheckpoint({ task: "inference", modality: "llm" }, extras, true)).toMatchObject({ modelId: "meta-llama/Llama-3.1-8B-Instruct", reason: "reference" });
    expect(initialCheckpoint({ task: "development" }, extras, false)).toMatchObject({ modelId: null, reason: "none" });
  });
});

describe("specForCheckpoint", () => {
  it("sizes a swapped checkpoint by its repo id and precision", () => {
    const s = specForCheckpoint(qwen, { modelId: "Qwen/Qwen2.5-72B-Instruct-AWQ", precision: "int4", quantization: "awq", reason: "quantized_budget", baseId: "Qwen/Qwen2.5-72B-Instruct" });
    expect(s.model?.hf_id).toBe("Qwen/Qwen2.5-72B-Instruct-AWQ");
    expect(s.precision).toBe("int4");
  });
  it("a named quantized repo keeps its own precision even when another was asked", () => {
    const named = { ...qwen, model: { hf_id: "Qwen/Qwen2.5-72B-Instruct-AWQ" } };
    expect(specForCheckpoint(named, initialCheckpoint(named, emptyExtras(), true)).precision).toBe("int4");
    expect(specForCheckpoint(qwen, initialCheckpoint(qwen, emptyExtras(), true))).toBe(qwen);
  });
});

describe("wantsQuantizedRepo and servableVariants", () => {
  it("a quantized precision on a 16-bit repo asks for a quantized repo (serving only)", () => {
    const c = initialCheckpoint({ ...qwen, precision: "int4" }, emptyExtras(), true);
    expect(wantsQuantizedRepo({ ...qwen, precision: "int4" }, c)).toBe(true);
    expect(wantsQuantizedRepo(qwen, initialCheckpoint(qwen, emptyExtras(), true))).toBe(false);
    expect(wantsQuantizedRepo({ ...qwen, precision: "int4", task: "fine_tuning" }, c)).toBe(false);
  });
  it("smallest first (int4 before fp8/int8, AWQ before GPTQ), never GGUF or bitsandbytes for vLLM", () => {
    const vs = [v("a/x-FP8", "fp8", "fp8"), v("a/x-GPTQ-Int4", "int4", "gptq", 0.9), v("a/x-AWQ", "int4", "awq"), v("a/x-GGUF", "int4", "gguf"), v("a/x-bnb-4bit", "int4", "bnb-nf4")];
    expect(servableVariants(vs).map((x) => x.id)).toEqual(["a/x-AWQ", "a/x-GPTQ-Int4", "a/x-FP8"]);
    expect(servableVariants(vs, "fp8").map((x) => x.id)).toEqual(["a/x-FP8"]);
  });
});
