import { describe, expect, it } from "vitest";
import { baseSearchName, officialQuantizedVariant, quantizationOf } from "./checkpoint-variants";

describe("quantizationOf", () => {
  it("reads precision and method from repo ids", () => {
    expect(quantizationOf("Qwen/Qwen2.5-72B-Instruct-AWQ")).toEqual({ precision: "int4", quantization: "awq" });
    expect(quantizationOf("Qwen/Qwen3-235B-A22B-FP8")).toEqual({ precision: "fp8", quantization: "fp8" });
    expect(quantizationOf("Qwen/Qwen3-235B-A22B-GPTQ-Int4")).toEqual({ precision: "int4", quantization: "gptq" });
    expect(quantizationOf("QuantTrio/Qwen3-235B-A22B-GPTQ-Int8")).toEqual({ precision: "int8", quantization: "gptq" });
    expect(quantizationOf("RedHatAI/Meta-Llama-3.1-70B-Instruct-quantized.w8a8")).toEqual({ precision: "int8", quantization: "gptq" });
    expect(quantizationOf("Qwen/Qwen2.5-72B-Instruct-GGUF")?.quantization).toBe("gguf");
    expect(quantizationOf("meta-llama/Llama-3.1-8B-Instruct")).toBeNull();
  });
});

describe("officialQuantizedVariant", () => {
  it("the base's organisation or an official quantizer, the base name plus quantization words only", () => {
    expect(officialQuantizedVariant("Qwen/Qwen2.5-72B-Instruct", "Qwen/Qwen2.5-72B-Instruct-AWQ")).toEqual({ precision: "int4", quantization: "awq" });
    expect(officialQuantizedVariant("meta-llama/Llama-3.1-70B-Instruct", "hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4")).toEqual({ precision: "int4", quantization: "awq" });
    expect(officialQuantizedVariant("meta-llama/Meta-Llama-3.1-70B-Instruct", "RedHatAI/Meta-Llama-3.1-70B-Instruct-FP8-dynamic")?.precision).toBe("fp8");
  });
  it("rejects third-party uploads, other models and variants that add non-quantization words", () => {
    expect(officialQuantizedVariant("Qwen/Qwen3-235B-A22B", "QuantTrio/Qwen3-235B-A22B-GPTQ-Int8")).toBeNull();
    expect(officialQuantizedVariant("Qwen/Qwen3-235B-A22B", "Qwen/Qwen3-235B-A22B-Instruct-2507-FP8")).toBeNull();
    expect(officialQuantizedVariant("meta-llama/Llama-3.1-70B", "hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4")).toBeNull();
    expect(officialQuantizedVariant("Qwen/Qwen2.5-72B-Instruct", "Qwen/Qwen2.5-72B-Instruct")).toBeNull();
    expect(officialQuantizedVariant("Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-72B-Instruct-AWQ")).toBeNull();
  });
  it("search name drops the org and Meta- prefix", () => {
    expect(baseSearchName("meta-llama/Meta-Llama-3.1-70B-Instruct")).toBe("Llama-3.1-70B-Instruct");
  });
});
