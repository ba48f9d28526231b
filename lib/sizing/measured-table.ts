/**
 * Memory figures for non-LLM workloads (diffusion, detection, segmentation, speech, vision,
 * embeddings), where no closed formula is standard (anchors.md §A3). Every figure carries its basis:
 *  - "published": stated by the model's authors / maintainers (source named);
 *  - "community-measured": reported measurements in the project's issue tracker (source named);
 *  - "estimate": derived from published parameter counts plus stated activation/runtime allowances.
 * Figures are peak GPU memory in GB (10^9 B) including the CUDA context, unless stated.
 */
import { nameRx } from "./arch-types";
import type { Modality, Precision } from "./types";

export interface MeasuredFigure {
  gb: number;
  precision: Precision;
  conditions: string;
  basis: "published" | "community-measured" | "estimate";
  source: string;
}

export interface MeasuredModel {
  id: string;
  name: string;
  modality: Modality;
  /** Total parameters in millions (all pipeline components). */
  params_m: number;
  match: RegExp;
  alias?: RegExp;
  inference: MeasuredFigure;
  training?: MeasuredFigure;
  notes?: string[];
}

type In = Omit<MeasuredModel, "match" | "alias"> & { match: string; alias?: string };
const m = (x: In): MeasuredModel => ({ ...x, match: nameRx(x.match), alias: x.alias ? nameRx(x.alias) : undefined });
const est = (gb: number, precision: Precision, conditions: string, source: string): MeasuredFigure =>
  ({ gb, precision, conditions, basis: "estimate", source });

const CTX = "weights + activations + ~1 GB CUDA context";
const WHISPER = "openai/whisper README, 'Required VRAM' column";

// ── Image generation ───────────────────────────────────────────────────────────────────────────
const DIFFUSION: MeasuredModel[] = [
  m({ id: "sd15", name: "Stable Diffusion 1.5", modality: "image_generation", params_m: 1066,
    match: "stable-diffusion-v?1[.-]?[45]|sd-?v?1[.-]?5|sd15",
    inference: { gb: 5, precision: "fp16", conditions: "512×512, batch 1, diffusers", basis: "published",
      source: "Lambda Labs, 'All You Need Is One GPU: Inference Benchmark for Stable Diffusion' (2022): ~5 GB" },
    training: { gb: 16, precision: "fp16", conditions: "DreamBooth full UNet fine-tune, 512×512, batch 1, gradient checkpointing + 8-bit Adam",
      basis: "published", source: "diffusers examples/dreambooth README: fits a 16 GB GPU with gradient checkpointing and 8-bit Adam" } }),
  m({ id: "sd21", name: "Stable Diffusion 2.1", modality: "image_generation", params_m: 1303,
    match: "stable-diffusion-2(-1|\\.1)?(-base)?|sd-?2(\\.1)?",
    inference: est(7, "fp16", "768×768, batch 1, diffusers", `${CTX}: 2.6 GB fp16 weights (865M UNet + 354M OpenCLIP-H + 84M VAE) + 768² activations`) }),
  m({ id: "sdxl", name: "Stable Diffusion XL 1.0", modality: "image_generation", params_m: 3468,
    match: "sd-?xl(-base)?(-1\\.0)?(-turbo)?|stable-diffusion-xl(-base)?(-1\\.0)?", alias: "stable-diffusion",
    inference: est(12, "fp16", "1024×1024, batch 1, diffusers + PyTorch SDPA",
      "6.9 GB fp16 weights (2.57B UNet + 0.82B text encoders + 84M VAE) + activations; HF blog 'Exploring simple optimizations for SDXL' (2023) measured 21.7 GB for a batch of 4 images at 1024² in fp16 on an A100"),
    training: est(20, "fp16", "LoRA, 1024×1024, batch 1, gradient checkpointing, 8-bit Adam",
      "frozen fp16 pipeline 6.9 GB + UNet activations at 1024² with checkpointing + LoRA optimizer state") }),
  m({ id: "sd3-medium", name: "Stable Diffusion 3 Medium", modality: "image_generation", params_m: 7692,
    match: "stable-diffusion-3(-medium)?|sd-?3(-medium)?",
    inference: est(18, "fp16", "1024×1024, batch 1, with the T5-XXL text encoder",
      "15.4 GB fp16 weights (2B MMDiT + 4.76B T5-XXL + CLIP-L/G + VAE) + activations; diffusers docs: hard to run under 24 GB VRAM in fp16 with T5"),
    notes: ["Dropping T5-XXL (text_encoder_3=None) saves ~9.5 GB; an 8-bit T5 saves ~4.8 GB."] }),
  m({ id: "sd35-medium", name: "Stable Diffusion 3.5 Medium", modality: "image_generation", params_m: 8164,
    match: "stable-diffusion-3\\.5-medium|sd-?3\\.5-medium",
    inference: est(19, "bf16", "1024×1024, batch 1, with T5-XXL", "16.3 GB bf16 weights (2.5B MMDiT-X + 4.76B T5-XXL + CLIP-L/G + VAE) + activations") }),
  m({ id: "sd35-large", name: "Stable Diffusion 3.5 Large", modality: "image_generation", params_m: 13764,
    match: "stable-diffusion-3\\.5(-large)?(-turbo)?|sd-?3\\.5(-large)?",
    inference: est(30, "bf16", "1024×1024, batch 1, with T5-XXL", "27.5 GB bf16 weights (8.1B MMDiT + 4.76B T5-XXL + CLIP-L/G + VAE) + activations") }),
  m({ id: "flux-dev", name: "FLUX.1 [dev]", modality: "image_generation", params_m: 16969,
    match: "flux(\\.1)?-?(\\[)?dev(\\])?", alias: "flux(\\.1)?(?![a-z])",
    inference: est(36, "bf16", "1024×1024, batch 1, all components on GPU",
      "33.9 GB bf16 weights (12B transformer + 4.76B T5-XXL + CLIP-L + VAE) + activations; a diffusers maintainer (FLUX.1-schnell discussion #5) puts it at ~33 GB, ~24 GB with model CPU offload"),
    training: { gb: 24, precision: "bf16", conditions: "LoRA, 8-bit quantized transformer, 1024² buckets, batch 1",
      basis: "published", source: "ostris/ai-toolkit FAQ: 24 GB minimum to train a FLUX.1 LoRA" },
    notes: ["FP8 / NF4 checkpoints of the transformer bring inference to ~12–16 GB."] }),
  m({ id: "flux-schnell", name: "FLUX.1 [schnell]", modality: "image_generation", params_m: 16969,
    match: "flux(\\.1)?-?(\\[)?schnell(\\])?",
    inference: est(36, "bf16", "1024×1024, batch 1, all components on GPU",
      "same weights as FLUX.1 [dev] (33.9 GB bf16) + activations; ~24 GB with model CPU offload (diffusers maintainer, discussion #5)") }),
];

