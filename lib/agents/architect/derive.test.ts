import { describe, expect, it } from "vitest";
import { estimateMemory, gpusNeeded, minTotalGpuMemoryGb, nominalGbFor, perGpuMemoryGb, usableGpuMemoryGb } from "@/lib/sizing";
import { emptyExtras, type RequirementsExtras } from "@/lib/agents/requirements/types";
import { extractRegions } from "@/lib/agents/requirements/offline/regions";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { regionMatches } from "@/lib/search/compute-query";
import {
  deriveComputeQuery, deriveModelQuery, hardwarePinned, hasRegionIntent, shards, hourlyBudget, regionTerms, requiredComputeCapability, sizeWorkload, taskFilter,
} from "./derive";

const llama70: WorkloadSpec = {
  task: "inference", modality: "llm", model: { name: "Llama 3 70B", params_b: 70 }, precision: "bf16", context_length: 4096, concurrency: 1,
};
const sdxl: WorkloadSpec = { task: "inference", modality: "image_generation", model: { name: "SDXL", params_b: 3.5 }, precision: "fp16", concurrency: 1 };
const extras = (patch: Partial<RequirementsExtras> = {}): RequirementsExtras => ({ ...emptyExtras(), ...patch });
const intentOf = (text: string) => extractRegions(text).intent;

describe("hourlyBudget", () => {
  it("is monthly / 730, rounded down to the cent (never above the budget)", () => {
    expect(hourlyBudget(undefined)).toBeUndefined();
    expect(hourlyBudget(730)).toBe(1);
    for (const m of [100, 500, 2000, 3000, 12345]) {
      const h = hourlyBudget(m)!;
      expect(h * HOURS_PER_MONTH).toBeLessThanOrEqual(m);
      expect((h + 0.01) * HOURS_PER_MONTH).toBeGreaterThan(m);
    }
  });
});

