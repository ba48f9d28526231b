import { describe, expect, it } from "vitest";
import { extractFromConversation, mergeSpec } from "./merge";
import type { ConversationTurn } from "./types";

const u = (content: string): ConversationTurn => ({ role: "user", content });

describe("mergeSpec", () => {
  it("later scalars win, lists union", () => {
    const m = mergeSpec({ task: "inference", providers: ["aws"], tools: ["vllm"] }, { task: "fine_tuning", providers: ["gcp", "aws"], tools: ["mlflow"] });
    expect(m).toEqual({ task: "fine_tuning", providers: ["aws", "gcp"], tools: ["vllm", "mlflow"] });
  });
  it("a bare size resizes the named model", () => {
    expect(mergeSpec({ model: { name: "Llama 3.1" } }, { model: { params_b: 70 } }).model).toEqual({ name: "Llama 3.1 70B", params_b: 70 });
  });
  it("a new model replaces the old one entirely", () => {
    const m = mergeSpec({ model: { name: "Llama 3 8B", hf_id: "meta-llama/Meta-Llama-3-8B", params_b: 8 } }, { model: { name: "Mistral 7B", params_b: 7 } });
    expect(m.model).toEqual({ name: "Mistral 7B", params_b: 7 });
  });
  it("the same model merges fields", () => {
    const m = mergeSpec({ model: { name: "SDXL", hf_id: "stabilityai/stable-diffusion-xl-base-1.0" } }, { model: { name: "SDXL", params_b: 3.5 } });
    expect(m.model).toEqual({ name: "SDXL", hf_id: "stabilityai/stable-diffusion-xl-base-1.0", params_b: 3.5 });
  });
  it("a different GPU model drops the old memory, keeps the count", () => {
    expect(mergeSpec({ gpu: { count: 2, model: "RTX4090", memory_gb_per_gpu: 24 } }, { gpu: { model: "A100" } }).gpu).toEqual({ count: 2, model: "A100" });
  });
  it("switching modality drops a stale workload label", () => {
    expect(mergeSpec({ modality: "llm", workload: "chatbot" }, { modality: "image_generation", model: { name: "SDXL" } })).toEqual({ modality: "image_generation", model: { name: "SDXL" } });
  });
  it("leaving fine-tuning drops the method", () => {
    expect(mergeSpec({ task: "fine_tuning", fine_tune_method: "lora" }, { task: "inference" })).toEqual({ task: "inference" });
  });
});

describe("extractFromConversation", () => {
  it("accumulates facts over turns", () => {
    const r = extractFromConversation([u("Llama 3 8B on AWS"), { role: "assistant", content: "ok" }, u("for inference, about $500 a month")]);
    expect(r.spec).toMatchObject({ task: "inference", model: { name: "Llama 3 8B", params_b: 8 }, providers: ["aws"], budget_monthly_usd: 500 });
  });
  it("tracks asked and answered question ids", () => {
    const r = extractFromConversation([
      u("I need some GPUs"),
      { role: "assistant", content: "q", clarification: { questions: [
        { id: "workload", question: "What?", options: ["A chat / text LLM"] },
        { id: "task", question: "Task?", options: ["Inference / serving"] },
        { id: "budget", question: "Budget?", options: ["No fixed budget"] },
      ] } },
      u("a chat model, $800/month"),
    ]);
    expect(r.asked).toEqual(["workload", "task", "budget"]);
    expect(r.answered).toEqual(["workload", "task", "budget"]);
  });
  it("exclusions remove a provider named earlier, and naming it again brings it back", () => {
    expect(extractFromConversation([u("AWS or GCP"), u("actually not AWS")]).spec.providers).toEqual(["gcp"]);
    expect(extractFromConversation([u("not AWS"), u("ok AWS is fine after all")]).spec.providers).toEqual(["aws"]);
  });
  it("'no budget' later removes an earlier number", () => {
    const r = extractFromConversation([u("$500/mo for llama 3 8b inference"), u("actually there's no budget")]);
    expect(r.spec.budget_monthly_usd).toBeUndefined();
    expect(r.extras.budget_none).toBe(true);
  });
  it("batch size becomes concurrency for inference", () => {
    expect(extractFromConversation([u("serve Mistral 7B with batch size 16")]).spec.concurrency).toBe(16);
  });
  it("uses the stored assistant spec as a fallback", () => {
    const r = extractFromConversation([
      u("something hard to parse"),
      { role: "assistant", content: "plan", spec: { task: "inference", model: { name: "Llama 3.1 8B", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8 } } },
      u("make it $300/month"),
    ]);
    expect(r.spec).toMatchObject({ task: "inference", model: { hf_id: "meta-llama/Llama-3.1-8B-Instruct" }, budget_monthly_usd: 300 });
  });
});
