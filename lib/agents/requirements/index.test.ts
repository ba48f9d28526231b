import { describe, expect, it } from "vitest";
import { workloadSpecSchema } from "@/lib/schemas/workload-spec";
import { sizeWorkload } from "@/lib/agents/architect/derive";
import { runOfflineRequirements, type ModelResolver } from "./index";
import type { ConversationTurn } from "./types";

const u = (content: string): ConversationTurn => ({ role: "user", content });

async function asSpec(turns: ConversationTurn[], resolver?: ModelResolver) {
  const r = await runOfflineRequirements(turns, resolver);
  if (r.kind !== "spec") throw new Error(`expected a spec, got ${JSON.stringify(r.clarification)}`);
  expect(workloadSpecSchema.safeParse(r.spec).success).toBe(true);
  return r;
}

describe("reference scenarios", () => {
  it("I need to deploy Llama 70B for inference", async () => {
    const r = await asSpec([u("I need to deploy Llama 70B for inference")]);
    expect(r.spec).toMatchObject({ task: "inference", modality: "llm", model: { name: "Llama 70B", params_b: 70 } });
  });
  it("Train object detection model, $3000/mo, 2x24GB GPUs", async () => {
    const r = await asSpec([u("Train object detection model, $3000/mo, 2x24GB GPUs")]);
    expect(r.spec).toMatchObject({ task: "training", modality: "vision", budget_monthly_usd: 3000, gpu: { count: 2, memory_gb_per_gpu: 24 }, workload: "object detection" });
    expect(r.extras.reference_model?.name).toBe("YOLOv8m");
  });
  it("Help me set up Stable Diffusion XL", async () => {
    const r = await asSpec([u("Help me set up Stable Diffusion XL")]);
    expect(r.spec).toMatchObject({ task: "inference", modality: "image_generation", model: { name: "SDXL" } });
  });
  it("Fine-tune language model with MLflow, $2000/mo, AWS", async () => {
    const r = await asSpec([u("Fine-tune language model with MLflow, $2000/mo, AWS")]);
    expect(r.spec).toMatchObject({ task: "fine_tuning", modality: "llm", tools: ["mlflow"], budget_monthly_usd: 2000, providers: ["aws"] });
  });
  it("Whisper large for transcription → inference, no serve-or-train question", async () => {
    const r = await asSpec([u("Whisper large for transcription")]);
    expect(r.spec).toMatchObject({ task: "inference", modality: "speech", model: { name: "Whisper large" } });
  });
  it("Llama 405B for $100/month → plans inference with an assumption line instead of blocking", async () => {
    const r = await asSpec([u("Llama 405B for $100/month")]);
    expect(r.spec).toMatchObject({ task: "inference", model: { params_b: 405 }, budget_monthly_usd: 100 });
    expect(r.assumptions.join(" ")).toMatch(/No task given: assuming you want to serve Llama 405B \(inference\)/);
  });
  it("a bare model name still asks serve-or-train", async () => {
    const r = await runOfflineRequirements([u("Whisper large")]);
    expect(r.kind).toBe("clarification");
    if (r.kind === "clarification") expect(r.clarification.questions.map((q) => q.id)).toContain("task");
  });
  it("I need some GPUs → 1–3 questions including what/task", async () => {
    const r = await runOfflineRequirements([u("I need some GPUs")]);
    expect(r.kind).toBe("clarification");
    if (r.kind !== "clarification") return;
    expect(r.clarification.questions.length).toBeGreaterThanOrEqual(1);
    expect(r.clarification.questions.length).toBeLessThanOrEqual(3);
    expect(r.clarification.questions.map((q) => q.id)).toEqual(expect.arrayContaining(["workload", "task"]));
  });
});