describe("deriveComputeQuery", () => {
  it("without a GPU constraint: total nominal GPU memory whose usable share holds the total, NVIDIA, no legacy cards", () => {
    const sizing = sizeWorkload(llama70, extras());
    const q = deriveComputeQuery(llama70, extras(), sizing, { budgetCap: true });
    expect(q.gpu).toBe("required");
    expect(usableGpuMemoryGb(q.min_total_gpu_memory_gb!)).toBeGreaterThanOrEqual(sizing.memory_gb_required - 0.05);
    expect(q.min_total_gpu_memory_gb).toBeCloseTo(minTotalGpuMemoryGb(sizing), 1);
    expect(q.gpu_vendor).toBe("nvidia");
    expect(q.modern_gpus_only).toBe(true);
    // An LLM shards across GPUs: no per-GPU minimum.
    expect(q.min_gpu_memory_gb).toBeUndefined();
    expect(q.max_price_per_hour_usd).toBeUndefined();
    expect(q.gpu_model).toBeUndefined();
    expect(q.min_gpu_count).toBeUndefined();
  });

  it("a workload that does not shard (diffusion) needs each GPU to hold it alone", () => {
    const sizing = sizeWorkload(sdxl, extras());
    const q = deriveComputeQuery(sdxl, extras(), sizing, { budgetCap: false });
    expect(q.min_gpu_memory_gb).toBe(q.min_total_gpu_memory_gb);
    expect(q.min_gpu_memory_gb).toBeGreaterThanOrEqual(sizing.memory_gb_required);
  });

  it("a pinned GPU constraint narrows the search and never drops the memory floor", () => {
    const spec: WorkloadSpec = { ...llama70, gpu: { count: 2, memory_gb_per_gpu: 24 } };
    const sizing = sizeWorkload(spec, extras());
    const q = deriveComputeQuery(spec, extras(), sizing, { budgetCap: true });
    expect(q.min_gpu_count).toBe(2);
    // Per GPU: the share of a 2-way split (as a nominal card size), above the 24 GB asked for.
    expect(q.min_gpu_memory_gb).toBeCloseTo(Math.ceil(nominalGbFor(perGpuMemoryGb(sizing, 2)) * 10) / 10, 1);
    expect(q.min_gpu_memory_gb).toBeGreaterThan(24);
    expect(q.min_total_gpu_memory_gb).toBeCloseTo(minTotalGpuMemoryGb(sizing), 1);
    // floors: false searches on the constraint alone (to show the pinned hardware when nothing fits).
    const raw = deriveComputeQuery(spec, extras(), sizing, { budgetCap: true, floors: false });
    expect(raw.min_gpu_memory_gb).toBe(24);
    expect(raw.min_total_gpu_memory_gb).toBeUndefined();
    // pins: false drops the constraint, keeps the floors.
    const free = deriveComputeQuery(spec, extras(), sizing, { budgetCap: false, pins: false });
    expect(free.min_gpu_count).toBeUndefined();
    expect(free.min_gpu_memory_gb).toBeUndefined();
  });
  it("a single pinned GPU needs a card whose usable memory holds the whole model", () => {
    const spec: WorkloadSpec = { ...llama70, model: { name: "Llama 3.1 8B", params_b: 8 }, gpu: { count: 1 } };
    const sizing = sizeWorkload(spec, extras());
    const q = deriveComputeQuery(spec, extras(), sizing, { budgetCap: false });
    expect(usableGpuMemoryGb(q.min_gpu_memory_gb!)).toBeGreaterThanOrEqual(sizing.memory_gb_required - 0.05);
    expect(q.min_gpu_memory_gb).toBeGreaterThan(16); // an 18 GB need rules out 16 GB cards
  });
  it("pinned per-GPU memory without a count asks for as many GPUs as the sizing needs", () => {
    const spec: WorkloadSpec = { ...llama70, gpu: { memory_gb_per_gpu: 48 } };
    const sizing = sizeWorkload(spec, extras());
    expect(deriveComputeQuery(spec, extras(), sizing, { budgetCap: false }).min_gpu_count).toBe(gpusNeeded(sizing, 48));
  });
  it("a named GPU model is searched as named, without the NVIDIA/legacy defaults (e.g. AMD)", () => {
    const spec: WorkloadSpec = { ...llama70, gpu: { model: "MI300X", count: 8 } };
    const q = deriveComputeQuery(spec, extras(), sizeWorkload(spec, extras()), { budgetCap: true });
    expect(q.gpu_model).toBe("MI300X");
    expect(q.min_gpu_count).toBe(8);
    expect(q.gpu_vendor).toBeUndefined();
    expect(q.modern_gpus_only).toBeUndefined();
  });

  it("total GPU memory given in words pins the search too", () => {
    const x = extras({ total_gpu_memory_gb: 140 });
    const q = deriveComputeQuery(llama70, x, sizeWorkload(llama70, x), { budgetCap: true });
    // The larger of the stated total and the sizing floor (a 70B bf16 model needs more than 140 GB).
    expect(q.min_total_gpu_memory_gb).toBe(Math.max(140, minTotalGpuMemoryGb(sizeWorkload(llama70, x))));
    const small = { ...llama70, model: { name: "Llama 3.1 8B", params_b: 8 } };
    expect(deriveComputeQuery(small, x, sizeWorkload(small, x), { budgetCap: true }).min_total_gpu_memory_gb).toBe(140);
  });

  it("budget cap = monthly / 730 (rounded down to the cent), only when asked for", () => {
    const spec: WorkloadSpec = { ...llama70, budget_monthly_usd: 3000 };
    const sizing = sizeWorkload(spec, extras());
    expect(deriveComputeQuery(spec, extras(), sizing, { budgetCap: true }).max_price_per_hour_usd).toBe(hourlyBudget(3000));
    expect(deriveComputeQuery(spec, extras(), sizing, { budgetCap: true }).max_price_per_hour_usd).toBeCloseTo(3000 / 730, 1);
    expect(deriveComputeQuery(spec, extras(), sizing, { budgetCap: false }).max_price_per_hour_usd).toBeUndefined();
  });

  it("providers and excluded providers pass through", () => {
    const spec: WorkloadSpec = { ...llama70, providers: ["aws", "gcp"] };
    const q = deriveComputeQuery(spec, extras({ excluded_providers: ["azure"] }), sizeWorkload(spec, extras()), { budgetCap: true });
    expect(q.providers).toEqual(["aws", "gcp"]);
    expect(q.exclude_providers).toEqual(["azure"]);
  });

  it("GPUs ruled out pass through as exclude_gpu_models", () => {
    const spec: WorkloadSpec = { ...llama70 };
    expect(deriveComputeQuery(spec, extras({ excluded_gpus: ["T4", "V100"] }), sizeWorkload(spec, extras()), { budgetCap: true }).exclude_gpu_models).toEqual(["T4", "V100"]);
    expect(deriveComputeQuery(spec, extras(), sizeWorkload(spec, extras()), { budgetCap: true }).exclude_gpu_models).toBeUndefined();
  });

  it("fetches more rows when a region wish is checked after the search", () => {
    const sizing = sizeWorkload(llama70, extras());
    expect(deriveComputeQuery(llama70, extras(), sizing, { budgetCap: true }).top_k).toBe(40);
    expect(deriveComputeQuery(llama70, extras({ region_intent: intentOf("in Europe") }), sizing, { budgetCap: true }).top_k).toBe(100);
  });
});

