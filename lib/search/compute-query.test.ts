import { describe, expect, it } from "vitest";
import { computeSearchBodySchema, type ComputeSearchInput } from "@/lib/schemas/tools";
import { normalizeComputeQuery } from "./compute-query";

const norm = (q: ComputeSearchInput) => normalizeComputeQuery(computeSearchBodySchema.parse(q));

describe("normalizeComputeQuery: min_compute_capability", () => {
  it("is accepted by the schema (optional, bounded)", () => {
    expect(computeSearchBodySchema.parse({ min_compute_capability: 8 }).min_compute_capability).toBe(8);
    expect(computeSearchBodySchema.parse({}).min_compute_capability).toBeUndefined();
    expect(computeSearchBodySchema.safeParse({ min_compute_capability: -1 }).success).toBe(false);
  });

  it("narrows gpuModels to the GPUs that have it", () => {
    const nq = norm({ min_compute_capability: 8.0 });
    expect(nq.gpuModels).toContain("A100");
    expect(nq.gpuModels).toContain("H100");
    expect(nq.gpuModels).not.toContain("V100");
    expect(nq.gpuModels).not.toContain("T4");
    expect(nq.gpuModels).not.toContain("MI300X");
    expect(norm({}).gpuModels).toBeNull();
  });

  it("combines with the vendor, legacy and named-GPU filters", () => {
    const nq = norm({ gpu_vendor: "nvidia", modern_gpus_only: true, min_compute_capability: 8.9 });
    expect(nq.gpuModels).toEqual(expect.arrayContaining(["L4", "L40S", "H100", "H200"]));
    for (const m of nq.gpuModels!) expect(["A100", "A10G", "T4", "V100"]).not.toContain(m);
    expect(nq.excludeGpuModels).toBeNull(); // the explicit list already leaves legacy cards out
    expect(norm({ gpu_model: "V100", min_compute_capability: 8.0 }).gpuModels).toEqual([]);
    expect(norm({ gpu_model: "A100", min_compute_capability: 8.0 }).gpuModels).toEqual(["A100", "A100-80GB"]);
    expect(norm({ gpu_vendor: "amd", min_compute_capability: 7.0 }).gpuModels).toEqual([]);
  });
});

describe("normalizeComputeQuery: GPU slices", () => {
  it("allows slices only when a GPU memory need is stated", () => {
    expect(norm({ gpu_model: "L4" }).allowGpuSlices).toBe(false);
    expect(norm({ min_gpu_count: 1 }).allowGpuSlices).toBe(false);
    expect(norm({ min_total_gpu_memory_gb: 4 }).allowGpuSlices).toBe(true);
    expect(norm({ min_gpu_memory_gb: 10 }).allowGpuSlices).toBe(true);
    expect(norm({ min_total_gpu_memory_gb: 0 }).allowGpuSlices).toBe(false);
  });
});

describe("normalizeComputeQuery: exclude_gpu_models", () => {
  it("resolves names and aliases and leaves them out", () => {
    const nq = norm({ exclude_gpu_models: ["t4", "A100"] });
    expect(nq.excludeGpuModels).toEqual(expect.arrayContaining(["T4", "A100", "A100-80GB"]));
    expect(nq.gpuModels).toBeNull();
  });
  it("joins the legacy cards and narrows an explicit list", () => {
    const nq = norm({ gpu_vendor: "nvidia", modern_gpus_only: true, exclude_gpu_models: ["L4"] });
    expect(nq.gpuModels).not.toContain("L4");
    expect(nq.gpuModels).toContain("L40S");
    expect(norm({ modern_gpus_only: true, exclude_gpu_models: ["H100"] }).excludeGpuModels).toEqual(expect.arrayContaining(["K80", "H100"]));
  });
  it("is bounded by the schema", () => {
    expect(computeSearchBodySchema.safeParse({ exclude_gpu_models: [""] }).success).toBe(false);
    expect(computeSearchBodySchema.safeParse({ exclude_gpu_models: Array(51).fill("T4") }).success).toBe(false);
  });
});
