import { describe, expect, it } from "vitest";
import { estimateMemory } from "@/lib/sizing";
import { monthlyCost } from "@/lib/search/compute-ranking";
import { deploymentPlanSchema, type InstanceOption, type ModelOption, type PackageOption } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { emptyExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchResult } from "@/lib/tools/compute-search";
import { buildPlan, chosenCompute, chosenPackages } from "./plan";
import { offlineSummary, planMarkdown } from "./prose";
import type { ArchitectFacts, ChartQuery } from "./types";

const inst = (provider: string, type: string, price: number, gpus = 8, perGpu = 24): InstanceOption => ({
  provider, instance_type: type, region: "us-east-1", gpu_model: "RTX3090", gpu_count: gpus, gpu_memory_gb: gpus * perGpu, vcpus: 32, memory_gb: 256,
  price_per_hour_usd: price, spot_price_per_hour_usd: null, monthly_cost_usd: monthlyCost(price), gpu_memory_gb_per_gpu: perGpu, data_as_of: "2025-06-01",
});
const chart = (repository: string, name: string): PackageOption => ({
  repository, name, version: "1.0.0", app_version: null, description: "", official: false, stars: 1, score: 1, install_command: `helm install ${name} ${repository}/${name}`,
});
const model = (id: string): ModelOption => ({ id, pipeline_tag: "text-generation", params_b: 70, license: "apache-2.0", downloads: 1, likes: 1, relevance: 1, popularity: 1, score: 1, url: `https://huggingface.co/${id}` });
const result = (results: InstanceOption[]): ComputeSearchResult => ({ results, total_matches: results.length, query: { gpu: "required", top_k: 10 } });
const q = (query: string): ChartQuery => ({ query, purpose: "test", take: 2 });

const spec: WorkloadSpec = { task: "inference", modality: "llm", model: { name: "Llama 3 70B", params_b: 70 }, precision: "bf16", context_length: 4096, concurrency: 1 };

function facts(patch: Partial<ArchitectFacts> = {}, specPatch: WorkloadSpec = {}): ArchitectFacts {
  const s = { ...spec, ...specPatch };
  return {
    spec: s,
    extras: emptyExtras(),
    assumptions: ["Context length: 4K tokens."],
    sizing: estimateMemory({ task: "inference", modelName: "Llama 3 70B", paramsB: 70, precision: "bf16", contextLength: 4096, concurrency: 1 }),
    local: { connected: false, message: "No kubeconfig" },
    compute: result([inst("lium", "8x3090", 1.28), inst("cudo", "4xA40", 1.7, 4, 48)]),
    overBudget: null,
    quantizedAlternative: null,
    spotAlternative: null,
    models: { results: [1, 2, 3, 4, 5, 6].map((i) => model(`org/m${i}`)), total_matches: 6, retrieval: "fulltext" },
    packages: [
      { query: q("vllm"), result: { results: [chart("a", "vllm"), chart("b", "vllm-stack")], total_matches: 2 } },
      { query: q("gpu-operator"), result: { results: [chart("nvidia", "gpu-operator")], total_matches: 1 } },
    ],
    computeQuery: { gpu: "required", top_k: 40 },
    ...patch,
    ...(patch.spec ? {} : { spec: s }),
  };
}

describe("buildPlan", () => {
  it("is a valid DeploymentPlan whose numbers come from the facts", () => {
    const f = facts();
    const plan = buildPlan(f, offlineSummary(f), "offline");
    expect(deploymentPlanSchema.safeParse(plan).success).toBe(true);
    expect(plan.sizing).toEqual(f.sizing);
    expect(plan.compute).toEqual(f.compute.results);
    expect(plan.estimated_monthly_cost_usd).toBe(f.compute.results[0].monthly_cost_usd);
    expect(plan.models).toHaveLength(5);
    expect(plan.engine).toBe("offline");
    expect(plan.assumptions).toEqual(f.assumptions);
  });

  it("fits_budget: null without a budget, true within it, false over it", () => {
    expect(buildPlan(facts(), "s", "offline").fits_budget).toBeNull();
    const top = facts().compute.results[0].monthly_cost_usd;
    expect(buildPlan(facts({}, { budget_monthly_usd: top }), "s", "offline").fits_budget).toBe(true);
    expect(buildPlan(facts({}, { budget_monthly_usd: top - 1 }), "s", "offline").fits_budget).toBe(false);
  });

  it("nothing within budget: the cheapest over-budget options are shown and fits_budget is false", () => {
    const over = result([inst("x", "big", 30), inst("y", "bigger", 40)]);
    const plan = buildPlan(facts({ compute: result([]), overBudget: over }, { budget_monthly_usd: 100 }), "s", "offline");
    expect(chosenCompute(facts({ compute: result([]), overBudget: over }))).toEqual(over.results);
    expect(plan.compute).toEqual(over.results);
    expect(plan.estimated_monthly_cost_usd).toBe(over.results[0].monthly_cost_usd);
    expect(plan.fits_budget).toBe(false);
  });

  it("no instance at all: estimated cost and fits_budget are null", () => {
    const plan = buildPlan(facts({ compute: result([]) }, { budget_monthly_usd: 100 }), "s", "offline");
    expect(plan.compute).toEqual([]);
    expect(plan.estimated_monthly_cost_usd).toBeNull();
    expect(plan.fits_budget).toBeNull();
  });

  it("steps use the chosen instance, model and charts' install commands", () => {
    const f = facts();
    const plan = buildPlan(f, "s", "offline");
    expect(plan.steps.some((s) => s.includes(f.compute.results[0].instance_type))).toBe(true);
    expect(plan.steps.some((s) => s.includes("helm install gpu-operator"))).toBe(true);
    expect(plan.steps.some((s) => s.includes("org/m1"))).toBe(true);
  });

  it("the markdown shows the summary, sizing and the options", () => {
    const f = facts();
    const md = planMarkdown(buildPlan(f, offlineSummary(f), "offline"));
    expect(md).toContain(`${f.sizing.memory_gb_required} GB`);
    expect(md).toContain(f.compute.results[0].instance_type);
  });
});

describe("chosenPackages", () => {
  it("dedupes by repository/name across queries, keeping the first occurrence's order", () => {
    const f = facts({
      packages: [
        { query: q("vllm"), result: { results: [chart("a", "vllm"), chart("b", "vllm")], total_matches: 2 } },
        { query: q("serving"), result: { results: [chart("a", "vllm"), chart("c", "kserve")], total_matches: 2 } },
      ],
    });
    expect(chosenPackages(f).map((p) => `${p.repository}/${p.name}`)).toEqual(["a/vllm", "b/vllm", "c/kserve"]);
  });

  it("keeps at most 15", () => {
    const many = Array.from({ length: 20 }, (_, i) => chart("r", `c${i}`));
    expect(chosenPackages(facts({ packages: [{ query: q("x"), result: { results: many, total_matches: 20 } }] }))).toHaveLength(15);
  });
});

describe("offlineSummary", () => {
  it("states the memory, the top option and the budget verdict using only fact numbers", () => {
    const f = facts({}, { budget_monthly_usd: 5000 });
    const s = offlineSummary(f);
    expect(s).toContain(`${f.sizing.memory_gb_required} GB`);
    expect(s).toContain(f.compute.results[0].instance_type);
    expect(s).toMatch(/within your \$5,000\/month budget/);
    expect(offlineSummary(facts({}, { budget_monthly_usd: 10 }))).toMatch(/\*\*over\*\* your \$10\/month budget/);
    expect(offlineSummary(facts({ compute: result([]) }))).toMatch(/No catalog instance matches/);
  });
});