describe("GPU capability for the precision", () => {
  const q = (spec: WorkloadSpec) => deriveComputeQuery(spec, extras(), sizeWorkload(spec, extras()), { budgetCap: false });
  const llm8 = (patch: WorkloadSpec): WorkloadSpec => ({ task: "inference", modality: "llm", model: { name: "Llama 3.1 8B", params_b: 8 }, context_length: 4096, concurrency: 1, ...patch });

  it("inference: bf16 → 8.0, fp8 → 8.9, int4/int8 (AWQ/GPTQ) → 7.5, fp16 → 7.0, fp32 → none", () => {
    expect(q(llm8({ precision: "bf16" })).min_compute_capability).toBe(8.0);
    expect(q(llm8({ precision: "fp8" })).min_compute_capability).toBe(8.9);
    expect(q(llm8({ precision: "int4" })).min_compute_capability).toBe(7.5);
    expect(q(llm8({ precision: "int8" })).min_compute_capability).toBe(7.5);
    expect(q(llm8({ precision: "fp16" })).min_compute_capability).toBe(7.0);
    expect(q(llm8({ precision: "fp32" })).min_compute_capability).toBeUndefined();
  });

  it("non-LLM measured workloads in fp16 (diffusion, YOLO, Whisper) → 7.0", () => {
    expect(q(sdxl).min_compute_capability).toBe(7.0);
    expect(q({ task: "inference", modality: "speech", model: { name: "Whisper large-v3", params_b: 1.55 }, precision: "fp16" }).min_compute_capability).toBe(7.0);
    expect(q({ task: "inference", modality: "vision", model: { name: "YOLOv8m" }, precision: "fp16" }).min_compute_capability).toBe(7.0);
  });

  it("training / fine-tuning: bf16 and QLoRA → 8.0, fp16 → 7.0", () => {
    expect(q(llm8({ task: "fine_tuning", fine_tune_method: "lora", precision: "bf16" })).min_compute_capability).toBe(8.0);
    expect(q(llm8({ task: "fine_tuning", fine_tune_method: "qlora", precision: "int4" })).min_compute_capability).toBe(8.0);
    expect(q(llm8({ task: "training", precision: "bf16" })).min_compute_capability).toBe(8.0);
    expect(q(llm8({ task: "fine_tuning", fine_tune_method: "lora", precision: "fp16" })).min_compute_capability).toBe(7.0);
  });

  it("a natively MXFP4 checkpoint (GPT-OSS) keeps attention in bf16 → 8.0; DeepSeek FP8 → 8.9", () => {
    const oss = llm8({ model: { name: "gpt-oss-120b", params_b: 117 }, precision: "int4" });
    expect(requiredComputeCapability(oss)).toMatchObject({ min: 8.0 });
    expect(requiredComputeCapability(oss)!.assumption).toMatch(/MXFP4.*compute capability ≥ 8\.0/);
    expect(requiredComputeCapability(llm8({ model: { name: "DeepSeek V3", params_b: 671 }, precision: "fp8" }))!.min).toBe(8.9);
  });

  it("the rule is stated as an assumption line", () => {
    expect(requiredComputeCapability(llm8({ precision: "bf16" }))!.assumption).toBe("bf16 needs an Ampere-or-newer GPU (compute capability ≥ 8.0): V100 and T4 are left out.");
    expect(requiredComputeCapability(llm8({ precision: "fp8" }))!.assumption).toMatch(/^fp8 needs an Ada\/Hopper-or-newer GPU \(compute capability ≥ 8\.9\)/);
    expect(requiredComputeCapability(llm8({ precision: "int4" }))!.assumption).toMatch(/AWQ\/GPTQ.*a Turing-or-newer GPU \(compute capability ≥ 7\.5\)/);
  });

  it("a GPU model the user named is searched as named (the warning says what it lacks); a dev box has no floor", () => {
    expect(q(llm8({ precision: "bf16", gpu: { model: "V100" } })).min_compute_capability).toBeUndefined();
    // Count / memory pins keep the floor: they name no card.
    expect(q(llm8({ precision: "bf16", gpu: { count: 2, memory_gb_per_gpu: 24 } })).min_compute_capability).toBe(8.0);
    expect(requiredComputeCapability({ task: "development", precision: "bf16" })).toBeNull();
  });
});

