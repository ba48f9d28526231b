import { describe, expect, it } from "vitest";
import { normalizeComputeQuery } from "@/lib/search/compute-query";
import { monthlyCost, rankInstances, type InstanceCandidate } from "@/lib/search/compute-ranking";
import { computeSearchBodySchema, type ComputeSearchInput } from "@/lib/schemas/tools";
import type { InstanceOption, ModelOption, PackageOption } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { emptyExtras, type RequirementsExtras } from "@/lib/agents/requirements/types";
import { extractRegions, regionMatchesIntent } from "@/lib/agents/requirements/offline/regions";
import type { ComputeSearchResult } from "@/lib/tools/compute-search";
import { gatherFacts } from "./gather";
import { buildPlan } from "./plan";
import type { ArchitectTools } from "./types";

/** A small in-memory catalog searched with the real (pure) ranking: the same semantics as the SQL search. */
const row = (provider: string, instanceType: string, region: string, gpuModel: string, gpuCount: number, perGpu: number, price: number, spot: number | null = null): InstanceCandidate => ({
  provider, instanceType, region, gpuModel, gpuCount, gpuMemoryGbPerGpu: perGpu, gpuMemoryGbTotal: perGpu * gpuCount, acceleratorKind: "gpu",
  vcpus: 8 * gpuCount, memoryGb: 64 * gpuCount, pricePerHourUsd: price, spotPricePerHourUsd: spot, dataAsOf: "2025-06-01",
});
const CATALOG: InstanceCandidate[] = [
  row("aws", "g5.xlarge", "us-east-1", "A10G", 1, 24, 1.0, 0.4),
  row("aws", "g5.xlarge", "eu-west-1", "A10G", 1, 24, 1.1, 0.45),
  row("aws", "g5.xlarge", "eu-central-1", "A10G", 1, 24, 1.05),
  row("aws", "p2.xlarge", "us-east-1", "K80", 1, 12, 0.2),
  row("aws", "p4de.24xlarge", "us-east-1", "A100-80GB", 8, 80, 40.9, 15),
  row("gcp", "a2-ultragpu-2g", "europe-west4", "A100-80GB", 2, 80, 10.0),
  row("gcp", "g2-standard-4", "us-central1", "L4", 1, 24, 0.7),
  row("lambda", "gpu_8x_h100", "us-east-1", "H100", 8, 80, 24.0),
  row("vast", "3x-RTX_3090", "Michigan, US, NA", "RTX3090", 3, 24, 0.6, 0.3),
  row("vast", "4x-RTX_3090", "Michigan, US, NA", "RTX3090", 4, 24, 0.8, 0.35),
  row("vast", "8x-RTX_3090", "Romania, RO, EU", "RTX3090", 8, 24, 1.28, 0.7),
  row("lium", "RTX3090_2x", "DE", "RTX3090", 2, 24, 0.4),
  row("cudo", "a40_4x", "se-stockholm-1", "A40", 4, 48, 1.7),
  row("cudo", "a40_4x", "us-newyork-1", "A40", 4, 48, 1.75),
  row("shadeform", "massedcompute_A6000x1", "desmoines-usa-1", "RTXA6000", 1, 48, 0.5),
  row("amd", "mi300x_8x", "us-east-1", "MI300X", 8, 192, 20.0),
  // Cheap but old: no bf16 (V100, T4), no fp8, no AWQ/GPTQ kernels (V100).
  row("vast", "2x-T4", "Georgia, US, NA", "T4", 2, 16, 0.15),
  row("vast", "2x-V100", "Georgia, US, NA", "V100", 2, 16, 0.18),
];

function toOption(c: InstanceCandidate, spot: boolean): InstanceOption {
  const hourly = (spot ? c.spotPricePerHourUsd : c.pricePerHourUsd) ?? 0;
  return {
    provider: c.provider, instance_type: c.instanceType, region: c.region, gpu_model: c.gpuModel, gpu_count: c.gpuCount,
    gpu_memory_gb: c.gpuMemoryGbTotal, vcpus: c.vcpus, memory_gb: c.memoryGb, price_per_hour_usd: hourly,
    spot_price_per_hour_usd: c.spotPricePerHourUsd, monthly_cost_usd: monthlyCost(hourly), gpu_memory_gb_per_gpu: c.gpuMemoryGbPerGpu, data_as_of: c.dataAsOf,
  };
}

