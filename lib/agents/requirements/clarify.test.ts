import { describe, expect, it } from "vitest";
import { decideClarification, sizesMatter } from "./clarify";
import { emptyExtras } from "./types";

const ids = (c: ReturnType<typeof decideClarification>) => c?.questions.map((q) => q.id) ?? [];

describe("decideClarification", () => {
  it("nothing known → what, task and budget", () => {
    const c = decideClarification({}, [], emptyExtras());
    expect(ids(c)).toEqual(["workload", "task", "budget"]);
    for (const q of c!.questions) expect(q.options.length).toBeGreaterThanOrEqual(2);
  });
  it("model known, task unknown → inference or fine-tuning?", () => {
    const c = decideClarification({ model: { name: "Llama 3 8B", params_b: 8 }, modality: "llm" }, [], emptyExtras());
    expect(ids(c)).toEqual(["task", "budget"]);
    expect(c!.questions[0].question).toMatch(/Llama 3 8B/);
  });
  it("a named model with a budget is enough: no serve-or-train question (inference is assumed later)", () => {
    expect(decideClarification({ model: { name: "Llama 405B", params_b: 405 }, modality: "llm", budget_monthly_usd: 100 }, [], emptyExtras())).toBeNull();
    expect(decideClarification({ model: { name: "Whisper large", params_b: 1.55 }, modality: "speech" }, [], { ...emptyExtras(), budget_none: true })).toBeNull();
    // A workload alone (no model) with a budget still asks what to do with it.
    expect(ids(decideClarification({ workload: "object detection", modality: "vision", budget_monthly_usd: 3000 }, [], emptyExtras()))).toEqual(["task"]);
    // An unsized family still asks for the size.
    const extras = { ...emptyExtras(), model_size_options: ["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B"] };
    expect(ids(decideClarification({ modality: "llm", model: { name: "Llama 3.1" }, budget_monthly_usd: 500 }, [], extras))).toEqual(["model"]);
  });
  it("budget is never asked alone", () => {
    expect(decideClarification({ task: "inference", model: { name: "Mistral 7B", params_b: 7 } }, [], emptyExtras())).toBeNull();
  });
  it("an asked question is not asked again", () => {
    expect(decideClarification({}, ["workload", "task", "budget"], emptyExtras())).toBeNull();
    expect(ids(decideClarification({}, ["workload"], emptyExtras()))).toEqual(["task", "budget"]);
  });
  it("a known budget or 'no budget' is not asked", () => {
    expect(ids(decideClarification({ budget_monthly_usd: 100 }, [], emptyExtras()))).toEqual(["workload", "task"]);
    expect(ids(decideClarification({}, [], { ...emptyExtras(), budget_none: true }))).toEqual(["workload", "task"]);
  });
  it("an unsized family with very different sizes → size question", () => {
    const extras = { ...emptyExtras(), model_size_options: ["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B"] };
    const c = decideClarification({ task: "inference", modality: "llm", model: { name: "Llama 3.1" } }, [], extras);
    expect(ids(c)).toEqual(["model", "budget"]);
    expect(c!.questions[0].options).toEqual(extras.model_size_options);
  });
  it("a dev box needs no workload", () => {
    expect(decideClarification({ task: "development" }, [], emptyExtras())).toBeNull();
  });
  it("sizesMatter", () => {
    expect(sizesMatter(["Llama 3.1 8B", "Llama 3.1 70B"])).toBe(true);
    expect(sizesMatter(["Whisper small", "Whisper large-v3"])).toBe(false);
  });
});