describe("regionTerms", () => {
  it("'in the US' finds every US naming scheme, including shadeform's city-usa-N codes", () => {
    const terms = regionTerms(llama70, extras({ region_intent: intentOf("in the US") }))!;
    for (const r of ["desmoines-usa-1", "austin-usa-1", "ARIZONA_USA", "us-east-1", "eastus2", "Michigan, US, NA", "US", "nyc1", "US-1"]) {
      expect(terms.some((t) => regionMatches(r, t)), r).toBe(true);
    }
  });

  it("a country wish searches that country's regions, not its whole area", () => {
    const terms = regionTerms(llama70, extras({ region_intent: intentOf("in Germany") }))!;
    for (const r of ["eu-central-1", "europe-west3", "frankfurt-germany-5", "Bavaria, DE, EU", "DE", "eu-frankfurt-1", "GERMANY", "FRA"]) {
      expect(terms.some((t) => regionMatches(r, t)), r).toBe(true);
    }
    for (const r of ["se-stockholm-1", "FIN-03", "eu-west-1", "Romania, RO, EU"]) expect(terms.some((t) => regionMatches(r, t)), r).toBe(false);
  });

  it("no wish → no region filter", () => {
    expect(regionTerms(llama70, extras())).toBeUndefined();
    expect(hasRegionIntent(extras())).toBe(false);
  });

  it("a typed region code is the filter, not its whole area", () => {
    const x = extras({ region_intent: intentOf("in eu-west-1") });
    const terms = regionTerms({ ...llama70, regions: ["eu-west-1"] }, x)!;
    expect(terms).toEqual(["eu-west-1"]);
  });

  it("an area wish gives its prefixes and words, lower-cased and de-duplicated", () => {
    const terms = regionTerms(llama70, extras({ region_intent: intentOf("in Europe") }))!;
    expect(terms).toContain("eu-");
    expect(terms).toContain("europe-");
    expect(terms).toContain("eu");
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of terms) expect(t).toBe(t.toLowerCase());
  });

  it("an excluded area alone adds no positive filter (it is enforced after the search)", () => {
    const x = extras({ region_intent: intentOf("not in the US") });
    expect(regionTerms(llama70, x)).toBeUndefined();
    expect(hasRegionIntent(x)).toBe(true);
  });
});

