import { describe, expect, it } from "vitest";
import { extractGpu } from "./gpu";

describe("extractGpu", () => {
  it.each([
    ["2x24GB", { count: 2, memory_gb_per_gpu: 24 }],
    ["2 x 24 GB GPUs", { count: 2, memory_gb_per_gpu: 24 }],
    ["Train object detection model, $3000/mo, 2x24GB GPUs", { count: 2, memory_gb_per_gpu: 24 }],
    ["8 H100s", { count: 8, model: "H100", memory_gb_per_gpu: 80 }],
    ["8xH100", { count: 8, model: "H100", memory_gb_per_gpu: 80 }],
    ["H100 x 8", { count: 8, model: "H100", memory_gb_per_gpu: 80 }],
    ["an A100", { count: 1, model: "A100" }],
    ["an A100 with 80GB", { count: 1, model: "A100-80GB", memory_gb_per_gpu: 80 }],
    ["4x A100 80GB", { count: 4, model: "A100-80GB", memory_gb_per_gpu: 80 }],
    ["80GB A100", { model: "A100-80GB", memory_gb_per_gpu: 80 }],
    ["a single 4090", { count: 1, model: "RTX4090", memory_gb_per_gpu: 24 }],
    ["one L4", { count: 1, model: "L4", memory_gb_per_gpu: 24 }],
    ["GPU with 48GB", { memory_gb_per_gpu: 48 }],
    ["a GPU with 48GB", { count: 1, memory_gb_per_gpu: 48 }],
    ["at least 80GB VRAM", { memory_gb_per_gpu: 80 }],
    ["RTX 3090", { model: "RTX3090", memory_gb_per_gpu: 24 }],
    ["two A100s", { count: 2, model: "A100" }],
    ["dual 4090", { count: 2, model: "RTX4090", memory_gb_per_gpu: 24 }],
    ["a pair of A6000s", { count: 2, model: "A6000", memory_gb_per_gpu: 48 }],
    ["a node with 8 A100 80GB GPUs", { count: 8, model: "A100-80GB", memory_gb_per_gpu: 80 }],
    ["4 x NVIDIA H100", { count: 4, model: "H100", memory_gb_per_gpu: 80 }],
    ["V100 32GB", { model: "V100-32GB", memory_gb_per_gpu: 32 }],
    ["L40S", { model: "L40S", memory_gb_per_gpu: 48 }],
    ["8 GPUs", { count: 8 }],
    ["8-GPU node", { count: 8 }],
    ["64GB RAM and a 24GB GPU", { memory_gb_per_gpu: 24 }],
    ["MI300X", { model: "MI300X", memory_gb_per_gpu: 192 }],
  ])("%s", (text, gpu) => {
    expect(extractGpu(text).gpu).toEqual(gpu);
  });

  it("at least → minimum flag", () => {
    expect(extractGpu("at least 80GB VRAM").memory_is_minimum).toBe(true);
  });
  it("total memory is kept apart from per-GPU memory", () => {
    const r = extractGpu("160GB of VRAM in total");
    expect(r.total_gpu_memory_gb).toBe(160);
    expect(r.gpu).toBeUndefined();
  });
  it("alternatives after the first model", () => {
    const r = extractGpu("A100 or H100");
    expect(r.gpu?.model).toBe("A100");
    expect(r.alternatives).toEqual(["H100"]);
  });
  it("ambiguous memory is left open with a note", () => {
    expect(extractGpu("an A100").notes[0]).toMatch(/40 or 80/);
  });

  it.each([
    "I need some GPUs",
    "a 100 users",
    "64GB of system RAM",
    "1TB NVMe",
    "$4090 budget",
    "port 4090",
    "Mixtral 8x7B",
    "Llama 3 8B",
  ])("nothing in %s", (text) => {
    expect(extractGpu(text).gpu).toBeUndefined();
  });
});
