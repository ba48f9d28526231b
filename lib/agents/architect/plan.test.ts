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
import { completeFacts } from "./test-facts";
import { primaryComponent } from "./components";

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
  return completeFacts({
    spec: s,
    sizedSpec: s,
    assumptions: ["Context length: 4K tokens."],
    sizing: estimateMemory({ task: "inference", modelName: "Llama 3 70B", paramsB: 70, precision: "bf16", contextLength: 4096, concurrency: 1 }),
    compute: result([inst("lium", "8x3090", 1.28), inst("cudo", "4xA40", 1.7, 4, 48)]),
    models: { results: [1, 2, 3, 4, 5, 6].map((i) => model(`org/m${i}`)), total_matches: 6, retrieval: "fulltext" },
    checkpoint: { modelId: "org/m1", precision: "bf16", quantization: null, reason: "named" },
    components: [{ component: primaryComponent(s), charts: [{ ...chart("vllm", "vllm-stack"), purpose: "serves" }] }],
    gpuOperator: { ...chart("nvidia", "gpu-operator"), purpose: "drivers" },
    ...patch,
  });
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

  it("no instance at all: estimated cost and fits_budget are null", () => {
    const plan = buildPlan(facts({ compute: result([]) }, { budget_monthly_usd: 100 }), "s", "offline");
    expect(plan.compute).toEqual([]);
    expect(plan.estimated_monthly_cost_usd).toBeNull();
    expect(plan.fits_budget).toBeNull();
  });

  it("deployments[0] is compute[0] with a valid layout, and models[0] is its checkpoint", () => {
    const f = facts();
    const plan = buildPlan(f, "s", "offline");
    const d = plan.deployments![0];
    expect(d.instance).toEqual({ provider: "lium", instance_type: "8x3090", region: "us-east-1" });
    expect(d.model_id).toBe(plan.models[0].id);
    expect(d.engine).toBe("vllm");
    expect(d.engine_image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+/);
    expect(d.tensor_parallel_size! * d.pipeline_parallel_size!).toBeLessThanOrEqual(d.gpus_per_replica);
    expect(8 % d.tensor_parallel_size!).toBe(0);
    expect(d.fits).toBe(true);
    expect(d.memory_per_gpu_gb!.needed).toBeLessThanOrEqual(d.memory_per_gpu_gb!.usable);
  });

  it("steps: the node pool, the optional GPU operator, then the serving chart pinned to its version with the layout", () => {
    const f = facts();
    const plan = buildPlan(f, "s", "offline");
    const d = plan.deployments![0];
    expect(plan.steps[0]).toContain(f.compute.results[0].instance_type);
    expect(plan.steps[1]).toMatch(/^Optional, only if the GPU nodes have no NVIDIA driver.*helm install gpu-operator nvidia\/gpu-operator --version 1\.0\.0/);
    expect(plan.steps[2]).toContain("helm install vllm-stack vllm/vllm-stack --version 1.0.0");
    expect(plan.steps[2]).toContain(`tensorParallelSize ${d.tensor_parallel_size}`);
    expect(plan.steps[2]).toContain("org/m1");
    expect(plan.steps.join(" ")).not.toMatch(/kube-prometheus|kserve/);
  });

  it("the markdown shows the summary, sizing and the options", () => {
    const f = facts();
    const md = planMarkdown(buildPlan(f, offlineSummary(f), "offline"));
    expect(md).toContain(`${f.sizing.memory_gb_required} GB`);
    expect(md).toContain(f.compute.results[0].instance_type);
  });
});

describe("chosenPackages", () => {
  it("each component's charts in install order, then the tools', deduped and pinned to the catalog version", () => {
    const f = facts({
      components: [
        { component: primaryComponent({ task: "inference", modality: "image_generation" }), charts: [chart("jetstack", "cert-manager"), chart("kserve", "kserve-crd"), chart("kserve", "kserve-resources")].map((c) => ({ ...c, purpose: "" })) },
      ],
      extraPackages: [{ query: q("airflow"), result: { results: [chart("apache", "airflow"), chart("jetstack", "cert-manager")], total_matches: 2 } }],
    });
    const p = chosenPackages(f);
    expect(p.map((x) => `${x.repository}/${x.name}`)).toEqual(["jetstack/cert-manager", "kserve/kserve-crd", "kserve/kserve-resources", "apache/airflow"]);
    for (const x of p) expect(x.install_command).toMatch(/ --version 1\.0\.0$/);
  });

  it("keeps at most 15", () => {
    const many = Array.from({ length: 20 }, (_, i) => chart("r", `c${i}`));
    expect(chosenPackages(facts({ extraPackages: [{ query: q("x"), result: { results: many, total_matches: 20 } }] }))).toHaveLength(15);
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

  it("pinned hardware that cannot hold it: the first sentence says so and names the cheapest fit", () => {
    const one = inst("vast", "1x4090", 0.4, 1, 24);
    const fit = inst("verda", "2A100", 2.3, 2, 80);
    const f = facts({ compute: result([one]), cheapestFit: { instance: fit, layout: { tensor_parallel_size: 2, pipeline_parallel_size: 1, gpus_per_replica: 2, replicas: 1, needed: 75.4, usable: 76.8, fits: true } } }, { gpu: { count: 1, model: "RTX4090" } });
    const first = offlineSummary(f).split(/(?<=\.) /)[0];
    expect(first).toMatch(/does not fit your GPU constraint \(1× RTX4090\)/);
    expect(first).toContain("verda 2A100");
  });
});