describe("multi-turn", () => {
  async function askFirst(text: string) {
    const r = await runOfflineRequirements([u(text)]);
    if (r.kind !== "clarification") throw new Error("expected questions");
    return [u(text), { role: "assistant" as const, content: "questions", clarification: r.clarification, spec: r.spec }];
  }

  it("clarification, then 'inference for a 7B chat model, about $500 a month' → spec", async () => {
    const turns = await askFirst("I need some GPUs");
    const r = await asSpec([...turns, u("inference for a 7B chat model, about $500 a month")]);
    expect(r.spec).toMatchObject({ task: "inference", modality: "llm", model: { params_b: 7 }, budget_monthly_usd: 500 });
  });

  it("a question already asked is not asked again; unanswered ones get defaults", async () => {
    const turns = await askFirst("I need some GPUs");
    const r = await asSpec([...turns, u("not sure")]);
    expect(r.spec).toMatchObject({ task: "inference", modality: "llm" });
    expect(r.assumptions.join(" ")).toMatch(/No task given/);
  });

  it("answering only the model still finishes (task question not repeated)", async () => {
    const turns = await askFirst("I need some GPUs");
    const r = await asSpec([...turns, u("Llama 3 8B")]);
    expect(r.spec).toMatchObject({ task: "inference", model: { name: "Llama 3 8B", params_b: 8 } });
  });

  it("size question, then '70B'", async () => {
    const turns = await askFirst("deploy llama 3.1 on gcp");
    const q = (turns[1] as ConversationTurn).clarification!.questions.map((x) => x.id);
    expect(q).toEqual(["model", "budget"]);
    const r = await asSpec([...turns, u("70B, around $3k/month")]);
    expect(r.spec).toMatchObject({ model: { name: "Llama 3.1 70B", params_b: 70 }, budget_monthly_usd: 3000, providers: ["gcp"] });
  });

  it("task question, then an option text", async () => {
    const turns = await askFirst("Llama 3 8B on AWS");
    const r = await asSpec([...turns, u("Fine-tuning (LoRA)")]);
    expect(r.spec).toMatchObject({ task: "fine_tuning", fine_tune_method: "lora", providers: ["aws"] });
  });

  it("budget question answered with a bare number", async () => {
    const turns = await askFirst("object detection");
    const r = await asSpec([...turns, u("training, 2000")]);
    expect(r.spec).toMatchObject({ task: "training", budget_monthly_usd: 2000 });
  });

  it("a use named in a later turn answers the task question", async () => {
    const turns = await askFirst("Whisper large");
    const r = await asSpec([...turns, u("it's for transcription, $300 a month")]);
    expect(r.spec).toMatchObject({ task: "inference", budget_monthly_usd: 300 });
  });

  it("two rounds never repeat a question id", async () => {
    const first = await askFirst("I need some GPUs");
    const second = await runOfflineRequirements([...first, u("something for my startup")]);
    if (second.kind === "clarification") {
      const before = new Set((first[1] as ConversationTurn).clarification!.questions.map((q) => q.id));
      for (const q of second.clarification.questions) expect(before.has(q.id)).toBe(false);
    }
  });
});

describe("native checkpoint precision through the pipeline", () => {
  it("gpt-oss-120b is sized in its published MXFP4 (~65 GB of weights), not fp8 (~125 GB)", async () => {
    const r = await asSpec([u("serve gpt-oss-120b for a chatbot")]);
    expect(r.spec.precision).toBe("int4");
    const s = sizeWorkload(r.spec, r.extras);
    expect(s.breakdown.weights).toBeCloseTo(65.1, 1);
    expect(s.memory_gb_required).toBeLessThan(80);
  });
  it("DeepSeek-V3 is served in its native FP8; a user precision still wins", async () => {
    const v3 = await asSpec([u("serve DeepSeek V3")]);
    expect(v3.spec.precision).toBe("fp8");
    expect(v3.assumptions.join(" ")).toMatch(/published in FP8/);
    const asked = await asSpec([u("serve gpt-oss-120b in bf16")]);
    expect(asked.spec.precision).toBe("bf16");
  });
});

describe("model resolver", () => {
  it("fills hf_id and params from the lookup", async () => {
    const resolver: ModelResolver = async (name) => (name === "Mistral 7B" ? { hf_id: "mistralai/Mistral-7B-Instruct-v0.3", params_b: 7.25 } : null);
    const r = await asSpec([u("serve Mistral 7B")], resolver);
    expect(r.spec.model).toEqual({ name: "Mistral 7B", hf_id: "mistralai/Mistral-7B-Instruct-v0.3", params_b: 7 });
  });
  it("rejects a lookup that contradicts the parsed size", async () => {
    const resolver: ModelResolver = async () => ({ hf_id: "meta-llama/Llama-3.1-8B", params_b: 8 });
    const r = await asSpec([u("serve Llama 70B")], resolver);
    expect(r.spec.model).toEqual({ name: "Llama 70B", params_b: 70 });
  });
  it("a failing resolver is survived", async () => {
    const r = await asSpec([u("serve Mistral 7B")], async () => {
      throw new Error("db down");
    });
    expect(r.assumptions.join(" ")).toMatch(/lookup/);
  });
  it("looks up the defaulted size name", async () => {
    const seen: string[] = [];
    const resolver: ModelResolver = async (name) => {
      seen.push(name);
      return name === "Gemma 2 9B" ? { hf_id: "google/gemma-2-9b-it", params_b: 9.24 } : null;
    };
    const turns = await askOnce("serve gemma 2");
    const r = await asSpec([...turns, u("you pick")], resolver);
    expect(r.spec.model?.hf_id).toBe("google/gemma-2-9b-it");
    expect(seen).toContain("Gemma 2 9B");
  });
});

async function askOnce(text: string): Promise<ConversationTurn[]> {
  const r = await runOfflineRequirements([u(text)]);
  if (r.kind !== "clarification") throw new Error("expected questions");
  return [u(text), { role: "assistant", content: "questions", clarification: r.clarification }];
}

describe("GPUs ruled out", () => {
  it("'no T4s' is stated and no T4 is pinned; asking for it later brings it back", async () => {
    const r = await asSpec([u("serve Llama 3 8B for a chatbot, no T4s")]);
    expect(r.spec.gpu?.model).toBeUndefined();
    expect(r.extras.excluded_gpus).toEqual(["T4"]);
    expect(r.assumptions.join(" ")).toMatch(/Left out, as asked: T4/);
    const again = await asSpec([u("serve Llama 3 8B for a chatbot, no T4s"), { role: "assistant", content: "plan" }, u("actually a T4 is fine, use T4")]);
    expect(again.spec.gpu?.model).toBe("T4");
    expect(again.extras.excluded_gpus ?? []).not.toContain("T4");
  });
});
