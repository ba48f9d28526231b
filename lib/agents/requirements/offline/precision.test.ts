import { describe, expect, it } from "vitest";
import { extractPrecision } from "./precision";

describe("extractPrecision", () => {
  it.each([
    ["run it in fp16", "fp16", false],
    ["bf16 please", "bf16", false],
    ["bfloat16 weights", "bf16", false],
    ["fp32 training", "fp32", false],
    ["full precision", "fp32", false],
    ["fp8 on H100", "fp8", false],
    ["int8 quantization", "int8", false],
    ["8-bit", "int8", false],
    ["load in 4-bit", "int4", false],
    ["int4", "int4", false],
    ["AWQ", "int4", false],
    ["GPTQ version", "int4", false],
    ["GGUF Q4_K_M", "int4", false],
    ["half precision", "fp16", false],
    ["mixed precision training", "bf16", false],
    ["quantized llama", "int4", true],
    ["a GGUF file", "int4", true],
  ])("%s → %s", (text, precision, noted) => {
    const r = extractPrecision(text);
    expect(r.precision).toBe(precision);
    expect(!!r.note).toBe(noted);
  });
  it("explicit beats vague: 'quantized to 8-bit'", () => {
    expect(extractPrecision("quantized to 8-bit").precision).toBe("int8");
  });
  it.each(["no quantization please", "unquantized weights", "Q4 2025 launch", "Llama 3 8B", "24-bit audio"])("none in %s", (text) => {
    expect(extractPrecision(text).precision).toBeUndefined();
  });
  it("notes a refusal of quantization", () => {
    expect(extractPrecision("without quantization").no_quantization).toBe(true);
  });
});
