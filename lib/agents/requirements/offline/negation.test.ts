import { describe, expect, it } from "vitest";
import { clauseStartOf, isNegated } from "./negation";
import { extractFromText } from "./extract";
import { extractGpu } from "./gpu";
import { extractPrecision } from "./precision";

const FILLER = /^(?:\s|,|\bor\b|\bthe\b|\bon\b)*$/;
const span = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

describe("isNegated", () => {
  it("a negator with only filler before the mention", () => {
    const t = "not on the t4, please";
    expect(isNegated(t, span(t, "t4"), FILLER)).toBe(true);
  });
  it("other mentions between are blanked out: 'not a or b' rules out both", () => {
    const t = "not a100 or h100";
    expect(isNegated(t, span(t, "h100"), FILLER, [span(t, "a100")])).toBe(true);
    expect(isNegated(t, span(t, "h100"), FILLER)).toBe(false);
  });
  it("a new clause resets: 'no a100s, use h100s'", () => {
    const t = "no a100s, use h100s";
    expect(clauseStartOf(t, t.indexOf("h100s"))).toBe(t.indexOf(" use"));
    expect(isNegated(t, span(t, "h100s"), /^(?:\s|\buse\b)*$/, [span(t, "a100s")])).toBe(false);
  });
  it("words that are not filler keep the mention wanted: 'no spot, on t4'", () => {
    const t = "no spot but cheap t4";
    expect(isNegated(t, span(t, "t4"), FILLER)).toBe(false);
  });
});

describe("GPUs ruled out", () => {
  it.each([
    ["serve Llama 3 8B, not on T4s", undefined, ["T4"]],
    ["anything but H100, too expensive", undefined, ["H100"]],
    ["no A100s, use H100s", "H100", ["A100"]],
    ["Llama 3 8B on L4, not T4", "L4", ["T4"]],
    ["no T4 or V100", undefined, ["T4", "V100"]],
    ["8 H100 GPUs, no spot", "H100", []],
  ])("%s", (text, model, excluded) => {
    const g = extractGpu(text);
    expect(g.gpu?.model).toBe(model);
    expect(g.excluded).toEqual(excluded);
  });
  it("an excluded GPU reaches the compute search and is not the GPU pinned", () => {
    const r = extractFromText("Llama 3 8B for a chatbot, but no T4s please");
    expect(r.spec.gpu?.model).toBeUndefined();
    expect(r.extras.excluded_gpus).toEqual(["T4"]);
  });
});

describe("precisions ruled out", () => {
  it.each([
    ["serve Mistral 7B without fp8, keep bf16", "bf16"],
    ["Llama 70B in fp16, not int4", "fp16"],
    ["avoid int4 quantization", undefined],
    ["don't quantize it", undefined],
    ["not 4-bit, 8-bit is fine", "int8"],
    ["AWQ 4-bit please", "int4"],
  ])("%s → %s", (text, want) => expect(extractPrecision(text).precision).toBe(want));
  it("'don't quantize' says no quantization", () => expect(extractPrecision("please don't quantize the model").no_quantization).toBe(true));
});

describe("tools ruled out", () => {
  it.each([
    ["Qwen 7B with TGI, not vLLM", ["tgi"]],
    ["no need for airflow, just mlflow", ["mlflow"]],
    ["not vLLM or TGI, use sglang", ["sglang"]],
    ["without apache airflow", []],
    ["vLLM, and no Ray", ["vllm"]],
  ])("%s", (text, tools) => expect(extractFromText(text).spec.tools ?? []).toEqual(tools));
});
