/**
 * Qwen2 / Qwen2.5 / Qwen3 (dense + MoE), Gemma 1 / 2 / 3, from each model's config.json.
 * Qwen2 and Qwen2.5 share architectures at equal sizes (also the -Coder / -Math variants).
 * Native context is without YaRN/rope scaling (Qwen2.5 ≥7B and Qwen3 reach 131,072 with YaRN).
 */
import { def, type Architecture } from "./arch-types";

const Q2 = "qwen-?2(\\.5)?(-coder|-math)?";
const Q = { family: "qwen", head_dim: 128, vocab: 151936, max_context: 32768 } as const;
const Q3 = "qwen-?3(-coder)?";
const G = { family: "gemma", vocab: 256000, head_dim: 256, tied_embeddings: true } as const;
const G3 = { ...G, vocab: 262144, max_context: 131072, local_attention: "5 of every 6 layers use a 1,024-token sliding window" };

export const QWEN_GEMMA: Architecture[] = [
  def({ ...Q, id: "qwen2.5-0.5b", name: "Qwen2 / Qwen2.5 0.5B", params_b: 0.49, layers: 24, hidden: 896, heads: 14, kv_heads: 2,
    head_dim: 64, intermediate: 4864, tied_embeddings: true, match: `${Q2}-0\\.5b`, alias: "qwen-0\\.5b" }),
  def({ ...Q, id: "qwen2.5-1.5b", name: "Qwen2 / Qwen2.5 1.5B", params_b: 1.54, layers: 28, hidden: 1536, heads: 12, kv_heads: 2,
    intermediate: 8960, tied_embeddings: true, match: `${Q2}-1\\.5b`, alias: "qwen-1\\.5b" }),
  def({ ...Q, id: "qwen2.5-3b", name: "Qwen2.5 3B", params_b: 3.09, layers: 36, hidden: 2048, heads: 16, kv_heads: 2,
    intermediate: 11008, tied_embeddings: true, match: `${Q2}-3b`, alias: "qwen-3b" }),
  def({ ...Q, id: "qwen2.5-7b", name: "Qwen2 / Qwen2.5 7B", params_b: 7.62, layers: 28, hidden: 3584, heads: 28, kv_heads: 4,
    intermediate: 18944, vocab: 152064, match: `${Q2}-7b`, alias: "qwen-7b" }),
  def({ ...Q, id: "qwen2.5-14b", name: "Qwen2.5 14B", params_b: 14.7, layers: 48, hidden: 5120, heads: 40, kv_heads: 8,
    intermediate: 13824, vocab: 152064, match: `${Q2}-14b` }),
  def({ ...Q, id: "qwen2.5-32b", name: "Qwen2.5 32B", params_b: 32.8, layers: 64, hidden: 5120, heads: 40, kv_heads: 8,
    intermediate: 27648, vocab: 152064, match: `${Q2}-32b|qwq-32b` }),
  def({ ...Q, id: "qwen2.5-72b", name: "Qwen2 / Qwen2.5 72B", params_b: 72.7, layers: 80, hidden: 8192, heads: 64, kv_heads: 8,
    intermediate: 29568, vocab: 152064, match: `${Q2}-72b`, alias: "qwen-72b" }),
  def({ ...Q, id: "qwen2-57b-a14b", name: "Qwen2 57B-A14B (MoE)", params_b: 57.4, active_params_b: 14.2, layers: 28,
    hidden: 3584, heads: 28, kv_heads: 4, intermediate: 2560, moe: { experts: 64, active: 8 }, match: "qwen-?2-57b(-a14b)?" }),
  // Qwen3 dense (max_position_embeddings 40,960; 32,768 native, 131,072 with YaRN)
  def({ ...Q, id: "qwen3-0.6b", name: "Qwen3 0.6B", params_b: 0.6, layers: 28, hidden: 1024, heads: 16, kv_heads: 8,
    intermediate: 3072, tied_embeddings: true, match: `${Q3}-0\\.6b`, alias: "qwen-0\\.6b" }),
  def({ ...Q, id: "qwen3-1.7b", name: "Qwen3 1.7B", params_b: 1.7, layers: 28, hidden: 2048, heads: 16, kv_heads: 8,
    intermediate: 6144, tied_embeddings: true, match: `${Q3}-1\\.7b`, alias: "qwen-1\\.7b" }),
  def({ ...Q, id: "qwen3-4b", name: "Qwen3 4B", params_b: 4.0, layers: 36, hidden: 2560, heads: 32, kv_heads: 8,
    intermediate: 9728, tied_embeddings: true, match: `${Q3}-4b`, alias: "qwen-4b" }),
  def({ ...Q, id: "qwen3-8b", name: "Qwen3 8B", params_b: 8.2, layers: 36, hidden: 4096, heads: 32, kv_heads: 8,
    intermediate: 12288, match: `${Q3}-8b`, alias: "qwen-8b" }),
  def({ ...Q, id: "qwen3-14b", name: "Qwen3 14B", params_b: 14.8, layers: 40, hidden: 5120, heads: 40, kv_heads: 8,
    intermediate: 17408, match: `${Q3}-14b`, alias: "qwen-14b" }),
  def({ ...Q, id: "qwen3-32b", name: "Qwen3 32B", params_b: 32.8, layers: 64, hidden: 5120, heads: 64, kv_heads: 8,
    intermediate: 25600, match: `${Q3}-32b`, alias: "qwen-32b" }),
  // Qwen3 MoE (intermediate = expert width)
  def({ ...Q, id: "qwen3-30b-a3b", name: "Qwen3 30B-A3B (MoE)", params_b: 30.5, active_params_b: 3.3, layers: 48,
    hidden: 2048, heads: 32, kv_heads: 4, intermediate: 768, moe: { experts: 128, active: 8 },
    match: `${Q3}-30b(-a3b)?`, alias: "qwen-30b(-a3b)?" }),
  def({ ...Q, id: "qwen3-235b-a22b", name: "Qwen3 235B-A22B (MoE)", params_b: 235, active_params_b: 22, layers: 94,
    hidden: 4096, heads: 64, kv_heads: 4, intermediate: 1536, moe: { experts: 128, active: 8 },
    match: `${Q3}-235b(-a22b)?`, alias: "qwen-235b(-a22b)?" }),
  // Gemma 1 (2B is multi-query; 7B is MHA with head_dim 256)
  def({ ...G, id: "gemma-2b", name: "Gemma 2B", params_b: 2.51, layers: 18, hidden: 2048, heads: 8, kv_heads: 1,
    intermediate: 16384, max_context: 8192, match: "gemma-(1\\.1-)?2b" }),
  def({ ...G, id: "gemma-7b", name: "Gemma 7B", params_b: 8.54, layers: 28, hidden: 3072, heads: 16, kv_heads: 16,
    intermediate: 24576, max_context: 8192, match: "gemma-(1\\.1-)?7b", alias: "gemma-7b" }),
  // Gemma 2 (alternating 4,096-token sliding-window / global layers)
  def({ ...G, id: "gemma-2-2b", name: "Gemma 2 2B", params_b: 2.61, layers: 26, hidden: 2304, heads: 8, kv_heads: 4,
    intermediate: 9216, max_context: 8192, match: "gemma-?2-2b",
    local_attention: "every other layer uses a 4,096-token sliding window" }),
  def({ ...G, id: "gemma-2-9b", name: "Gemma 2 9B", params_b: 9.24, layers: 42, hidden: 3584, heads: 16, kv_heads: 8,
    intermediate: 14336, max_context: 8192, match: "gemma-?2-9b", alias: "gemma-9b",
    local_attention: "every other layer uses a 4,096-token sliding window" }),
  def({ ...G, id: "gemma-2-27b", name: "Gemma 2 27B", params_b: 27.2, layers: 46, hidden: 4608, heads: 32, kv_heads: 16,
    head_dim: 128, intermediate: 36864, max_context: 8192, match: "gemma-?2-27b",
    local_attention: "every other layer uses a 4,096-token sliding window" }),
  // Gemma 3 (4B+ include a ~0.4B SigLIP vision encoder in params_b)
  def({ ...G3, id: "gemma-3-1b", name: "Gemma 3 1B", params_b: 1.0, layers: 26, hidden: 1152, heads: 4, kv_heads: 1,
    intermediate: 6912, max_context: 32768, match: "gemma-?3-1b", alias: "gemma-1b" }),
  def({ ...G3, id: "gemma-3-4b", name: "Gemma 3 4B", params_b: 4.3, layers: 34, hidden: 2560, heads: 8, kv_heads: 4,
    intermediate: 10240, match: "gemma-?3-4b", alias: "gemma-4b" }),
  def({ ...G3, id: "gemma-3-12b", name: "Gemma 3 12B", params_b: 12.2, layers: 48, hidden: 3840, heads: 16, kv_heads: 8,
    intermediate: 15360, match: "gemma-?3-12b", alias: "gemma-12b" }),
  def({ ...G3, id: "gemma-3-27b", name: "Gemma 3 27B", params_b: 27.4, layers: 62, hidden: 5376, heads: 32, kv_heads: 16,
    head_dim: 128, intermediate: 21504, match: "gemma-?3-27b", alias: "gemma-27b" }),
];
