import { describe, expect, it } from "vitest";
import { BUDGET_OPTIONS } from "../clarify";
import { interpretReply, matchOptions } from "./answers";

const TASK_Q = { id: "task", question: "What will you do with it?", options: ["Inference / serving", "Fine-tuning", "Training from scratch", "Batch processing"] };
const BUDGET_Q = { id: "budget", question: "Budget?", options: BUDGET_OPTIONS };
const WORKLOAD_Q = { id: "workload", question: "What?", options: ["A chat / text LLM", "Image generation (text-to-image)"] };
const SIZE_Q = { id: "model", question: "Which size?", options: ["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B"] };

describe("interpretReply", () => {
  it("a one-word task answer", () => {
    expect(interpretReply("inference", [TASK_Q, BUDGET_Q]).spec.task).toBe("inference");
  });
  it("an option number when one question was asked", () => {
    expect(interpretReply("3", [TASK_Q]).spec.task).toBe("training");
  });
  it("a single digit picks an option of the first question", () => {
    const r = interpretReply("2", [WORKLOAD_Q, TASK_Q, BUDGET_Q]);
    expect(r.spec.modality).toBe("image_generation");
    expect(r.spec.budget_monthly_usd).toBeUndefined();
  });
  it("a bare number answers the budget question", () => {
    expect(interpretReply("2000", [TASK_Q, BUDGET_Q]).spec.budget_monthly_usd).toBe(2000);
  });
  it("'around $2k/month'", () => {
    expect(interpretReply("around $2k/month", [BUDGET_Q]).spec.budget_monthly_usd).toBe(2000);
  });
  it("'no' to a budget question means no budget", () => {
    const r = interpretReply("no", [BUDGET_Q]);
    expect(r.extras.budget_none).toBe(true);
    expect(r.declined).toEqual(["budget"]);
  });
  it("budget option text", () => {
    expect(interpretReply("$500–$2,000/month", [BUDGET_Q]).spec.budget_monthly_usd).toBe(2000);
    expect(interpretReply("No fixed budget", [BUDGET_Q]).extras.budget_none).toBe(true);
  });
  it("'70' answers a size question, not the budget", () => {
    const r = interpretReply("70", [SIZE_Q, BUDGET_Q], "Llama 3.1");
    expect(r.spec.model).toEqual({ params_b: 70, name: "Llama 3.1 70B" });
    expect(r.spec.budget_monthly_usd).toBeUndefined();
  });
  it("free text answers a workload question", () => {
    expect(interpretReply("our internal ticket router", [WORKLOAD_Q]).spec.workload).toBe("our internal ticket router");
  });
  it("'no preference' leaves every open question to us", () => {
    expect(interpretReply("no preference", [WORKLOAD_Q, TASK_Q]).declined).toEqual(["workload", "task"]);
  });
  it("combined reply to several questions", () => {
    const r = interpretReply("A chat / text LLM, Inference / serving, Under $500/month", [WORKLOAD_Q, TASK_Q, BUDGET_Q]);
    expect(r.spec).toMatchObject({ task: "inference", modality: "llm", budget_monthly_usd: 500 });
  });
  it("matchOptions by prefix", () => {
    expect(matchOptions("image gen", [WORKLOAD_Q])).toEqual(["Image generation (text-to-image)"]);
  });
});
