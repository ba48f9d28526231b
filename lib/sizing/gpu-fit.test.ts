import { describe, expect, it } from "vitest";
import { estimateMemory } from "./estimate";
import { fitTable, gpusNeeded, minTotalGpuMemoryGb, perGpuMemoryGb } from "./gpu-fit";
import { CUDA_CONTEXT_GB, GIB_IN_GB, rawGpuMemoryGb, usableGpuMemoryGb } from "./usable-memory";

const l70 = estimateMemory({ task: "inference", modelName: "Llama 3.3 70B" });

describe("gpusNeeded", () => {
  it("70B bf16 on 80 GB (= 80 GiB) cards: 2 at 90% utilization, 1 never", () => {
    expect(gpusNeeded(l70, 80)).toBe(2);
    const two = perGpuMemoryGb(l70, 2);
    expect(two).toBeGreaterThan(0.9 * 80); // would not fit if "80 GB" meant 10^9-byte GB
    expect(two).toBeLessThanOrEqual(usableGpuMemoryGb(80));
    expect(gpusNeeded(l70, 80, { maxUtilization: 0.85 })).toBe(4);
  });

  it("splits weights and KV, replicates activations, keeps ≥ 1 GB overhead per GPU", () => {
    const b = l70.breakdown;
    expect(perGpuMemoryGb(l70, 4)).toBeCloseTo((b.weights + b.kv_cache) / 4 + b.activations + b.runtime_overhead / 4, 5);
    expect(perGpuMemoryGb(l70, 1)).toBe(l70.memory_gb_required);
  });

  it("works from a bare total and returns null when even 16 GPUs won't do", () => {
    expect(gpusNeeded(20, 24)).toBe(1);
    expect(gpusNeeded(30, 24)).toBe(2); // 29/2 + 1 = 15.5
    expect(gpusNeeded(1000, 24)).toBeNull();
    expect(gpusNeeded(1000, 24, { tpSizes: [1, 2, 4, 8] })).toBeNull();
    expect(gpusNeeded(150, 24, { tpSizes: [1, 2, 4, 8] })).toBe(8); // 149/8 + 1 = 19.6 ≤ 21.6
    expect(gpusNeeded(200, 24, { tpSizes: [1, 2, 4, 8] })).toBeNull(); // 199/8 + 1 = 25.9
    expect(gpusNeeded(200, 24)).toBe(16);
  });

  it("70B int4 fits one 48 GB card at 90% (not at 85%); 24 GB cards need 4", () => {
    const q = estimateMemory({ task: "inference", modelName: "Llama 3.3 70B", precision: "int4" });
    expect(gpusNeeded(q, 48)).toBe(1);
    expect(gpusNeeded(q, 48, { maxUtilization: 0.85 })).toBe(2);
    expect(gpusNeeded(q, 80)).toBe(1);
    expect(gpusNeeded(q, 24)).toBe(2);
  });

  it("DeepSeek-R1 (FP8, 671B): one 8×141 GB node or two 8×80 GB nodes", () => {
    const r1 = estimateMemory({ task: "inference", hfId: "deepseek-ai/DeepSeek-R1" });
    expect(gpusNeeded(r1, 141)).toBe(8);
    expect(gpusNeeded(r1, 80)).toBe(16);
    expect(fitTable(r1).find((r) => r.gpu_memory_gb === 80)?.note).toMatch(/multi-node/);
  });
});

describe("fitTable and minTotalGpuMemoryGb", () => {
  it("covers the default card sizes with notes", () => {
    const rows = fitTable(l70);
    expect(rows.map((r) => r.gpu_memory_gb)).toEqual([16, 24, 40, 48, 80, 141, 192]);
    expect(rows.find((r) => r.gpu_memory_gb === 141)?.gpus_needed).toBe(2);
    expect(rows.find((r) => r.gpu_memory_gb === 192)?.gpus_needed).toBe(1);
    for (const r of rows) expect(r.note).toBeTruthy();
  });

  it("minTotalGpuMemoryGb = the nominal card size whose usable memory holds the total, rounded up to 0.1 GB", () => {
    expect(minTotalGpuMemoryGb(90)).toBe(Math.ceil(((90 + CUDA_CONTEXT_GB) / (GIB_IN_GB * 0.9)) * 10) / 10);
    expect(usableGpuMemoryGb(minTotalGpuMemoryGb(l70))).toBeGreaterThanOrEqual(l70.memory_gb_required);
    expect(usableGpuMemoryGb(minTotalGpuMemoryGb(l70) - 0.2)).toBeLessThan(l70.memory_gb_required);
  });
});

describe("usable GPU memory", () => {
  it("an N GB card holds N GiB: A100-80GB = 85.9 GB raw", () => {
    expect(rawGpuMemoryGb(80)).toBeCloseTo(85.9, 1);
    expect(rawGpuMemoryGb(24)).toBeCloseTo(25.77, 2);
  });
  it("usable = raw × utilization − the CUDA context, never negative", () => {
    expect(usableGpuMemoryGb(80)).toBeCloseTo(85.899 * 0.9 - CUDA_CONTEXT_GB, 2);
    expect(usableGpuMemoryGb(80, 0.95)).toBeGreaterThan(usableGpuMemoryGb(80));
    expect(usableGpuMemoryGb(0.1)).toBe(0);
  });
  it("Llama 3 70B bf16 at 4k context fits 2× A100-80GB", () => {
    const l3 = estimateMemory({ task: "inference", modelName: "Llama 3 70B", precision: "bf16", contextLength: 4096 });
    expect(perGpuMemoryGb(l3, 2)).toBeLessThanOrEqual(usableGpuMemoryGb(80));
    expect(perGpuMemoryGb(l3, 1)).toBeGreaterThan(usableGpuMemoryGb(80));
  });
});