function fakeTools(calls: ComputeSearchInput[] = [], extra: Partial<ArchitectTools> = {}): ArchitectTools {
  return {
    localCheck: async () => ({ connected: false, message: "No kubeconfig" }),
    computeSearch: async (input) => {
      calls.push(input);
      const q = computeSearchBodySchema.parse(input);
      const nq = normalizeComputeQuery(q);
      const r = rankInstances(CATALOG, nq);
      return { results: r.results.slice(0, nq.topK).map((x) => toOption(x, nq.spot)), total_matches: r.totalMatches, query: q } satisfies ComputeSearchResult;
    },
    hfSearch: async (q) => ({ results: [model(`org/${q.query.replace(/\s+/g, "-")}`)], total_matches: 1, retrieval: "fulltext" }),
    k8sSearch: async (q) => ({ results: [chart(q.query.split(" ")[0]), chart("unrelated-chart")], total_matches: 2 }),
    ...extra,
  };
}
/** Where the fake chart catalog keeps each chart (the real repositories of the one-path table). */
const CHART_REPO: Record<string, string> = {
  "vllm-stack": "vllm", "cert-manager": "jetstack", "kserve-crd": "kserve", "kserve-resources": "kserve", jupyterhub: "jupyterhub",
  mlflow: "community-charts", "kuberay-operator": "kuberay", "ray-cluster": "kuberay", qdrant: "qdrant", "gpu-operator": "nvidia", ollama: "otwld",
};
const model = (id: string): ModelOption => ({ id, pipeline_tag: "text-generation", params_b: 8, license: "apache-2.0", downloads: 10, likes: 1, relevance: 1, popularity: 0.5, score: 0.8, url: `https://huggingface.co/${id}` });
const chart = (name: string): PackageOption => ({ repository: CHART_REPO[name] ?? "repo", name, version: "1.0.0", app_version: null, description: name, official: true, stars: 1, score: 1, install_command: `helm install ${name} repo/${name}` });

const llm = (patch: WorkloadSpec = {}): WorkloadSpec => ({
  task: "inference", modality: "llm", model: { name: "Llama 3 70B", params_b: 70 }, precision: "bf16", context_length: 4096, concurrency: 1, ...patch,
});
const ex = (patch: Partial<RequirementsExtras> = {}): RequirementsExtras => ({ ...emptyExtras(), ...patch });