// ── Object detection (Ultralytics YOLO) ────────────────────────────────────────────────────────
const YOLO_PARAMS: Record<string, Record<string, number>> = {
  "5": { n: 1.9, s: 7.2, m: 21.2, l: 46.5, x: 86.7 },
  "8": { n: 3.2, s: 11.2, m: 25.9, l: 43.7, x: 68.2 },
  "11": { n: 2.6, s: 9.4, m: 20.1, l: 25.3, x: 56.9 },
};
/** YOLOv5 README: batch 128/64/40/24/16 for n/s/m/l/x at 640 px fit a V100-16GB → ×16/batch at batch 16. */
const V5_TRAIN: Record<string, number> = { n: 2, s: 4, m: 6.4, l: 10.7, x: 16 };
const V8_TRAIN: Record<string, number> = { n: 2.5, s: 4.5, m: 8, l: 12, x: 16 };
const YOLO_INFER: Record<string, number> = { n: 1, s: 1, m: 1.5, l: 2, x: 2.5 };

const YOLO: MeasuredModel[] = Object.entries(YOLO_PARAMS).flatMap(([v, sizes]) =>
  Object.entries(sizes).map(([s, params]) =>
    m({
      id: `yolo${v === "11" ? "11" : `v${v}`}${s}`, name: `YOLO${v === "11" ? "11" : `v${v}`}${s}`, modality: "vision", params_m: params,
      match: `yolo-?v?${v}${s}u?`, alias: s === "m" ? `yolo-?v?${v}` : undefined,
      inference: est(YOLO_INFER[s], "fp16", "640×640, batch 1, PyTorch",
        `weights < 0.2 GB; dominated by the CUDA context (~0.5–1 GB) and cuDNN workspaces`),
      training: v === "5"
        ? { gb: V5_TRAIN[s], precision: "fp16", conditions: "640×640, batch 16, AMP", basis: "published",
            source: "YOLOv5 README: batch sizes 128/64/40/24/16 (n/s/m/l/x) fit a V100-16GB at 640 px; scaled linearly to batch 16" }
        : est(V8_TRAIN[s], "fp16", "640×640, batch 16, AMP",
            "no per-model table is published; YOLOv5 figures for the same size class raised ~25% for the anchor-free head / larger loss buffers (ultralytics#17488 reports YOLO11 using up to ~2× YOLOv5 at very high resolution)"),
      notes: ["Training memory grows roughly linearly with batch size and with image area (imgsz²)."],
    }),
  ),
);

export const MEASURED_DIFFUSION_DETECTION: MeasuredModel[] = [...DIFFUSION, ...YOLO];
export { m as measuredEntry, est as estimateFigure, WHISPER, CTX };
