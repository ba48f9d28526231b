/**
 * Measured / published memory figures (part 2): segmentation, speech, vision backbones, BERT and
 * sentence embedders. See measured-table.ts for the meaning of `basis`.
 */
import { CTX, estimateFigure as est, measuredEntry as m, WHISPER, type MeasuredModel } from "./measured-table";

const EMB = "fp16 weights + CUDA context (~1 GB) + batch 32 × 512 tokens";
const whisper = (id: string, name: string, params_m: number, gb: number, match: string, alias?: string): MeasuredModel =>
  m({ id, name, modality: "speech", params_m, match, alias,
    inference: { gb, precision: "fp16", conditions: "30-second windows, batch 1", basis: "published", source: WHISPER } });
const embedder = (id: string, name: string, params_m: number, gb: number, match: string): MeasuredModel =>
  m({ id, name, modality: "embedding", params_m, match, inference: est(gb, "fp16", "batch 32 × 512 tokens", EMB) });

export const MEASURED_VISION_SPEECH: MeasuredModel[] = [
  // Segmentation
  m({ id: "sam-vit-h", name: "SAM ViT-H", modality: "vision", params_m: 636,
    match: "sam-vit-h(uge)?(-4b8939)?", alias: "sam(?![a-z])|segment-anything",
    inference: { gb: 7, precision: "fp32", conditions: "SamAutomaticMaskGenerator defaults (points_per_batch 64), ~1024 px image",
      basis: "community-measured", source: "facebookresearch/segment-anything#33: ~7 GB with defaults, ~4 GB with points_per_batch=16" } }),
  m({ id: "sam-vit-l", name: "SAM ViT-L", modality: "vision", params_m: 308, match: "sam-vit-l(arge)?(-0b3195)?",
    inference: est(5, "fp32", "automatic mask generation, ~1024 px image", `${CTX}; between the ViT-B and ViT-H measurements`) }),
  m({ id: "sam-vit-b", name: "SAM ViT-B", modality: "vision", params_m: 91, match: "sam-vit-b(ase)?(-01ec64)?",
    inference: est(4, "fp32", "automatic mask generation, ~1024 px image", "segment-anything#78 reports ViT-B saturating a 4 GB card") }),
  ...([["tiny", "t", 38.9, 1.5], ["small", "s", 46, 1.5], ["base-plus", "b\\+|base-plus|bplus", 80.8, 2], ["large", "l", 224.4, 2.5]] as const)
    .map(([size, short, params, gb]) => m({
      id: `sam2.1-${size}`, name: `SAM 2.1 Hiera-${size}`, modality: "vision", params_m: params,
      match: `sam-?2(\\.1)?-hiera-(${size}|${short})`, alias: size === "large" ? "sam-?2(\\.1)?" : undefined,
      inference: est(gb, "bf16", "single 1024×1024 image",
        "peak allocated ~0.5–1 GB at 1024² (community measurements) + ~1 GB CUDA context; video tracking grows with the memory bank and frame count"),
    })),
  // Speech
  whisper("whisper-tiny", "Whisper tiny", 39, 1, "whisper-tiny(\\.en)?"),
  whisper("whisper-base", "Whisper base", 74, 1, "whisper-base(\\.en)?"),
  whisper("whisper-small", "Whisper small", 244, 2, "whisper-small(\\.en)?"),
  whisper("whisper-medium", "Whisper medium", 769, 5, "whisper-medium(\\.en)?"),
  whisper("whisper-large-v3", "Whisper large (v1/v2/v3)", 1550, 10, "whisper-large(-v[123])?", "whisper"),
  whisper("whisper-large-v3-turbo", "Whisper large-v3-turbo", 809, 6, "whisper-large-v3-turbo|whisper-turbo"),
  // Vision backbones and detection transformers
  m({ id: "clip-vit-b-32", name: "CLIP ViT-B/32", modality: "embedding", params_m: 151, match: "clip-vit-(b-?32|base-patch32)",
    inference: est(1.5, "fp16", "batch 64 images at 224² or 64 texts", CTX) }),
  m({ id: "clip-vit-l-14", name: "CLIP ViT-L/14", modality: "embedding", params_m: 428,
    match: "clip-vit-(l-?14|large-patch14)(-336)?", alias: "clip(?![a-z])",
    inference: est(2.5, "fp16", "batch 64 images at 224² or 64 texts", CTX) }),
  m({ id: "vit-base", name: "ViT-Base/16", modality: "vision", params_m: 86, match: "vit-(base|b)(-?patch)?(-?16)?(-224)?",
    inference: est(1.5, "fp16", "batch 32 at 224²", CTX),
    training: est(8, "fp16", "fine-tune, batch 32 at 224², AMP AdamW", "16 B/param state (1.4 GB) + activations of 32 × 197 tokens × 12 layers") }),
  m({ id: "vit-large", name: "ViT-Large/16", modality: "vision", params_m: 304, match: "vit-(large|l)(-?patch)?(-?16)?(-224)?",
    inference: est(2.5, "fp16", "batch 32 at 224²", CTX),
    training: est(20, "fp16", "fine-tune, batch 32 at 224², AMP AdamW", "16 B/param state (4.9 GB) + activations of 32 × 197 tokens × 24 layers") }),
  m({ id: "vit-huge", name: "ViT-Huge/14", modality: "vision", params_m: 632, match: "vit-(huge|h)(-?patch)?(-?14)?(-224)?",
    inference: est(3.5, "fp16", "batch 32 at 224²", CTX) }),
  m({ id: "detr-resnet-50", name: "DETR ResNet-50", modality: "vision", params_m: 41, match: "detr(?![a-z])(-resnet-50)?",
    inference: est(2, "fp32", "800×1333 image, batch 1", CTX),
    training: { gb: 16, precision: "fp32", conditions: "4 images per GPU at 800×1333 (upper bound)", basis: "published",
      source: "Carion et al. 2020 (DETR): trained with 4 images per 16 GB V100" } }),
  // Text encoders
  m({ id: "bert-base", name: "BERT-base", modality: "embedding", params_m: 110,
    match: "bert-base(-(un)?cased|-multilingual-(un)?cased)?", alias: "bert(?![a-z])",
    inference: est(1.5, "fp16", "batch 32 × 128 tokens", CTX),
    training: { gb: 12, precision: "fp32", conditions: "fine-tune, seq 128, batch 32, Adam (upper bound)", basis: "published",
      source: "google-research/bert README: BERT-Base seq 128 fits batch 32 on a 12 GB Titan X" } }),
  m({ id: "bert-large", name: "BERT-large", modality: "embedding", params_m: 340, match: "bert-large(-(un)?cased)?(-whole-word-masking)?",
    inference: est(2.5, "fp16", "batch 32 × 128 tokens", CTX),
    training: { gb: 12, precision: "fp32", conditions: "fine-tune, seq 128, batch 6, Adam (upper bound)", basis: "published",
      source: "google-research/bert README: BERT-Large seq 128 fits batch 6 on a 12 GB Titan X" } }),
  // Sentence embedders
  embedder("all-minilm-l6-v2", "all-MiniLM-L6-v2", 22.7, 1, "all-minilm-l6(-v2)?"),
  embedder("all-mpnet-base-v2", "all-mpnet-base-v2", 110, 1.5, "all-mpnet-base(-v2)?"),
  embedder("bge-small", "BGE small", 33, 1, "bge-small(-en)?(-v1\\.5)?"),
  embedder("bge-base", "BGE base", 110, 1.5, "bge-base(-en)?(-v1\\.5)?"),
  embedder("bge-large", "BGE / E5 / GTE large", 335, 2, "bge-large(-en)?(-v1\\.5)?|(multilingual-)?e5-large(-v2)?|gte-large"),
  embedder("bge-m3", "BGE-M3", 568, 3, "bge-m3"),
  embedder("nomic-embed-text", "nomic-embed-text v1/v1.5", 137, 1.5, "nomic-embed-text(-v1(\\.5)?)?"),
];