describe("gatherFacts", () => {
  it("searches compute from the sizing: every option holds the workload per GPU, with a valid TP, cheapest first, no legacy or AMD cards", async () => {
    const calls: ComputeSearchInput[] = [];
    const f = await gatherFacts(llm(), ex(), [], fakeTools(calls));
    expect(f.compute.results.length).toBeGreaterThan(0);
    expect(f.fits).toBe(true);
    f.compute.results.forEach((r, i) => {
      const l = f.layouts[i];
      expect(l.fits).toBe(true);
      expect(l.needed).toBeLessThanOrEqual(l.usable);
      expect(r.gpu_count % l.tensor_parallel_size!).toBe(0);
      expect(64 % l.tensor_parallel_size!).toBe(0); // Llama 3 70B has 64 attention heads
      expect(l.tensor_parallel_size! * l.pipeline_parallel_size!).toBeLessThanOrEqual(r.gpu_count);
      expect(r.gpu_model).not.toBe("MI300X");
    });
    const prices = f.compute.results.map((r) => r.price_per_hour_usd);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(calls).toHaveLength(1); // no budget → no over-budget search, no spot search
    expect(f.overBudget).toBeNull();
    expect(f.spotAlternative).toBeNull();
  });

  it("calls the tools in the documented order and reports each step", async () => {
    const steps: string[] = [];
    await gatherFacts(llm(), ex(), [], fakeTools(), (s) => steps.push(s));
    expect(steps).toEqual(["local_check", "compute_search", "hf_search", "k8s_search"]);
  });

  it("a pinned GPU count keeps non-TP counts (the user asked for them)", async () => {
    const spec = llm({ model: { name: "Llama 3.1 8B", params_b: 8 }, gpu: { count: 3 } });
    const f = await gatherFacts(spec, ex(), [], fakeTools());
    expect(f.compute.results.some((r) => r.gpu_count === 3)).toBe(true);
    for (const r of f.compute.results) expect(r.gpu_count).toBeGreaterThanOrEqual(3);
  });

  it("over budget (no quantized repo in the catalog): the cheapest fit over budget and an int4 alternative", async () => {
    const f = await gatherFacts(llm({ budget_monthly_usd: 300 }), ex(), [], fakeTools());
    expect(f.overBudget).not.toBeNull();
    expect(f.compute.results.length).toBeGreaterThan(0);
    expect(f.compute.results[0].monthly_cost_usd).toBeGreaterThan(300);
    expect(f.fits).toBe(true);
    expect(f.quantizedAlternative!.precision).toBe("int4");
    expect(f.quantizedAlternative!.memoryGb).toBeLessThan(f.sizing.memory_gb_required);
    const plan = buildPlan(f, "s", "offline");
    expect(plan.fits_budget).toBe(false);
    expect(plan.estimated_monthly_cost_usd).toBe(f.compute.results[0].monthly_cost_usd);
    expect(plan.warning_details![0]).toMatchObject({ severity: "warning", code: "over_budget" });
  });

  it("only a quantized repo fits the budget: the smallest official one is deployed and sized at its precision", async () => {
    const variants = async (base: string) => [
      { ...model(`${base}-FP8`), precision: "fp8" as const, quantization: "fp8" as const },
      { ...model(`${base}-AWQ`), precision: "int4" as const, quantization: "awq" as const },
    ];
    const spec = llm({ model: { name: "Llama 3 70B", hf_id: "org/Llama-3-70B", params_b: 70 }, budget_monthly_usd: 600 });
    const f = await gatherFacts(spec, ex(), [], fakeTools([], { quantizedVariants: variants }));
    expect(f.checkpoint).toMatchObject({ modelId: "org/Llama-3-70B-AWQ", precision: "int4", quantization: "awq", reason: "quantized_budget", baseId: "org/Llama-3-70B" });
    expect(f.sizedSpec.precision).toBe("int4");
    expect(f.sizing.breakdown.weights).toBeLessThan(70 * 0.6);
    expect(f.compute.results[0].monthly_cost_usd).toBeLessThanOrEqual(600);
    const plan = buildPlan(f, "s", "offline");
    expect(plan.deployments![0]).toMatchObject({ model_id: "org/Llama-3-70B-AWQ", precision: "int4", quantization: "awq", fits: true });
    expect(plan.fits_budget).toBe(true);
    expect(plan.warning_details!.map((w) => w.code)).toContain("quantized_checkpoint");
  });

  it("pinned hardware that cannot hold the model even quantized: fits is false, the pinned option is shown, and the cheapest fit is named", async () => {
    const spec = llm({ model: { name: "Llama 3 70B", params_b: 70 }, gpu: { count: 1, model: "L4" } });
    const f = await gatherFacts(spec, ex(), [], fakeTools());
    expect(f.fits).toBe(false);
    expect(f.compute.results[0].gpu_model).toBe("L4");
    expect(f.layouts[0].fits).toBe(false);
    expect(f.cheapestFit!.layout.fits).toBe(true);
    const plan = buildPlan(f, "s", "offline");
    expect(plan.deployments![0].fits).toBe(false);
    expect(plan.warning_details![0]).toMatchObject({ severity: "blocker", code: "does_not_fit" });
    expect(plan.warnings[0]).toContain(`${f.cheapestFit!.instance.provider} ${f.cheapestFit!.instance.instance_type}`);
  });

  it("within budget: every option is under the hourly cap", async () => {
    const f = await gatherFacts(llm({ budget_monthly_usd: 3000 }), ex(), [], fakeTools());
    expect(f.compute.results.length).toBeGreaterThan(0);
    for (const r of f.compute.results) expect(r.monthly_cost_usd).toBeLessThanOrEqual(3000);
    expect(f.overBudget).toBeNull();
  });

  it("spot allowed: a spot search ranked by spot price", async () => {
    const f = await gatherFacts(llm({ model: { name: "Llama 3.1 8B", params_b: 8 }, spot_ok: true }), ex(), [], fakeTools());
    const spot = f.spotAlternative!.results;
    expect(spot.length).toBeGreaterThan(0);
    for (const r of spot) expect(r.price_per_hour_usd).toBe(r.spot_price_per_hour_usd);
  });

  it("a country wish does not leak other countries of its area, nor prefix look-alikes", async () => {
    const intent = extractRegions("in Germany").intent!;
    const f = await gatherFacts(llm({ model: { name: "Llama 3.1 8B", params_b: 8 } }), ex({ region_intent: intent }), [], fakeTools());
    expect(f.compute.results.length).toBeGreaterThan(0);
    for (const r of f.compute.results) expect(regionMatchesIntent(r.region, intent)).toBe(true);
    const regions = f.compute.results.map((r) => r.region);
    expect(regions).toContain("DE");
    expect(regions).not.toContain("Romania, RO, EU"); // same area, another country
    expect(regions).not.toContain("desmoines-usa-1"); // "de" is a prefix of it, but it is in the US
  });

  it("an excluded area stays out even though the search has no positive region filter", async () => {
    const intent = extractRegions("anywhere but not in the US").intent!;
    const calls: ComputeSearchInput[] = [];
    const f = await gatherFacts(llm({ model: { name: "Llama 3.1 8B", params_b: 8 } }), ex({ region_intent: intent }), [], fakeTools(calls));
    expect(calls[0].regions).toBeUndefined();
    expect(f.compute.results.length).toBeGreaterThan(0);
    for (const r of f.compute.results) expect(r.region).not.toMatch(/^us-|, US,/);
  });

  it("a typed region code is searched exactly", async () => {
    const intent = extractRegions("in eu-west-1").intent!;
    const f = await gatherFacts(llm({ model: { name: "Llama 3.1 8B", params_b: 8 }, regions: ["eu-west-1"] }), ex({ region_intent: intent }), [], fakeTools());
    expect(f.compute.results.map((r) => r.region)).toEqual(["eu-west-1"]);
  });

  it("the precision's GPU floor: bf16 never lands on a V100/T4, and the plan says why", async () => {
    const spec = llm({ model: { name: "Llama 3.1 8B", params_b: 8 } });
    const calls: ComputeSearchInput[] = [];
    const f = await gatherFacts(spec, ex(), ["given"], fakeTools(calls));
    expect(calls[0].min_compute_capability).toBe(8.0);
    expect(f.compute.results.length).toBeGreaterThan(0);
    for (const r of f.compute.results) expect(["T4", "V100"]).not.toContain(r.gpu_model);
    expect(f.assumptions).toEqual(["given", "bf16 needs an Ampere-or-newer GPU (compute capability ≥ 8.0): V100 and T4 are left out."]);
    // int4 (AWQ/GPTQ) runs on Turing: the cheap T4s are in, the V100s still out.
    const q4 = await gatherFacts({ ...spec, precision: "int4" }, ex(), [], fakeTools());
    expect(q4.compute.results[0].gpu_model).toBe("T4");
    expect(q4.compute.results.map((r) => r.gpu_model)).not.toContain("V100");
    // fp16 diffusion runs on Volta and newer.
    const sd = await gatherFacts({ task: "inference", modality: "image_generation", model: { name: "SDXL", params_b: 3.5 }, precision: "fp16", concurrency: 1 }, ex(), [], fakeTools());
    expect(sd.compute.results.map((r) => r.gpu_model)).toContain("T4");
  });

  it("a GPU the user named is searched as named, even without the capability", async () => {
    const calls: ComputeSearchInput[] = [];
    const f = await gatherFacts(llm({ model: { name: "Llama 3.1 8B", params_b: 8 }, gpu: { model: "V100", count: 2 } }), ex(), [], fakeTools(calls));
    expect(calls[0].min_compute_capability).toBeUndefined();
    expect(f.compute.results.map((r) => r.gpu_model)).toEqual(["V100"]);
    expect(buildPlan(f, "s", "offline").warnings.join(" ")).toMatch(/V100.*compute capability 7\.0.*≥ 8\.0/);
  });

  it("charts: each component's exact chart (repository and name); a tool's usual chart, or one of its name when that path is missing", async () => {
    const f = await gatherFacts(llm({ tools: ["mlflow", "airflow"] }), ex(), [], fakeTools());
    const charts = f.components.map((c) => [c.component.component, c.charts.map((x) => `${x.repository}/${x.name}`)]);
    expect(charts.slice(0, 2)).toEqual([
      ["llm", ["vllm/vllm-stack"]],
      ["tracking", ["community-charts/mlflow"]],
    ]);
    expect(charts[2][0]).toBe("other");
    expect(charts[2][1]).toHaveLength(1);
    expect(charts[2][1][0]).toMatch(/\/airflow$/);
    expect(f.gpuOperator?.name).toBe("gpu-operator");
  });

  it("a development box with nothing named is still planned", async () => {
    const f = await gatherFacts({ task: "development", precision: "bf16", tools: ["jupyterhub"] }, ex(), [], fakeTools());
    expect(f.sizing.memory_gb_required).toBeGreaterThan(0);
    expect(f.compute.results.length).toBeGreaterThan(0);
  });
});
