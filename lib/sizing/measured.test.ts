import { describe, expect, it } from "vitest";
import { estimateMemory } from "./estimate";
import { gpusNeeded } from "./gpu-fit";
import { findMeasured, MEASURED_MODELS } from "./measured";

const mid = (q: Parameters<typeof findMeasured>[0]) => findMeasured(q)?.model.id ?? null;

describe("findMeasured", () => {
  it.each([
    ["stabilityai/stable-diffusion-xl-base-1.0", "sdxl"],
    ["stable diffusion xl", "sdxl"],
    ["SDXL", "sdxl"],
    ["runwayml/stable-diffusion-v1-5", "sd15"],
    ["SD 1.5", "sd15"],
    ["stabilityai/stable-diffusion-2-1", "sd21"],
    ["stabilityai/stable-diffusion-3-medium-diffusers", "sd3-medium"],
    ["stabilityai/stable-diffusion-3.5-large", "sd35-large"],
    ["black-forest-labs/FLUX.1-dev", "flux-dev"],
    ["FLUX.1 schnell", "flux-schnell"],
    ["yolov8n.pt", "yolov8n"],
    ["YOLO11x", "yolo11x"],
    ["yolov5s", "yolov5s"],
    ["facebook/sam-vit-huge", "sam-vit-h"],
    ["sam2.1_hiera_large.pt", "sam2.1-large"],
    ["openai/whisper-large-v3", "whisper-large-v3"],
    ["openai/whisper-large-v3-turbo", "whisper-large-v3-turbo"],
    ["whisper-tiny.en", "whisper-tiny"],
    ["openai/clip-vit-large-patch14", "clip-vit-l-14"],
    ["google/vit-base-patch16-224", "vit-base"],
    ["facebook/detr-resnet-50", "detr-resnet-50"],
    ["bert-large-uncased", "bert-large"],
    ["sentence-transformers/all-MiniLM-L6-v2", "all-minilm-l6-v2"],
    ["BAAI/bge-large-en-v1.5", "bge-large"],
    ["intfloat/multilingual-e5-large", "bge-large"],
  ])("%s → %s", (name, expected) => {
    expect(mid({ name })).toBe(expected);
  });

  it("version-less names pick the mid-size default and say so", () => {
    const m = findMeasured({ name: "YOLOv8" });
    expect(m?.model.id).toBe("yolov8m");
    expect(m?.note).toMatch(/assumed YOLOv8m/);
    expect(mid({ name: "stable diffusion" })).toBe("sdxl");
    expect(mid({ name: "whisper" })).toBe("whisper-large-v3");
  });

  it("maps free-text workloads and modalities to a class default", () => {
    expect(mid({ workload: "object detection" })).toBe("yolov8m");
    expect(mid({ workload: "real-time people detection on CCTV" })).toBe("yolov8m");
    expect(mid({ workload: "image generation" })).toBe("sdxl");
    expect(mid({ workload: "stable diffusion xl" })).toBe("sdxl");
    expect(mid({ workload: "transcribe call recordings" })).toBe("whisper-large-v3");
    expect(mid({ workload: "semantic search over docs (RAG)" })).toBe("bge-large");
    expect(mid({ workload: "fine-tune yolo11s on drone footage" })).toBe("yolo11s");
    expect(mid({ modality: "speech" })).toBe("whisper-large-v3");
    expect(mid({ workload: "fraud detection on transactions" })).toBeNull();
    expect(mid({ modality: "llm" })).toBeNull();
  });

  it("every figure is labelled with its basis and source", () => {
    for (const x of MEASURED_MODELS) {
      for (const f of [x.inference, x.training].filter(Boolean)) {
        expect(["published", "community-measured", "estimate"], x.id).toContain(f!.basis);
        expect(f!.source.length, x.id).toBeGreaterThan(10);
        expect(f!.conditions.length, x.id).toBeGreaterThan(5);
        expect(f!.gb, x.id).toBeGreaterThan(x.params_m / 1000); // at least the 8-bit weights
      }
    }
  });
});

describe("measured sizings", () => {
  it("SDXL inference fits a 16 GB and a 24 GB card", () => {
    const s = estimateMemory({ task: "inference", workload: "image generation" });
    expect(s.source).toBe("measured_table");
    expect(s.memory_gb_required).toBe(12);
    expect(gpusNeeded(s, 16)).toBe(1);
    expect(gpusNeeded(s, 24)).toBe(1);
    expect(s.assumptions.join(" ")).toMatch(/Source: .*simple optimizations for SDXL/);
    expect(s.formula).toContain("weights 3.47B × 2 B (fp16) = 6.9 GB");
  });

  it("FLUX.1-dev does not fit 24 GB and does not shard across GPUs", () => {
    const s = estimateMemory({ task: "inference", hfId: "black-forest-labs/FLUX.1-dev" });
    expect(gpusNeeded(s, 24)).toBeNull();
    expect(gpusNeeded(s, 48)).toBe(1);
    expect(s.gpu_fit?.find((r) => r.gpu_memory_gb === 24)?.note).toMatch(/does not shard/);
  });

  it("uses the training figure for training and a labelled estimate when none is published", () => {
    const y = estimateMemory({ task: "training", modelName: "yolov5x" });
    expect(y.memory_gb_required).toBe(16);
    expect(y.assumptions.join(" ")).toMatch(/published figure 16 GB.*V100-16GB/);
    const w = estimateMemory({ task: "fine_tuning", modelName: "openai/whisper-small" });
    expect(w.memory_gb_required).toBeCloseTo(0.244 * 16 + 2, 1);
    expect(w.assumptions.join(" ")).toMatch(/estimate/);
  });

  it("rescales the weights part for another inference precision", () => {
    const fp16 = estimateMemory({ task: "inference", modelName: "sdxl" });
    const fp32 = estimateMemory({ task: "inference", modelName: "sdxl", precision: "fp32" });
    expect(Math.abs(fp32.breakdown.weights - fp16.breakdown.weights * 2)).toBeLessThanOrEqual(0.1);
    expect(fp32.breakdown.activations_and_runtime).toBe(fp16.breakdown.activations_and_runtime);
  });

  it("a non-LLM modality with only params gets a generic labelled estimate", () => {
    const s = estimateMemory({ task: "inference", modality: "vision", paramsB: 0.3 });
    expect(s.source).toBe("formula");
    expect(s.assumptions.join(" ")).toMatch(/Rough estimate/);
    expect(s.assumptions.join(" ")).toMatch(/YOLOv8m/);
  });
});