describe("sizeWorkload", () => {
  it("sizes a named model with the formula", () => {
    const s = sizeWorkload(llama70, extras());
    expect(s.memory_gb_required).toBeGreaterThanOrEqual(140);
    expect(s.formula).toMatch(/weights/);
  });

  it("a spec without a model is sized on the reference model", () => {
    const spec: WorkloadSpec = { task: "inference", modality: "llm", precision: "bf16", context_length: 4096, concurrency: 1 };
    const s = sizeWorkload(spec, extras({ reference_model: { name: "Llama 3.1 8B Instruct", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8 } }));
    expect(s.memory_gb_required).toEqual(estimateMemory({ task: "inference", modelName: "Llama 3.1 8B Instruct", hfId: "meta-llama/Llama-3.1-8B-Instruct", paramsB: 8, precision: "bf16", contextLength: 4096, concurrency: 1, modality: "llm" }).memory_gb_required);
  });

  it("nothing to size (a development box with no model) falls back to a stated LLM reference instead of throwing", () => {
    const spec: WorkloadSpec = { task: "development", precision: "bf16", tools: ["jupyterhub"] };
    const s = sizeWorkload(spec, extras());
    expect(s.memory_gb_required).toBeGreaterThan(0);
    expect(s.assumptions[0]).toMatch(/Nothing named to size/);
  });

  it("a named model that cannot be sized still throws (no silent substitute)", () => {
    expect(() => sizeWorkload({ task: "inference", model: { name: "totally-unknown-thing" } }, extras())).toThrow();
  });
});

describe("deriveModelQuery / taskFilter", () => {
  it("a model resolved from its name: the search that resolved it (same input, so memoized); an id alone: by id with the task filter", () => {
    const q = deriveModelQuery({ ...llama70, model: { name: "Llama 3 70B", hf_id: "meta-llama/Meta-Llama-3-70B-Instruct" } }, extras(), sizeWorkload(llama70, extras()));
    expect(q).toEqual({ query: "Llama 3 70B", top_k: 5 });
    const byId = deriveModelQuery({ ...llama70, model: { hf_id: "meta-llama/Meta-Llama-3-70B-Instruct" } }, extras(), sizeWorkload(llama70, extras()));
    expect(byId.query).toBe("meta llama Meta Llama 3 70B Instruct");
    expect(byId.task).toBe("text-generation");
  });

  it("without a model: the workload words, the task's popular models, capped by the user's GPU memory", () => {
    const spec: WorkloadSpec = { task: "inference", modality: "llm", precision: "bf16", gpu: { count: 1, memory_gb_per_gpu: 24 } };
    const q = deriveModelQuery(spec, extras(), sizeWorkload(spec, extras({ reference_model: { name: "Llama 3.1 8B", params_b: 8 } })));
    expect(q.popular_in_task).toBe(true);
    expect(q.max_params_b).toBeGreaterThan(1);
    expect(q.max_params_b).toBeLessThan(13);
  });

  it("maps workloads and modalities to HF pipeline tags", () => {
    expect(taskFilter({ modality: "vision", workload: "object detection" })).toBe("object-detection");
    expect(taskFilter({ modality: "image_generation" })).toBe("text-to-image");
    expect(taskFilter({ modality: "speech", workload: "speech recognition" })).toBe("automatic-speech-recognition");
    expect(taskFilter({ modality: "speech", workload: "text to speech" })).toBe("text-to-speech");
    expect(taskFilter({ modality: "embedding" })).toBe("feature-extraction");
    expect(taskFilter({ modality: "other" })).toBeUndefined();
  });
});

describe("hardwarePinned and shards", () => {
  it("a GPU model, count, per-GPU or total memory pins the hardware; nothing else does", () => {
    expect(hardwarePinned(llama70, extras())).toBe(false);
    expect(hardwarePinned({ ...llama70, gpu: { count: 1 } }, extras())).toBe(true);
    expect(hardwarePinned({ ...llama70, gpu: { model: "A100" } }, extras())).toBe(true);
    expect(hardwarePinned(llama70, extras({ total_gpu_memory_gb: 96 }))).toBe(true);
  });
  it("LLMs shard (TP or ZeRO); diffusion and development boxes do not", () => {
    expect(shards(llama70)).toBe(true);
    expect(shards({ ...llama70, task: "fine_tuning" })).toBe(true);
    expect(shards(sdxl)).toBe(false);
    expect(shards({ task: "development" })).toBe(false);
  });
});
