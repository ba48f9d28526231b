import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DbHandle } from "@/db/client";
import { gatherFacts } from "@/lib/agents/architect/gather";
import { buildPlan } from "@/lib/agents/architect/plan";
import { offlineSummary } from "@/lib/agents/architect/prose";
import { emptyExtras } from "@/lib/agents/requirements/types";
import { deploymentPlanSchema } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { ToolCache } from "@/lib/server/tool-cache";
import { catalogTools } from "@/lib/tools/catalog-tools";
import { expectCoherentPlan } from "./deployment-coherence";
import { expectValidFiles, fileTally } from "./artifact-checks";

/** Catalog repos across families and sizes (7B … 405B, dense and MoE, one already quantized). */
const MODELS: { name: string; hf_id: string; params_b: number }[] = [
  { name: "Llama 3.1 8B Instruct", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8 },
  { name: "Llama 3.1 70B Instruct", hf_id: "meta-llama/Llama-3.1-70B-Instruct", params_b: 70 },
  { name: "Llama 3.1 405B Instruct", hf_id: "meta-llama/Llama-3.1-405B-Instruct", params_b: 405 },
  { name: "Qwen2.5 7B Instruct", hf_id: "Qwen/Qwen2.5-7B-Instruct", params_b: 7.6 },
  { name: "Qwen2.5 32B Instruct", hf_id: "Qwen/Qwen2.5-32B-Instruct", params_b: 32.8 },
  { name: "Qwen2.5 72B Instruct", hf_id: "Qwen/Qwen2.5-72B-Instruct", params_b: 72.7 },
  { name: "Qwen2.5-72B-Instruct-AWQ", hf_id: "Qwen/Qwen2.5-72B-Instruct-AWQ", params_b: 72 },
  { name: "Qwen3 8B", hf_id: "Qwen/Qwen3-8B", params_b: 8.2 },
  { name: "Qwen3 32B", hf_id: "Qwen/Qwen3-32B", params_b: 32.8 },
  { name: "Qwen3 235B A22B", hf_id: "Qwen/Qwen3-235B-A22B", params_b: 235 },
  { name: "Mistral 7B Instruct v0.3", hf_id: "mistralai/Mistral-7B-Instruct-v0.3", params_b: 7.25 },
  { name: "Mixtral 8x7B Instruct", hf_id: "mistralai/Mixtral-8x7B-Instruct-v0.1", params_b: 46.7 },
  { name: "Gemma 2 9B it", hf_id: "google/gemma-2-9b-it", params_b: 9.2 },
  { name: "Gemma 3 27B it", hf_id: "google/gemma-3-27b-it", params_b: 27.4 },
  { name: "Phi-3 mini 4k instruct", hf_id: "microsoft/Phi-3-mini-4k-instruct", params_b: 3.8 },
  { name: "DeepSeek R1 Distill Qwen 32B", hf_id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", params_b: 32.8 },
  { name: "gpt-oss-20b", hf_id: "openai/gpt-oss-20b", params_b: 20.9 },
];

const GPU_PINS: (WorkloadSpec["gpu"] | undefined)[] = [
  undefined, undefined, undefined,
  { count: 1 }, { count: 2 }, { count: 4 }, { count: 8 },
  { count: 1, memory_gb_per_gpu: 24 }, { count: 2, memory_gb_per_gpu: 80, model: "A100-80GB" }, { model: "A100" }, { model: "H100", count: 8 },
  { model: "L4" }, { memory_gb_per_gpu: 48 }, { count: 1, model: "RTX4090" },
];

const specArb: fc.Arbitrary<WorkloadSpec> = fc
  .record({
    model: fc.constantFrom(...MODELS),
    task: fc.constantFrom("inference", "inference", "inference", "batch_processing", "fine_tuning"),
    precision: fc.constantFrom(undefined, "bf16", "fp16", "fp8", "int8", "int4"),
    budget: fc.constantFrom(undefined, undefined, 150, 500, 800, 2000, 6000, 40000),
    gpu: fc.constantFrom(...GPU_PINS),
    providers: fc.constantFrom(undefined, undefined, ["aws"], ["gcp"], ["lambda", "runpod"], ["azure"], ["vast"]),
    context: fc.constantFrom(4096, 4096, 8192, 32768),
    concurrency: fc.constantFrom(1, 1, 8, 32),
  })
  .map((r) => {
    const spec: WorkloadSpec = {
      task: r.task as WorkloadSpec["task"],
      modality: "llm",
      model: { ...r.model },
      context_length: r.context,
      concurrency: r.concurrency,
    };
    if (r.precision) spec.precision = r.precision as WorkloadSpec["precision"];
    if (r.budget) spec.budget_monthly_usd = r.budget;
    if (r.gpu) spec.gpu = r.gpu;
    if (r.providers) spec.providers = [...r.providers];
    if (r.task === "fine_tuning") spec.fine_tune_method = "lora";
    return spec;
  });

export const PROPERTY_RUNS = Number(process.env.PLAN_PROPERTY_RUNS ?? 500);
const SEED = 20261207;

/**
 * Property test (fast-check, fixed seed): the real architect on the real catalog snapshot for
 * PROPERTY_RUNS generated specs (families × sizes × precisions × budgets × pinned GPUs ×
 * providers); every plan obeys the deployment rules (deployment-coherence.ts).
 */
export function deploymentPropertySuite(h: () => DbHandle) {
  describe("deployment properties (fast-check, real catalog)", () => {
    let tools: ReturnType<typeof catalogTools>["tools"];
    const cache = new ToolCache(5000);
    beforeAll(() => {
      const memo = <T,>(tool: string, input: unknown, fn: () => Promise<T>) => cache.get("prop", `${tool}:${JSON.stringify(input)}`, fn);
      tools = catalogTools(h(), { memo, kubeconfigPath: "/nonexistent/kubeconfig", inCluster: false }).tools;
    });

    it(`${PROPERTY_RUNS} generated specs: every plan is coherent with deployments[0]`, async () => {
      let plans = 0;
      let notFitting = 0;
      await fc.assert(
        fc.asyncProperty(specArb, async (spec) => {
          const facts = await gatherFacts(spec, emptyExtras(), [], tools);
          const plan = buildPlan(facts, offlineSummary(facts), "offline");
          expect(deploymentPlanSchema.safeParse(plan).success).toBe(true);
          expectCoherentPlan(plan, spec);
          expectValidFiles(plan);
          // The sized checkpoint is the deployed one.
          if (plan.deployments![0].model_id && facts.sizedSpec.model?.hf_id) expect(facts.sizedSpec.model.hf_id).toBe(plan.deployments![0].model_id);
          plans++;
          if (!plan.deployments![0].fits) notFitting++;
        }),
        { numRuns: PROPERTY_RUNS, seed: SEED, endOnFailure: true },
      );
      expect(plans).toBe(PROPERTY_RUNS);
      console.log(`[artifacts] after the property run: ${fileTally.plans} plans, ${fileTally.files} files validated: ${JSON.stringify(fileTally.byKind)}`);
      // The generator covers both outcomes.
      expect(notFitting).toBeGreaterThan(0);
      expect(notFitting).toBeLessThan(PROPERTY_RUNS);
    }, 600_000);
  });
}
