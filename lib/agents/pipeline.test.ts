import { describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { APICallError, type LanguageModelV3CallOptions, type LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import type { LlmEngine } from "@/lib/ai/provider";
import { ungroundedQuantities } from "@/lib/ai/grounding";
import { summaryGround } from "./writer-facts";
import { normalizeComputeQuery } from "@/lib/search/compute-query";
import { monthlyCost, rankInstances, type InstanceCandidate } from "@/lib/search/compute-ranking";
import { computeSearchBodySchema } from "@/lib/schemas/tools";
import { deploymentPlanSchema, type DeploymentPlan, type InstanceOption, type ModelOption, type PackageOption } from "@/lib/schemas/plan";
import { clarificationSchema } from "@/lib/schemas/workload-spec";
import { runPipeline, type PipelineStep } from "./pipeline";
import { runOfflineRequirements } from "./requirements";
import type { ArchitectTools } from "./architect/types";
import type { ConversationTurn } from "./requirements/types";
import { textResult } from "@/lib/ai/mock-result";

// ---- fake tools over a small in-memory catalog (the real pure ranking) ----
const row = (provider: string, instanceType: string, region: string, gpuModel: string, gpuCount: number, perGpu: number, price: number, spot: number | null = null): InstanceCandidate => ({
  provider, instanceType, region, gpuModel, gpuCount, gpuMemoryGbPerGpu: perGpu, gpuMemoryGbTotal: perGpu * gpuCount, acceleratorKind: "gpu",
  vcpus: 8 * gpuCount, memoryGb: 64 * gpuCount, pricePerHourUsd: price, spotPricePerHourUsd: spot, dataAsOf: "2025-06-01",
});
const CATALOG = [
  row("aws", "g5.xlarge", "us-east-1", "A10G", 1, 24, 1.006, 0.4),
  row("aws", "g5.12xlarge", "us-east-1", "A10G", 4, 24, 5.672, 2.1),
  row("aws", "p4de.24xlarge", "us-east-1", "A100-80GB", 8, 80, 40.96, 15),
  row("gcp", "a2-ultragpu-2g", "europe-west4", "A100-80GB", 2, 80, 10.06),
  row("lium", "RTX3090_8x", "JP", "RTX3090", 8, 24, 1.28),
  row("vast", "2x-RTX_3090", "Romania, RO, EU", "RTX3090", 2, 24, 0.4, 0.2),
];
const toOption = (c: InstanceCandidate, spot: boolean): InstanceOption => {
  const hourly = (spot ? c.spotPricePerHourUsd : c.pricePerHourUsd) ?? 0;
  return {
    provider: c.provider, instance_type: c.instanceType, region: c.region, gpu_model: c.gpuModel, gpu_count: c.gpuCount, gpu_memory_gb: c.gpuMemoryGbTotal,
    vcpus: c.vcpus, memory_gb: c.memoryGb, price_per_hour_usd: hourly, spot_price_per_hour_usd: c.spotPricePerHourUsd, monthly_cost_usd: monthlyCost(hourly),
    gpu_memory_gb_per_gpu: c.gpuMemoryGbPerGpu, data_as_of: c.dataAsOf,
  };
};
const model = (id: string): ModelOption => ({ id, pipeline_tag: "text-generation", params_b: 70, license: "apache-2.0", downloads: 1000, likes: 10, relevance: 0.9, popularity: 0.7, score: 0.82, url: `https://huggingface.co/${id}` });
const chart = (name: string): PackageOption => ({ repository: "repo", name, version: "1.2.3", app_version: null, description: name, official: true, stars: 5, score: 1, install_command: `helm install ${name} repo/${name}` });
const tools: ArchitectTools = {
  localCheck: async () => ({ connected: false, message: "No kubeconfig" }),
  computeSearch: async (input) => {
    const q = computeSearchBodySchema.parse(input);
    const nq = normalizeComputeQuery(q);
    const r = rankInstances(CATALOG, nq);
    return { results: r.results.slice(0, nq.topK).map((x) => toOption(x, nq.spot)), total_matches: r.totalMatches, query: q };
  },
  hfSearch: async () => ({ results: [model("meta-llama/Llama-3.3-70B-Instruct")], total_matches: 1, retrieval: "fulltext" }),
  k8sSearch: async (q) => ({ results: [chart(q.query.split(" ")[0])], total_matches: 1 }),
};

// ---- mock LLM: structured (JSON) calls are the requirements agent, text calls the writer ----
type Handler = (opts: LanguageModelV3CallOptions) => Promise<LanguageModelV3GenerateResult>;
const providerDown: Handler = async () => {
  throw new APICallError({ message: "provider down", url: "http://x", requestBodyValues: {}, statusCode: 503, isRetryable: false });
};
function mockLlm(requirements: Handler, writer: Handler, timeoutMs = 5_000) {
  const calls: LanguageModelV3CallOptions[] = [];
  const llm: LlmEngine = {
    model: new MockLanguageModelV3({ doGenerate: (opts) => (calls.push(opts), opts.responseFormat?.type === "json" ? requirements(opts) : writer(opts)) }),
    label: "mock:test",
    timeoutMs,
  };
  return { llm, calls };
}
/** The plan data the writer got, parsed back out of its prompt. */
function writerData(opts: LanguageModelV3CallOptions): Record<string, any> {
  const text = JSON.stringify(opts.prompt);
  const user = opts.prompt.find((m) => m.role === "user")!;
  const content = (user.content as { type: string; text: string }[])[0].text;
  expect(text).toContain("Plan data (JSON)");
  return JSON.parse(content.slice(content.indexOf("{")));
}
/** A grounded summary: only numbers from the data. */
const groundedWriter: Handler = async (opts) => {
  const d = writerData(opts);
  const top = d.instances[0];
  return textResult(`Needs ${d.memory_gb_required} GB. Use ${top.provider} ${top.instance_type} at $${top.price_per_hour_usd}/h ≈ $${top.monthly_cost_usd}/month with ${d.models[0]}.`);
};
const inventingWriter: Handler = async () => textResult("Needs 123.45 GB on a $0.01/h instance, saving $99,999.");

const u = (content: string): ConversationTurn => ({ role: "user", content });
/** Everything but the prose (summary, which engine wrote it, and the wording of the stated defaults). */
const numbersOf = (p: DeploymentPlan) => {
  const { summary: _s, engine: _e, engines: _es, engine_notes: _n, assumptions: _a, ...rest } = p;
  return rest;
};

async function offlineRun(turns: ConversationTurn[]) {
  return runPipeline(turns, { tools, llm: null });
}
/** An LLM requirements answer that agrees with the offline engine's spec (the same facts). */
async function agreeingRequirements(turns: ConversationTurn[]): Promise<Handler> {
  const off = await runOfflineRequirements(turns);
  return async () => textResult(JSON.stringify({ spec: off.spec, needs_clarification: false, questions: [], assumptions: [] }));
}

describe("runPipeline", () => {
  const turns = [u("I need to deploy Llama 70B for inference, budget $3000/mo")];

  it("offline: a valid plan, engine 'offline', no notes, steps reported in order", async () => {
    const steps: PipelineStep[] = [];
    const r = await runPipeline(turns, { tools, llm: null, onStatus: (s) => steps.push(s) });
    expect(r.type).toBe("plan");
    expect(r.engine).toBe("offline");
    expect(r.notes).toEqual([]);
    expect(deploymentPlanSchema.safeParse(r.plan).success).toBe(true);
    expect(r.plan!.engine).toBe("offline");
    expect(r.plan!.engines).toEqual({ requirements: "offline", summary: "offline" });
    expect(r.plan!.engine_notes).toBeUndefined();
    expect(r.content.startsWith(r.plan!.summary)).toBe(true);
    expect(steps).toEqual(["requirements", "local_check", "compute_search", "hf_search", "k8s_search", "writing"]);
    const top = r.plan!.compute[0];
    expect(top.gpu_memory_gb * 0.9).toBeGreaterThanOrEqual(r.plan!.sizing.memory_gb_required);
    expect(r.plan!.estimated_monthly_cost_usd).toBe(top.monthly_cost_usd);
    expect(r.plan!.fits_budget).toBe(true);
  });

  it("LLM success: engine 'llm', the LLM's summary, and exactly the offline plan's numbers for the same facts", async () => {
    const offline = await offlineRun(turns);
    const { llm, calls } = mockLlm(await agreeingRequirements(turns), groundedWriter);
    const r = await runPipeline(turns, { tools, llm });
    expect(r.engine).toBe("llm");
    expect(r.notes).toEqual([]);
    expect(r.plan!.engine).toBe("llm");
    expect(r.plan!.engines).toEqual({ requirements: "llm", summary: "llm" });
    expect(r.plan!.summary).toMatch(/^Needs [\d.]+ GB\. Use /);
    expect(r.plan!.summary).not.toBe(offline.plan!.summary);
    expect(numbersOf(r.plan!)).toEqual(numbersOf(offline.plan!));
    expect(calls.map((c) => c.responseFormat?.type ?? "text")).toEqual(["json", "text"]);
  });

  it("the writer is given only tool/sizing numbers, and its summary's numbers are all among them", async () => {
    const { llm, calls } = mockLlm(await agreeingRequirements(turns), groundedWriter);
    const r = await runPipeline(turns, { tools, llm });
    const data = writerData(calls[1]);
    expect(data.memory_gb_required).toBe(r.plan!.sizing.memory_gb_required);
    expect(data.instances.map((i: InstanceOption) => i.instance_type)).toEqual(r.plan!.compute.slice(0, 3).map((c) => c.instance_type));
    expect(data.fits_budget).toBe(r.plan!.fits_budget);
    const ground = summaryGround(data as Parameters<typeof summaryGround>[0], { instance: r.plan!.compute[0].instance_type, model: r.plan!.models[0].id });
    expect(ungroundedQuantities(r.plan!.summary, ground.facts, ground.names)).toEqual([]);
  });

  it("a writer that invents a number is rejected: offline summary, a note, same numbers", async () => {
    const offline = await offlineRun(turns);
    const { llm } = mockLlm(await agreeingRequirements(turns), inventingWriter);
    const r = await runPipeline(turns, { tools, llm });
    expect(r.plan!.summary).toBe(offline.plan!.summary);
    expect(r.notes).toEqual(["summary:ungrounded_number"]);
    expect(r.engine).toBe("offline");
    expect(r.plan!.engines).toEqual({ requirements: "llm", summary: "offline" });
    expect(r.plan!.engine_notes).toEqual(["summary:ungrounded_number"]);
    expect(numbersOf(r.plan!)).toEqual(numbersOf(offline.plan!));
  });

  it("provider down for both agents: the offline plan, unchanged, with notes explaining both fallbacks", async () => {
    const offline = await offlineRun(turns);
    const { llm } = mockLlm(providerDown, providerDown);
    const r = await runPipeline(turns, { tools, llm });
    expect(r.engine).toBe("offline");
    expect(numbersOf(r.plan!)).toEqual(numbersOf(offline.plan!));
    expect(r.plan!.summary).toBe(offline.plan!.summary);
    expect(r.spec).toEqual(offline.spec);
    expect(r.notes).toEqual(["requirements:server_error", "summary:server_error"]);
    expect(r.plan!.engines).toEqual({ requirements: "offline", summary: "offline" });
  });

  it("the LLM timing out falls back the same way", async () => {
    const hang: Handler = (opts) => new Promise((_, reject) => opts.abortSignal?.addEventListener("abort", () => reject(opts.abortSignal!.reason)));
    const offline = await offlineRun(turns);
    const { llm, calls } = mockLlm(hang, hang, 300);
    const t0 = performance.now();
    const r = await runPipeline(turns, { tools, llm });
    // One budget for the turn: the writer is not called once the requirements call spent it.
    expect(performance.now() - t0).toBeLessThan(600);
    expect(calls).toHaveLength(1);
    expect(r.engine).toBe("offline");
    expect(numbersOf(r.plan!)).toEqual(numbersOf(offline.plan!));
    expect(r.plan!.summary).toBe(offline.plan!.summary);
    expect(r.notes).toEqual(["requirements:timeout", "summary:budget_exhausted"]);
  });

  it("invalid JSON twice from the requirements agent: offline requirements, LLM prose still used, numbers unchanged", async () => {
    const offline = await offlineRun(turns);
    let n = 0;
    const { llm } = mockLlm(async () => textResult(n++ === 0 ? "not json" : "{\"spec\":"), groundedWriter);
    const r = await runPipeline(turns, { tools, llm });
    expect(n).toBe(2);
    expect(r.notes).toEqual(["requirements:invalid_output"]);
    expect(r.engine).toBe("llm");
    expect(r.plan!.engines).toEqual({ requirements: "offline", summary: "llm" });
    expect(numbersOf(r.plan!)).toEqual(numbersOf(offline.plan!));
  });

  it("a clarification is returned as such (no plan, no writer call), also when the LLM fails", async () => {
    const ask = [u("I need some GPUs")];
    const offline = await offlineRun(ask);
    expect(offline.type).toBe("clarification");
    expect(offline.plan).toBeNull();
    expect(clarificationSchema.safeParse(offline.clarification).success).toBe(true);
    expect(offline.content).toContain(offline.clarification!.questions[0].question);
    const { llm, calls } = mockLlm(providerDown, groundedWriter);
    const r = await runPipeline(ask, { tools, llm });
    expect(r.type).toBe("clarification");
    expect(r.clarification).toEqual(offline.clarification);
    expect(r.engine).toBe("offline");
    expect(r.notes).toEqual(["requirements:server_error"]);
    expect(calls.every((c) => c.responseFormat?.type === "json")).toBe(true);
  });

  it("over budget: the cheapest fit is shown with fits_budget false and an over-budget warning", async () => {
    const r = await offlineRun([u("Serve Llama 3 70B for inference, budget $100 a month")]);
    expect(r.plan!.fits_budget).toBe(false);
    expect(r.plan!.estimated_monthly_cost_usd!).toBeGreaterThan(100);
    expect(r.plan!.warnings[0]).toMatch(/^Over budget/);
    expect(r.plan!.warnings[0]).toContain(r.plan!.compute[0].instance_type);
  });
});
