import { describe, expect, it } from "vitest";
import { estimateMemory } from "./estimate";
import { perGpuMemoryGb } from "./gpu-fit";
import { layoutOn, validTensorParallelSizes } from "./parallelism";
import { usableGpuMemoryGb } from "./usable-memory";

const l3 = estimateMemory({ task: "inference", modelName: "Llama 3 70B", precision: "bf16", contextLength: 4096 });
const l8 = estimateMemory({ task: "inference", modelName: "Llama 3.1 8B" });
const sdxl = estimateMemory({ task: "inference", modelName: "SDXL" });

describe("validTensorParallelSizes", () => {
  it("divisors of the GPU count that also divide the heads", () => {
    expect(validTensorParallelSizes(8, 64)).toEqual([1, 2, 4, 8]);
    expect(validTensorParallelSizes(8, 40)).toEqual([1, 2, 4, 8]);
    expect(validTensorParallelSizes(8, 28)).toEqual([1, 2, 4]); // Qwen2.5-7B: 28 heads
    expect(validTensorParallelSizes(6, 64)).toEqual([1, 2]);
    expect(validTensorParallelSizes(3, 32)).toEqual([1]);
    expect(validTensorParallelSizes(8, 71)).toEqual([1]); // Falcon 7B
  });
});

describe("layoutOn", () => {
  it("Llama 3 70B bf16 on 2× A100-80GB: TP 2, fits (75.4 of 76.8 GB)", () => {
    const l = layoutOn(l3, { gpuCount: 2, perGpuGb: 80 }, { kind: "llm_serving", heads: 64 });
    expect(l).toMatchObject({ tensor_parallel_size: 2, pipeline_parallel_size: 1, gpus_per_replica: 2, replicas: 1, fits: true });
    expect(l.needed).toBeCloseTo(perGpuMemoryGb(l3, 2), 1);
    expect(l.usable).toBeCloseTo(usableGpuMemoryGb(80), 1);
  });
  it("the smallest TP that fits; leftover GPUs are replicas", () => {
    const l = layoutOn(l8, { gpuCount: 8, perGpuGb: 24 }, { kind: "llm_serving", heads: 32 });
    expect(l).toMatchObject({ tensor_parallel_size: 1, gpus_per_replica: 1, replicas: 8, fits: true });
    const big = layoutOn(l3, { gpuCount: 8, perGpuGb: 24 }, { kind: "llm_serving", heads: 64 });
    expect(big).toMatchObject({ tensor_parallel_size: 8, replicas: 1, fits: true });
  });
  it("TP never breaks the head count: pipeline stages take the rest", () => {
    // 6 GPUs, 64 heads: TP ∈ {1, 2}; TP 2 alone cannot hold a 70B model on 40 GB cards → pipeline stages.
    const l = layoutOn(l3, { gpuCount: 6, perGpuGb: 40 }, { kind: "llm_serving", heads: 64, layers: 80 });
    expect(perGpuMemoryGb(l3, 2)).toBeGreaterThan(usableGpuMemoryGb(40));
    expect(l.tensor_parallel_size).toBe(2);
    expect(l.pipeline_parallel_size).toBeGreaterThanOrEqual(2);
    expect(l.tensor_parallel_size! * l.pipeline_parallel_size!).toBeLessThanOrEqual(6);
    expect(l.fits).toBe(true);
  });
  it("too small: fits is false with the need at the most sharded layout", () => {
    const l = layoutOn(l3, { gpuCount: 1, perGpuGb: 24 }, { kind: "llm_serving", heads: 64 });
    expect(l.fits).toBe(false);
    expect(l.needed).toBeGreaterThan(l.usable);
  });
  it("a pinned GPU count caps the GPUs used on a bigger node", () => {
    const l = layoutOn(l3, { gpuCount: 8, perGpuGb: 24 }, { kind: "llm_serving", heads: 64, maxGpus: 1 });
    expect(l).toMatchObject({ tensor_parallel_size: 1, gpus_per_replica: 1, fits: false });
  });
  it("diffusion does not shard: one GPU per replica, one replica per GPU", () => {
    const l = layoutOn(sdxl, { gpuCount: 4, perGpuGb: 24 }, { kind: "single_gpu" });
    expect(l).toMatchObject({ tensor_parallel_size: null, gpus_per_replica: 1, replicas: 4, fits: true, needed: sdxl.memory_gb_required });
  });
  it("training shards over every GPU of the node (ZeRO-3/FSDP), one replica", () => {
    const ft = estimateMemory({ task: "fine_tuning", modelName: "Llama 3.1 8B", fineTuneMethod: "full" });
    const l = layoutOn(ft, { gpuCount: 8, perGpuGb: 80 }, { kind: "sharded_training" });
    expect(l).toMatchObject({ gpus_per_replica: 8, replicas: 1, tensor_parallel_size: null });
    expect(l.needed).toBeCloseTo(perGpuMemoryGb(ft, 8), 1);
  });
  it("no GPU: never fits", () => {
    expect(layoutOn(l8, { gpuCount: 0, perGpuGb: 0 }, { kind: "llm_serving" }).fits).toBe(false);
  });
});
