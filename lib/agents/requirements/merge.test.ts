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

describe("follow-up replacements", () => {
  const a = (spec?: ConversationTurn["spec"]): ConversationTurn => ({ role: "assistant", content: "plan", spec: spec ?? null });
  const conv = (...turns: ConversationTurn[]) => extractFromConversation(turns);

  it("'instead' replaces the providers, also over the stored plan spec", () => {
    expect(conv(u("Serve Llama 3 8B on AWS"), a(), u("Actually use GCP instead")).spec.providers).toEqual(["gcp"]);
    const stored = { task: "inference" as const, providers: ["aws"], model: { name: "Llama 3 8B", params_b: 8 } };
    expect(conv(u("Serve Llama 3 8B on AWS"), a(stored), u("Actually use GCP instead")).spec.providers).toEqual(["gcp"]);
    expect(conv(u("Serve Llama 3 8B on AWS"), a(stored), u("use GCP instead of AWS")).spec.providers).toEqual(["gcp"]);
    expect(conv(u("Serve Llama 3 8B on AWS"), a(stored), u("switch from AWS to Azure")).spec.providers).toEqual(["azure"]);
    expect(conv(u("Serve Llama 3 8B on AWS"), a(stored), u("GCP only")).spec.providers).toEqual(["gcp"]);
  });

  it("plain additions still union", () => {
    expect(conv(u("Serve Llama 3 8B on AWS"), a(), u("also consider Lambda")).spec.providers).toEqual(["aws", "lambda"]);
    expect(conv(u("Serve Llama 3 8B on AWS"), a(), u("Also consider GCP, and make it 16k context")).spec).toMatchObject({ providers: ["aws", "gcp"], context_length: 16384 });
    expect(conv(u("Serve Llama 3 8B on AWS"), a(), u("and GCP")).spec.providers).toEqual(["aws", "gcp"]);
  });

  it("regions: a switch replaces typed codes and the area wish", () => {
    const r = conv(u("Serve Llama 3 8B on AWS in us-east-1"), a(), u("switch to europe-west4"));
    expect(r.spec.regions).toEqual(["europe-west4"]);
    expect(r.extras.region_intent?.areas).toEqual(["eu"]);
    const area = conv(u("Serve Llama 3 8B in the US"), a(), u("actually, in Europe instead"));
    expect(area.extras.region_intent?.areas).toEqual(["eu"]);
    expect(area.spec.regions).toBeUndefined();
    const mixed = conv(u("Serve Llama 3 8B in us-east-1"), a({ task: "inference", regions: ["us-east-1"] }), u("move it to Europe"));
    expect(mixed.spec.regions).toBeUndefined();
    expect(mixed.extras.region_intent?.areas).toEqual(["eu"]);
    // An addition keeps both.
    expect(conv(u("Serve Llama 3 8B in the US"), a(), u("Europe is fine too")).extras.region_intent?.areas).toEqual(["us", "eu"]);
  });

  it("GPU model, model, precision, budget and tools: the correction wins even when the old value is named first", () => {
    const gpu = conv(u("Serve Llama 3 8B on 2 A100s or H100s"), a(), u("no, make it L40S"));
    expect(gpu.spec.gpu).toMatchObject({ model: "L40S", count: 2 });
    expect(gpu.extras.gpu_alternatives).toEqual([]);
    expect(conv(u("Serve Llama 3 8B on 2 A100s"), a(), u("instead of the A100s, use H100s")).spec.gpu?.model).toBe("H100");
    expect(conv(u("Serve Llama 3 8B"), a(), u("rather than Llama, use Qwen 2.5 7B")).spec.model?.name).toBe("Qwen2.5 7B");
    expect(conv(u("Serve Llama 3 8B in bf16"), a(), u("instead of bf16, use fp8")).spec.precision).toBe("fp8");
    const budget = conv(u("Serve Llama 3 8B, $500/month"), a(), u("change the budget from $500 to $2000"));
    expect(budget.spec.budget_monthly_usd).toBe(2000);
    expect(budget.extras.notes.join(" ")).not.toMatch(/range/i);
    expect(conv(u("Serve Llama 3 8B, $500/month"), a(), u("change the budget to $2000")).spec.budget_monthly_usd).toBe(2000);
    expect(conv(u("Serve Llama 3 8B with vLLM"), a(), u("use TGI instead of vLLM")).spec.tools).toEqual(["tgi"]);
  });

  it("the stored plan spec still fills what the user never said, but not a budget they dropped", () => {
    const stored = { task: "inference" as const, providers: ["aws"], budget_monthly_usd: 500, model: { name: "Llama 3.1 8B", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8 } };
    const r = conv(u("something hard to parse"), a(stored), u("make it 16k context"));
    expect(r.spec).toMatchObject({ providers: ["aws"], budget_monthly_usd: 500, model: { hf_id: "meta-llama/Llama-3.1-8B-Instruct" } });
    expect(conv(u("something hard to parse"), a(stored), u("actually there's no budget")).spec.budget_monthly_usd).toBeUndefined();
  });
});
