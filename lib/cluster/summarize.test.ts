import { describe, expect, it } from "vitest";
import nodes from "./__fixtures__/nodes.json";
import pods from "./__fixtures__/pods.json";
import { fitsLocally, podGpus, summarizeCluster } from "./summarize";

describe("summarizeCluster", () => {
  const s = summarizeCluster(nodes, pods);
  const byName = Object.fromEntries(s.nodes.map((n) => [n.name, n]));

  it("sums allocatable and requested GPUs per node (running pods only)", () => {
    expect(byName["gpu-a100-0"]).toEqual({
      name: "gpu-a100-0", ready: true, schedulable: true,
      gpu_product: "NVIDIA-A100-SXM4-80GB", gpu_memory_gb: 80,
      allocatable_gpus: 8, requested_gpus: 6, free_gpus: 2,
    });
    expect(byName["gpu-l4-0"]).toMatchObject({ gpu_product: "NVIDIA-L4", gpu_memory_gb: 22.5, allocatable_gpus: 4, requested_gpus: 0, free_gpus: 4 });
    expect(byName["cpu-0"]).toMatchObject({ gpu_product: null, gpu_memory_gb: null, allocatable_gpus: 0, free_gpus: 0 });
    expect(s.total_free_gpus).toBe(6);
  });

  it("gives no free GPUs on cordoned or NotReady nodes", () => {
    const cordoned = structuredClone(nodes);
    (cordoned.items[1].spec as { unschedulable?: boolean }).unschedulable = true;
    cordoned.items[0].status.conditions[1].status = "False";
    const r = summarizeCluster(cordoned, pods);
    expect(r.nodes.map((n) => [n.ready, n.schedulable, n.free_gpus])).toEqual([[false, false, 0], [true, false, 0], [true, true, 0]]);
    expect(r.total_free_gpus).toBe(0);
  });

  it("falls back to the product name for memory, and tolerates empty input", () => {
    const n = structuredClone(nodes);
    delete (n.items[0].metadata.labels as Record<string, string>)["nvidia.com/gpu.memory"];
    delete (n.items[1].metadata.labels as Record<string, string>)["nvidia.com/gpu.memory"];
    const r = summarizeCluster(n, { items: [] });
    expect(r.nodes[0]).toMatchObject({ gpu_memory_gb: 80, free_gpus: 8 });
    expect(r.nodes[1].gpu_memory_gb).toBeNull();
    expect(summarizeCluster({}, null)).toEqual({ nodes: [], total_free_gpus: 0 });
  });

  it("counts limits-only containers and the init-container maximum", () => {
    const c = (g: string) => ({ resources: { limits: { "nvidia.com/gpu": g } } });
    expect(podGpus({ spec: { containers: [c("1"), c("1")], initContainers: [c("1")] } })).toBe(2);
    expect(podGpus({ spec: { containers: [c("1")], initContainers: [c("3")] } })).toBe(3);
    expect(podGpus({ spec: { containers: [{ resources: { requests: { cpu: "1" } } }] } })).toBe(0);
  });
});

describe("fitsLocally", () => {
  const { nodes: n } = summarizeCluster(nodes, pods);
  it("needs enough free GPUs with enough memory each, on one node", () => {
    expect(fitsLocally(n, { requiredGpus: 2, requiredGpuMemoryGb: 80 })).toBe(true);
    expect(fitsLocally(n, { requiredGpus: 3, requiredGpuMemoryGb: 80 })).toBe(false);
    expect(fitsLocally(n, { requiredGpus: 4, requiredGpuMemoryGb: 20 })).toBe(true);
    expect(fitsLocally(n, { requiredGpus: 4, requiredGpuMemoryGb: 40 })).toBe(false);
    expect(fitsLocally(n, { requiredGpus: 5 })).toBe(false);
    expect(fitsLocally(n, { requiredGpuMemoryGb: 24 })).toBe(true);
    expect(fitsLocally(n, { requiredGpus: 0 })).toBe(true);
  });
  it("is null without a requirement, or when memory is unknown", () => {
    expect(fitsLocally(n, {})).toBeNull();
    const unknown = n.map((x) => ({ ...x, gpu_memory_gb: null }));
    expect(fitsLocally(unknown, { requiredGpus: 1, requiredGpuMemoryGb: 40 })).toBeNull();
    expect(fitsLocally(unknown, { requiredGpus: 9, requiredGpuMemoryGb: 40 })).toBe(false);
  });
});
