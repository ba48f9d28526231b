/**
 * Llama 2 / 3 / 3.1 / 3.2 / 3.3 / 4, Code Llama, Mistral and Mixtral, from each model's config.json
 * (num_hidden_layers, hidden_size, num_attention_heads, num_key_value_heads, intermediate_size,
 * vocab_size, max_position_embeddings). Parameter counts are the published totals.
 */
import { def, type Architecture } from "./arch-types";

const L3 = { family: "llama", vocab: 128256, head_dim: 128 } as const;
const L2 = { family: "llama", vocab: 32000, head_dim: 128, max_context: 4096 } as const;
const CL = { family: "codellama", vocab: 32016, head_dim: 128, max_context: 16384 } as const;

export const META_MISTRAL: Architecture[] = [
  // Llama 2 (MHA for 7B/13B, GQA-8 for 70B)
  def({ ...L2, id: "llama-2-7b", name: "Llama 2 7B", params_b: 6.74, layers: 32, hidden: 4096, heads: 32, kv_heads: 32,
    intermediate: 11008, match: "llama-?2-7b", alias: "llama-7b" }),
  def({ ...L2, id: "llama-2-13b", name: "Llama 2 13B", params_b: 13.0, layers: 40, hidden: 5120, heads: 40, kv_heads: 40,
    intermediate: 13824, match: "llama-?2-13b", alias: "llama-13b" }),
  def({ ...L2, id: "llama-2-70b", name: "Llama 2 70B", params_b: 69.0, layers: 80, hidden: 8192, heads: 64, kv_heads: 8,
    intermediate: 28672, match: "llama-?2-70b" }),
  // Llama 3 (8k context) / 3.1 (128k)
  def({ ...L3, id: "llama-3-8b", name: "Llama 3 8B", params_b: 8.03, layers: 32, hidden: 4096, heads: 32, kv_heads: 8,
    intermediate: 14336, max_context: 8192, match: "llama-?3-8b" }),
  def({ ...L3, id: "llama-3-70b", name: "Llama 3 70B", params_b: 70.55, layers: 80, hidden: 8192, heads: 64, kv_heads: 8,
    intermediate: 28672, max_context: 8192, match: "llama-?3-70b" }),
  def({ ...L3, id: "llama-3.1-8b", name: "Llama 3.1 8B", params_b: 8.03, layers: 32, hidden: 4096, heads: 32, kv_heads: 8,
    intermediate: 14336, max_context: 131072, match: "llama-?3\\.1-8b", alias: "llama-8b" }),
  def({ ...L3, id: "llama-3.1-70b", name: "Llama 3.1 70B", params_b: 70.55, layers: 80, hidden: 8192, heads: 64, kv_heads: 8,
    intermediate: 28672, max_context: 131072, match: "llama-?3\\.1-70b" }),
  def({ ...L3, id: "llama-3.1-405b", name: "Llama 3.1 405B", params_b: 405.9, layers: 126, hidden: 16384, heads: 128,
    kv_heads: 8, intermediate: 53248, max_context: 131072, match: "llama-?3\\.1-405b", alias: "llama-?3?-405b" }),
  // Llama 3.2 text (tied embeddings) and vision (40 / 100 layers incl. cross-attention layers)
  def({ ...L3, id: "llama-3.2-1b", name: "Llama 3.2 1B", params_b: 1.24, layers: 16, hidden: 2048, heads: 32, kv_heads: 8,
    head_dim: 64, intermediate: 8192, tied_embeddings: true, max_context: 131072, match: "llama-?3\\.2-1b", alias: "llama-1b" }),
  def({ ...L3, id: "llama-3.2-3b", name: "Llama 3.2 3B", params_b: 3.21, layers: 28, hidden: 3072, heads: 24, kv_heads: 8,
    intermediate: 8192, tied_embeddings: true, max_context: 131072, match: "llama-?3\\.2-3b", alias: "llama-3b" }),
  def({ ...L3, id: "llama-3.2-11b-vision", name: "Llama 3.2 11B Vision", params_b: 10.67, layers: 40, hidden: 4096,
    heads: 32, kv_heads: 8, intermediate: 14336, max_context: 131072, match: "llama-?3\\.2-11b", alias: "llama-11b",
    notes: ["8 of the 40 layers are cross-attention layers over image tokens; all 40 are counted for KV (upper bound)."] }),
  def({ ...L3, id: "llama-3.2-90b-vision", name: "Llama 3.2 90B Vision", params_b: 88.6, layers: 100, hidden: 8192,
    heads: 64, kv_heads: 8, intermediate: 28672, max_context: 131072, match: "llama-?3\\.2-90b", alias: "llama-90b",
    notes: ["20 of the 100 layers are cross-attention layers over image tokens; all 100 are counted for KV (upper bound)."] }),
  def({ ...L3, id: "llama-3.3-70b", name: "Llama 3.3 70B", params_b: 70.55, layers: 80, hidden: 8192, heads: 64, kv_heads: 8,
    intermediate: 28672, max_context: 131072, match: "llama-?3\\.3-70b", alias: "llama-70b" }),
  // Llama 4 (MoE). Intermediate = expert width.
  def({ ...L3, id: "llama-4-scout", name: "Llama 4 Scout 17B-16E", params_b: 109, active_params_b: 17, layers: 48,
    hidden: 5120, heads: 40, kv_heads: 8, intermediate: 8192, vocab: 202048, max_context: 10485760,
    moe: { experts: 16, active: 1 }, match: "llama-?4-scout(-17b(-16e)?)?",
    local_attention: "3 of every 4 layers use chunked attention (8,192-token chunks)" }),
  def({ ...L3, id: "llama-4-maverick", name: "Llama 4 Maverick 17B-128E", params_b: 400, active_params_b: 17, layers: 48,
    hidden: 5120, heads: 40, kv_heads: 8, intermediate: 8192, vocab: 202048, max_context: 1048576,
    moe: { experts: 128, active: 1 }, match: "llama-?4-maverick(-17b(-128e)?)?",
    local_attention: "3 of every 4 layers use chunked attention (8,192-token chunks)" }),
  // Code Llama (Llama 2 architecture, 16k context; 34B uses GQA-8)
  def({ ...CL, id: "codellama-7b", name: "Code Llama 7B", params_b: 6.74, layers: 32, hidden: 4096, heads: 32, kv_heads: 32,
    intermediate: 11008, match: "code-?llama-7b" }),
  def({ ...CL, id: "codellama-13b", name: "Code Llama 13B", params_b: 13.0, layers: 40, hidden: 5120, heads: 40,
    kv_heads: 40, intermediate: 13824, match: "code-?llama-13b" }),
  def({ ...CL, id: "codellama-34b", name: "Code Llama 34B", params_b: 33.7, layers: 48, hidden: 8192, heads: 64, kv_heads: 8,
    intermediate: 22016, vocab: 32000, match: "code-?llama-34b" }),
  def({ ...CL, id: "codellama-70b", name: "Code Llama 70B", params_b: 69.0, layers: 80, hidden: 8192, heads: 64, kv_heads: 8,
    intermediate: 28672, match: "code-?llama-70b" }),
  // Mistral / Mixtral
  def({ id: "mistral-7b", name: "Mistral 7B (v0.1–v0.3)", family: "mistral", params_b: 7.25, layers: 32, hidden: 4096,
    heads: 32, kv_heads: 8, head_dim: 128, intermediate: 14336, vocab: 32768, max_context: 32768, match: "mistral-7b",
    local_attention: "v0.1 uses a 4,096-token sliding window" }),
  def({ id: "mistral-nemo-12b", name: "Mistral NeMo 12B", family: "mistral", params_b: 12.2, layers: 40, hidden: 5120,
    heads: 32, kv_heads: 8, head_dim: 128, intermediate: 14336, vocab: 131072, max_context: 131072,
    match: "mistral-nemo(-[a-z]+)*(-12b)?|mistral-12b" }),
  def({ id: "mistral-small-24b", name: "Mistral Small 3 24B", family: "mistral", params_b: 23.6, layers: 40, hidden: 5120,
    heads: 32, kv_heads: 8, head_dim: 128, intermediate: 32768, vocab: 131072, max_context: 32768,
    match: "mistral-small(-3(\\.[12])?)?-24b|mistral-24b" }),
  def({ id: "mistral-large-123b", name: "Mistral Large 2 123B", family: "mistral", params_b: 122.6, layers: 88, hidden: 12288,
    heads: 96, kv_heads: 8, head_dim: 128, intermediate: 28672, vocab: 32768, max_context: 131072,
    match: "mistral-large(-instruct)?(-2(40|41)[0-9])?|mistral-123b" }),
  def({ id: "mixtral-8x7b", name: "Mixtral 8x7B", family: "mixtral", params_b: 46.7, active_params_b: 12.9, layers: 32,
    hidden: 4096, heads: 32, kv_heads: 8, head_dim: 128, intermediate: 14336, vocab: 32000, max_context: 32768,
    moe: { experts: 8, active: 2 }, match: "mixtral-?8x7b" }),
  def({ id: "mixtral-8x22b", name: "Mixtral 8x22B", family: "mixtral", params_b: 140.6, active_params_b: 39.1, layers: 56,
    hidden: 6144, heads: 48, kv_heads: 8, head_dim: 128, intermediate: 16384, vocab: 32768, max_context: 65536,
    moe: { experts: 8, active: 2 }, match: "mixtral-?8x22b" }),
];
