import { describe, expect, it } from "vitest";
import { estimateMemory } from "@/lib/sizing";
import { monthlyCost } from "@/lib/search/compute-ranking";
import type { InstanceOption, ModelOption } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { emptyExtras, type RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchResult } from "@/lib/tools/compute-search";
import { planWarningDetails } from "./warnings";
import { buildDeployments } from "./deployments";
import { completeFacts } from "./test-facts";
import type { ArchitectFacts } from "./types";

const inst = (p: Partial<InstanceOption> & { price: number }): InstanceOption => ({
  provider: "lium", instance_type: "RTX3090_8x", region: "JP", gpu_model: "RTX3090", gpu_count: 8, gpu_memory_gb: 192, vcpus: 64, memory_gb: 512,
  price_per_hour_usd: p.price, spot_price_per_hour_usd: null, monthly_cost_usd: monthlyCost(p.price), gpu_memory_gb_per_gpu: 24, data_as_of: "2025-06-01", ...p,
});
const result = (results: InstanceOption[]): ComputeSearchResult => ({ results, total_matches: results.length, query: { gpu: "required", top_k: 10 } });
const model = (id: string, p: Partial<ModelOption> = {}): ModelOption => ({ id, pipeline_tag: "text-generation", params_b: 70, license: "apache-2.0", downloads: 1, likes: 1, relevance: 1, popularity: 1, score: 1, url: "", ...p });

const spec: WorkloadSpec = { task: "inference", modality: "llm", model: { name: "Llama 3 70B", params_b: 70 }, precision: "bf16", context_length: 4096, concurrency: 1 };
const sizing = estimateMemory({ task: "inference", modelName: "Llama 3 70B", paramsB: 70, precision: "bf16", contextLength: 4096, concurrency: 1 });

function facts(p: Partial<ArchitectFacts> = {}, specPatch: WorkloadSpec = {}, extras: Partial<RequirementsExtras> = {}): ArchitectFacts {
  return completeFacts({ spec: { ...spec, ...specPatch }, extras: { ...emptyExtras(), ...extras }, sizing, compute: result([inst({ price: 1.28 })]), ...p });
}
const details = (f: ArchitectFacts) => planWarningDetails(f, buildDeployments(f));
const warn = (f: ArchitectFacts) => details(f).map((w) => w.message);

