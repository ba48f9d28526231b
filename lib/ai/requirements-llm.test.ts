import { describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { APICallError } from "@ai-sdk/provider";
import { llmRequirements, llmRequirementsSchema, llmRequirementsWireSchema, parseRequirementsAnswer } from "./requirements-llm";
import type { LlmEngine } from "./provider";
import { REQUIREMENTS_SYSTEM } from "./prompts";
import { textResult } from "./mock-result";


const engine = (model: MockLanguageModelV3, timeoutMs = 5_000): LlmEngine => ({ model, label: "mock:test", timeoutMs });

const valid = {
  spec: { task: "inference", modality: "llm", model: { name: "Llama 3 70B", params_b: 70 }, budget_monthly_usd: 3000 },
  needs_clarification: false,
  questions: [],
  assumptions: ["Assumed bf16."],
};

describe("llmRequirements", () => {
  it("accepts valid structured output and sends the system prompt and the conversation", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textResult(JSON.stringify(valid)) });
    const r = await llmRequirements(engine(model), [{ role: "user", content: "Llama 3 70B, $3000/mo" }]);
    expect(r.spec).toEqual(valid.spec);
    expect(r.clarification).toBeNull();
    expect(r.assumptions).toEqual(["Assumed bf16."]);
    expect(model.doGenerateCalls).toHaveLength(1);
    const call = model.doGenerateCalls[0];
    expect(call.temperature).toBe(0.1);
    expect(call.responseFormat?.type).toBe("json");
    expect(JSON.stringify(call.prompt)).toContain("Llama 3 70B, $3000/mo");
    expect(JSON.stringify(call.prompt)).toContain(REQUIREMENTS_SYSTEM.slice(0, 40));
  });

  it("returns questions only when clarification is needed, at most 3, dropping blank ones", async () => {
    const questions = [
      { id: "task", question: "Serve or fine-tune?", options: ["Serve", "Fine-tune"] },
      { id: "blank", question: "  ", options: [] },
      { id: "budget", question: "Budget?", options: ["<$500", "No limit"] },
    ];
    const model = new MockLanguageModelV3({ doGenerate: textResult(JSON.stringify({ ...valid, spec: {}, needs_clarification: true, questions })) });
    const r = await llmRequirements(engine(model), [{ role: "user", content: "I need GPUs" }]);
    expect(r.clarification!.questions.map((q) => q.id)).toEqual(["task", "budget"]);
    const noNeed = new MockLanguageModelV3({ doGenerate: textResult(JSON.stringify({ ...valid, needs_clarification: false, questions })) });
    expect((await llmRequirements(engine(noNeed), [{ role: "user", content: "x" }])).clarification).toBeNull();
  });

  it("invalid output (not JSON, then schema-invalid) is retried once, then throws", async () => {
    const bad = new MockLanguageModelV3({ doGenerate: [textResult("not json at all"), textResult(JSON.stringify({ spec: { task: "dance" } }))] });
    await expect(llmRequirements(engine(bad), [{ role: "user", content: "x" }])).rejects.toThrow();
    expect(bad.doGenerateCalls).toHaveLength(2);
  });

  it("invalid output followed by a valid one succeeds on the retry", async () => {
    const model = new MockLanguageModelV3({ doGenerate: [textResult("{\"spec\": "), textResult(JSON.stringify(valid))] });
    const r = await llmRequirements(engine(model), [{ role: "user", content: "x" }]);
    expect(r.spec.model?.params_b).toBe(70);
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it("a provider error throws at once, without a retry", async () => {
    let calls = 0;
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        calls++;
        throw new APICallError({ message: "upstream 500", url: "http://x", requestBodyValues: {}, statusCode: 500, isRetryable: true });
      },
    });
    await expect(llmRequirements(engine(model), [{ role: "user", content: "x" }])).rejects.toThrow(/upstream 500/);
    expect(calls).toBe(1);
  });

  it("a timeout aborts the call and throws, without a retry", async () => {
    let calls = 0;
    const model = new MockLanguageModelV3({
      doGenerate: (opts) => {
        calls++;
        return new Promise((_, reject) => opts.abortSignal?.addEventListener("abort", () => reject(opts.abortSignal!.reason)));
      },
    });
    await expect(llmRequirements(engine(model, 50), [{ role: "user", content: "x" }])).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it("the schema the model must satisfy is the contract's WorkloadSpec", () => {
    expect(llmRequirementsSchema.safeParse(valid).success).toBe(true);
    expect(llmRequirementsSchema.safeParse({ ...valid, spec: { budget_monthly_usd: -5 } }).success).toBe(false);
    expect(llmRequirementsSchema.safeParse({ ...valid, questions: [1, 2, 3, 4].map((i) => ({ id: `${i}`, question: "q", options: [] })) }).success).toBe(false);
  });

  it("reads a ```json fenced answer, an object inside prose, and null for unknown fields", async () => {
    const fenced = `Sure, here it is:\n\n\`\`\`json\n${JSON.stringify(valid, null, 2)}\n\`\`\`\nLet me know!`;
    const prose = `The user wants this: ${JSON.stringify(valid)} — hope that helps {not json}.`;
    const nulls = JSON.stringify({ spec: { ...valid.spec, precision: null, gpu: { count: null, memory_gb_per_gpu: null, model: null }, providers: null }, needs_clarification: null, questions: null, assumptions: null });
    for (const text of [fenced, prose, nulls]) {
      const model = new MockLanguageModelV3({ doGenerate: textResult(text) });
      const r = await llmRequirements(engine(model), [{ role: "user", content: "Llama 3 70B, $3000/mo" }]);
      expect(r.spec).toEqual(valid.spec);
      expect(model.doGenerateCalls).toHaveLength(1);
    }
  });

  it("the repair attempt carries the validation problem; a second bad answer throws invalid_output", async () => {
    const model = new MockLanguageModelV3({ doGenerate: [textResult(JSON.stringify({ spec: { budget_monthly_usd: -5 } })), textResult("still no json")] });
    await expect(llmRequirements(engine(model), [{ role: "user", content: "x" }])).rejects.toMatchObject({ name: "LlmFallback", reason: "invalid_output" });
    const repair = JSON.stringify(model.doGenerateCalls[1].prompt);
    expect(repair).toContain("spec.budget_monthly_usd");
    expect(repair).toMatch(/could not be used/);
  });

  it("parseRequirementsAnswer names the problem: no JSON, or the failing fields", () => {
    expect(parseRequirementsAnswer("I can't tell")).toEqual({ ok: false, problem: "The answer contained no JSON object." });
    const bad = parseRequirementsAnswer(JSON.stringify({ spec: { task: "dance", gpu: { count: 0 } } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toMatch(/spec\.task.*spec\.gpu\.count/);
  });

  it("the wire schema is strict-compatible: every field required (null = unknown), no extra keys", () => {
    const allNull = {
      spec: { task: null, modality: null, model: { name: null, hf_id: null, params_b: null }, precision: null, gpu: { count: null, memory_gb_per_gpu: null, model: null }, budget_monthly_usd: null, providers: null, regions: null, spot_ok: null, tools: null, context_length: null, concurrency: null, fine_tune_method: null, workload: null, components: null, cpu_only: null, users: null, requests_per_second: null, data_gb: null, budget_per_run_usd: null, dataset_examples: null, avg_example_tokens: null, dataset_tokens: null, epochs: null, target_tokens_per_s: null, target_ttft_ms: null, avg_prompt_tokens: null, avg_output_tokens: null },
      needs_clarification: false, questions: [], assumptions: [],
    };
    expect(llmRequirementsWireSchema.safeParse(allNull).success).toBe(true);
    const { task: _t, ...withoutTask } = allNull.spec;
    expect(llmRequirementsWireSchema.safeParse({ ...allNull, spec: withoutTask }).success).toBe(false);
    expect(llmRequirementsWireSchema.safeParse({ ...allNull, spec: { ...allNull.spec, extra: 1 } }).success).toBe(false);
    // Lists of objects are strict too: each component's fields are all present (null = unknown).
    const part = { kind: "vector_db", model: null, tool: "qdrant", role: null };
    expect(llmRequirementsWireSchema.safeParse({ ...allNull, spec: { ...allNull.spec, components: [part] } }).success).toBe(true);
    expect(llmRequirementsWireSchema.safeParse({ ...allNull, spec: { ...allNull.spec, components: [{ kind: "vector_db", tool: "qdrant" }] } }).success).toBe(false);
    // The wire schema keeps the contract's checks.
    expect(llmRequirementsWireSchema.safeParse({ ...allNull, spec: { ...allNull.spec, budget_monthly_usd: -1 } }).success).toBe(false);
  });
});
