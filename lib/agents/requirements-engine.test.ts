import { describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { APICallError } from "@ai-sdk/provider";
import type { LlmEngine } from "@/lib/ai/provider";
import { workloadSpecSchema } from "@/lib/schemas/workload-spec";
import { understandRequirements, type ModelResolver } from "./requirements-engine";
import { runOfflineRequirements } from "./requirements";
import type { ConversationTurn } from "./requirements/types";
import { textResult } from "@/lib/ai/mock-result";

const llmAnswer = (spec: object, extra: object = {}) => textResult(JSON.stringify({ spec, needs_clarification: false, questions: [], assumptions: [], ...extra }));
type DoGenerate = NonNullable<NonNullable<ConstructorParameters<typeof MockLanguageModelV3>[0]>["doGenerate"]>;
const engine = (doGenerate: DoGenerate, timeoutMs = 5_000): LlmEngine => ({ model: new MockLanguageModelV3({ doGenerate }), label: "mock:test", timeoutMs });
const u = (content: string): ConversationTurn => ({ role: "user", content });

const resolver: ModelResolver = async (name) => (/llama.*70/i.test(name) ? { hf_id: "meta-llama/Meta-Llama-3-70B-Instruct", params_b: 70.6 } : null);

describe("understandRequirements", () => {
  it("without an LLM: the offline engine answers, with no notes", async () => {
    const turns = [u("I need to deploy Llama 70B for inference, $3000/mo, not azure")];
    const r = await understandRequirements(turns, { llm: null });
    const offline = await runOfflineRequirements(turns);
    expect(r.engine).toBe("offline");
    expect(r.notes).toEqual([]);
    expect(r.kind).toBe("spec");
    expect(r.spec).toEqual(offline.spec);
  });

  it("LLM success: engine 'llm', the LLM's fields take precedence, offline extras (exclusions, regions) are kept", async () => {
    const turns = [u("Serve Llama 3 70B in Europe, not azure, about 3k a month")];
    const llm = engine(llmAnswer({ task: "inference", modality: "llm", model: { name: "Llama 3 70B", params_b: 70 }, budget_monthly_usd: 2500, concurrency: 8 }, { assumptions: ["LLM assumed 8 users."] }));
    const r = await understandRequirements(turns, { llm });
    expect(r.engine).toBe("llm");
    expect(r.notes).toEqual([]);
    if (r.kind !== "spec") throw new Error("expected a spec");
    expect(r.spec.budget_monthly_usd).toBe(2500);
    expect(r.spec.concurrency).toBe(8);
    expect(r.spec.precision).toBeDefined(); // defaults still applied
    expect(r.extras.excluded_providers).toEqual(["azure"]);
    expect(r.extras.region_intent?.areas).toContain("eu");
    expect(r.assumptions).toContain("LLM assumed 8 users.");
    expect(workloadSpecSchema.safeParse(r.spec).success).toBe(true);
  });

  it("LLM success keeps the offline parse notes in the assumptions (nothing lost)", async () => {
    const turns = [u("Serve Llama 3.1 8B, $2/hr max")];
    const offline = await runOfflineRequirements(turns);
    if (offline.kind !== "spec") throw new Error("expected a spec");
    const note = offline.extras.notes[0];
    expect(note).toMatch(/730/);
    const r = await understandRequirements(turns, { llm: engine(llmAnswer({ task: "inference", model: { name: "Llama 3.1 8B", params_b: 8 } })) });
    if (r.kind !== "spec") throw new Error("expected a spec");
    expect(r.assumptions).toContain(note);
  });

  it("the catalog's hf_id stays with the model it was found for, never with a different model the LLM names", async () => {
    const turns = [u("Serve Llama 70B for inference")];
    const same = await understandRequirements(turns, { llm: engine(llmAnswer({ task: "inference", model: { name: "Llama 70B", params_b: 70 } })), resolveModel: resolver });
    expect(same.spec.model?.hf_id).toBe("meta-llama/Meta-Llama-3-70B-Instruct");
    const other = await understandRequirements(turns, { llm: engine(llmAnswer({ task: "inference", model: { name: "Qwen2.5 72B", params_b: 72 } })), resolveModel: resolver });
    expect(other.spec.model).toEqual({ name: "Qwen2.5 72B", params_b: 72 });
    const resized = await understandRequirements(turns, { llm: engine(llmAnswer({ task: "inference", model: { params_b: 8 } })), resolveModel: resolver });
    expect(resized.spec.model?.hf_id).toBeUndefined();
    expect(resized.spec.model?.params_b).toBe(8);
  });

  const fallbackCases: [string, () => LlmEngine, string][] = [
    ["throws (provider error)", () => engine(async () => { throw new APICallError({ message: "provider down sk-secret", url: "http://x", requestBodyValues: {}, statusCode: 503 }); }), "requirements:server_error"],
    ["times out", () => engine((opts) => new Promise((_, reject) => opts.abortSignal?.addEventListener("abort", () => reject(opts.abortSignal!.reason))), 300), "requirements:timeout"],
    ["returns invalid JSON twice", () => engine([textResult("I think you want a GPU"), textResult("{ not json")]), "requirements:invalid_output"],
    ["returns schema-invalid output twice", () => engine([llmAnswer({ task: "juggling" }), llmAnswer({ budget_monthly_usd: "lots" })]), "requirements:invalid_output"],
  ];
  for (const [what, make, note] of fallbackCases) {
    it(`LLM ${what} → the offline answer, unchanged, with a note explaining`, async () => {
      const turns = [u("Train object detection model, $3000/mo, 2x24GB GPUs")];
      const offline = await runOfflineRequirements(turns);
      const r = await understandRequirements(turns, { llm: make() });
      expect(r.engine).toBe("offline");
      // A reason code, never the provider's text.
      expect(r.notes).toEqual([note]);
      expect(r.kind).toBe(offline.kind);
      expect(r.spec).toEqual(offline.spec);
      if (r.kind === "spec" && offline.kind === "spec") expect(r.assumptions).toEqual(offline.assumptions);
    });
  }

  it("an LLM clarification is used when something blocks, but a question already asked is never asked again", async () => {
    const turns: ConversationTurn[] = [
      u("I need some GPUs"),
      { role: "assistant", content: "?", clarification: { questions: [{ id: "task", question: "What will you do with it?", options: ["Inference"] }] } },
      u("not sure yet"),
    ];
    const questions = [
      { id: "task", question: "Serve or train?", options: ["Serve", "Train"] },
      { id: "workload", question: "Which model?", options: ["Llama", "SDXL"] },
    ];
    const r = await understandRequirements(turns, { llm: engine(llmAnswer({}, { needs_clarification: true, questions })) });
    expect(r.kind).toBe("clarification");
    if (r.kind !== "clarification") return;
    expect(r.clarification.questions.map((q) => q.id)).toEqual(["workload"]);
    expect(r.questions_by).toBe("llm");
  });

  it("an LLM that wants to ask when nothing blocks does not hold the plan back", async () => {
    const turns = [u("I need to deploy Llama 70B for inference")];
    const r = await understandRequirements(turns, {
      llm: engine(llmAnswer({ task: "inference", model: { name: "Llama 70B", params_b: 70 } }, { needs_clarification: true, questions: [{ id: "budget", question: "Budget?", options: ["a", "b"] }] })),
    });
    expect(r.kind).toBe("spec");
    expect(r.engine).toBe("llm");
  });

  it("when the LLM asks nothing but something blocks, the offline questions are asked", async () => {
    const turns = [u("I need some GPUs")];
    const offline = await runOfflineRequirements(turns);
    const r = await understandRequirements(turns, { llm: engine(llmAnswer({})) });
    expect(r.kind).toBe("clarification");
    if (r.kind !== "clarification" || offline.kind !== "clarification") throw new Error("expected clarifications");
    expect(r.clarification).toEqual(offline.clarification);
    // The LLM understood the request, but the questions are the offline engine's wording.
    expect(r.engine).toBe("llm");
    expect(r.questions_by).toBe("offline");
  });
});