describe("planWarningDetails", () => {
  it("a plan that fits has no warnings", () => {
    expect(warn(facts())).toEqual([]);
  });

  it("over budget: names the budget, the cheapest option, by how much, and what would fit (quantized)", () => {
    const cheapest = inst({ price: 1.28 });
    const quant = inst({ provider: "vast", instance_type: "2x3090", gpu_count: 2, gpu_memory_gb: 48, price: 0.12 });
    const w = warn(facts({ compute: result([cheapest]), overBudget: result([cheapest]), quantizedAlternative: { precision: "int4", memoryGb: 45.7, compute: result([quant]) } }, { budget_monthly_usd: 100 }));
    expect(w[0]).toMatch(/^Over budget: nothing that holds .* \([\d.]+ GB\) fits \$100\/month/);
    expect(w[0]).toContain("lium RTX3090_8x");
    expect(w[0]).toContain(`$${(cheapest.monthly_cost_usd - 100).toLocaleString("en-US", { maximumFractionDigits: 0 })}/month over`);
    expect(w[1]).toMatch(/What fits the budget: int4 quantization .* 45.7 GB — vast 2x3090/);
  });

  it("over budget with no quantized fit says so; with nothing at any price a blocker says that", () => {
    const over = inst({ price: 50 });
    const w = warn(facts({ compute: result([over]), overBudget: result([over]), quantizedAlternative: { precision: "int4", memoryGb: 45.7, compute: result([]) } }, { budget_monthly_usd: 100 }));
    expect(w[1]).toMatch(/Even with int4 quantization \(45.7 GB\) nothing fits \$100\/month/);
    const none = details(facts({ compute: result([]), overBudget: result([]) }, { budget_monthly_usd: 100 }));
    expect(none[0]).toMatchObject({ severity: "blocker", code: "no_instance" });
    expect(none[0].message).toMatch(/No instance in the catalog holds/);
  });

  it("over budget on a pinned GPU constraint blames the constraint, not the memory", () => {
    const h100 = inst({ price: 14, gpu_model: "H100", gpu_memory_gb: 640, gpu_memory_gb_per_gpu: 80 });
    const w = warn(facts({ compute: result([h100]), overBudget: result([h100]) }, { budget_monthly_usd: 3000, gpu: { count: 8, model: "H100", memory_gb_per_gpu: 80 } }));
    expect(w[0]).toMatch(/on your GPU constraint \(8× H100 80 GB\)/);
  });

  it("pinned hardware that cannot hold the model: a blocker first, with the per-GPU need, the usable memory and the cheapest fit", () => {
    const one = inst({ price: 0.4, gpu_count: 1, gpu_memory_gb: 24 });
    const fit = inst({ provider: "verda", instance_type: "2A100.44V", gpu_model: "A100-80GB", gpu_count: 2, gpu_memory_gb: 160, gpu_memory_gb_per_gpu: 80, price: 2.3 });
    const f = facts({ compute: result([one, inst({ price: 0.3, data_as_of: "2024-01-01" })]), cheapestFit: { instance: fit, layout: { tensor_parallel_size: 2, pipeline_parallel_size: 1, gpus_per_replica: 2, replicas: 1, needed: 75.4, usable: 76.8, fits: true } } }, { gpu: { count: 1, memory_gb_per_gpu: 24 } });
    const d = details(f);
    expect(d[0]).toMatchObject({ severity: "blocker", code: "does_not_fit", component: "llm" });
    expect(d[0].message).toMatch(/cannot hold .* needs [\d.]+ GB per GPU and each GPU has 22.7 GB usable/);
    expect(d[0].message).toContain("The cheapest configuration that fits is verda 2A100.44V");
    expect(d[1].code).toBe("stale_prices"); // blockers before warnings
  });

  it("a pinned GPU without memory ('an A100') that cannot hold the model is flagged; not when it fits", () => {
    const a100 = inst({ provider: "verda", instance_type: "1A100.40S", gpu_model: "A100", gpu_count: 1, gpu_memory_gb: 40, gpu_memory_gb_per_gpu: 40, price: 0.72 });
    const w = warn(facts({ compute: result([a100]) }, { gpu: { count: 1, model: "A100" } }));
    expect(w.some((x) => /verda 1A100.40S .* cannot hold/.test(x))).toBe(true);
    const big = inst({ gpu_model: "A100-80GB", gpu_count: 4, gpu_memory_gb: 320, gpu_memory_gb_per_gpu: 80, price: 8 });
    expect(warn(facts({ compute: result([big]) }, { gpu: { model: "A100" } }))).toEqual([]);
  });

  it("stale catalog prices name the rows and dates the plan uses, never current rows", () => {
    // AWS now mixes current v8 GPU rows with v5 (2024-06-13) rows: only the v5 rows are named.
    const w = warn(facts({ compute: result([
      inst({ price: 1, provider: "aws", instance_type: "p5.48xlarge", data_as_of: "2025-2026 (v8 snapshot)" }),
      inst({ price: 2, provider: "aws", instance_type: "g3.4xlarge", data_as_of: "2024-06-13" }),
      inst({ price: 3, provider: "azure", instance_type: "Standard_NC24ads_A100_v4", data_as_of: "2023-12-08" }),
      inst({ price: 4, provider: "aws", instance_type: "g3.4xlarge", region: "us-west-2", data_as_of: "2024-06-13" }),
    ]) }));
    expect(w).toEqual(["Stale prices: aws g3.4xlarge (2024-06-13); azure Standard_NC24ads_A100_v4 (2023-12-08) come from catalog snapshots over a year old; check the provider's current price before you commit."]);
  });

  it("no stale-price warning when every row the plan uses is current", () => {
    const w = warn(facts({ compute: result([inst({ price: 55.04, provider: "aws", instance_type: "p5.48xlarge", data_as_of: "2025-2026 (v8 snapshot)" })]) }));
    expect(w.some((x) => x.startsWith("Stale prices"))).toBe(false);
  });

  it("licence and gating warnings are about the deployed checkpoint only", () => {
    const models = [model("meta-llama/a", { gated: true, license: "llama3" }), model("org/b", { license: "llama3.1" }), model("org/d", { gated: true })];
    const f = facts({ models: { results: models, total_matches: 3, retrieval: "fulltext" } }, { model: { name: "a", hf_id: "meta-llama/a", params_b: 70 } });
    const d = details(f);
    expect(d.map((x) => x.code)).toEqual(["license_terms", "gated_model"]);
    expect(d.every((x) => x.message.startsWith("meta-llama/a "))).toBe(true);
    // Nothing deployed by id: no licence warnings for alternatives.
    expect(warn(facts({ models: { results: models, total_matches: 3, retrieval: "fulltext" } }))).toEqual([]);
  });

  it("a non-commercial licence is said plainly", () => {
    const flux = model("black-forest-labs/FLUX.1-dev", { license: "flux-1-dev-non-commercial-license", gated: true });
    const f = facts({ models: { results: [flux], total_matches: 1, retrieval: "fulltext" } }, { model: { name: "FLUX.1-dev", hf_id: flux.id } });
    const d = details(f).find((x) => x.code === "non_commercial_license")!;
    expect(d.severity).toBe("warning");
    expect(d.message).toMatch(/non-commercial use only .* may not use it in a commercial product/);
  });

  it("spot: the interruptible option, or that none matched", () => {
    const spot = inst({ price: 0.5, spot_price_per_hour_usd: 0.5 });
    expect(warn(facts({ spotAlternative: result([spot]) }, { spot_ok: true }))[0]).toMatch(/^Spot option: lium RTX3090_8x at \$0\.5\/h can be interrupted/);
    expect(warn(facts({ spotAlternative: result([]) }, { spot_ok: true }))[0]).toMatch(/no spot offer matches/);
  });

  it("a provider with nothing that matches gets the search's suggestion", () => {
    const compute: ComputeSearchResult = { ...result([]), suggestions: [{ kind: "without_providers", message: "Cheapest without the provider filter: x", query: {} }] };
    const w = warn(facts({ compute, computeQuery: { gpu: "required", providers: ["hetzner"] } }));
    expect(w).toEqual(["No instance in the catalog holds Llama 3 70B (150.2 GB) under your constraints, at any price; a smaller or quantized model, or multi-node serving, is needed.", "No hetzner instance matches; Cheapest without the provider filter: x."]);
  });
  it("a GPU the user chose without the capability the precision needs is warned about, with what it can run", () => {
    const v100 = warn(facts({}, { gpu: { model: "V100", count: 4 } }));
    const w = v100.find((x) => /compute capability/.test(x))!;
    expect(w).toMatch(/V100: Volta, compute capability 7\.0\) cannot run bf16/);
    expect(w).toMatch(/≥ 8\.0 \(Ampere or newer\)/);
    expect(w).toMatch(/fp16/);
    // fp8 on an A100; AWQ/GPTQ int4 on a V100; a QLoRA fine-tune on a T4.
    expect(warn(facts({}, { gpu: { model: "A100" }, precision: "fp8" })).join(" ")).toMatch(/A100: Ampere, compute capability 8\.0\) cannot run fp8.*≥ 8\.9/);
    expect(warn(facts({}, { gpu: { model: "V100" }, precision: "int4" })).join(" ")).toMatch(/cannot run int4.*≥ 7\.5/);
    expect(warn(facts({}, { task: "fine_tuning", fine_tune_method: "qlora", precision: "int4", gpu: { model: "T4" } })).join(" ")).toMatch(/T4: Turing, compute capability 7\.5\) cannot run QLoRA/);
  });

  it("no capability warning when the chosen GPU has it, or has no CUDA capability to compare (AMD)", () => {
    const capability = (f: ArchitectFacts) => warn(f).filter((x) => /compute capability/.test(x));
    expect(capability(facts({}, { gpu: { model: "A100" } }))).toEqual([]);
    expect(capability(facts({}, { gpu: { model: "T4" }, precision: "int4" }))).toEqual([]);
    expect(capability(facts({}, { gpu: { model: "V100" }, precision: "fp16" }))).toEqual([]);
    expect(capability(facts({}, { gpu: { model: "MI300X" } }))).toEqual([]);
    expect(capability(facts())).toEqual([]);
  });
});
