/**
 * Phi, DeepSeek (V2/V3/R1 + R1 distills + Coder), Falcon, GPT-OSS, Yi — from each config.json.
 *
 * DeepSeek V2/V3/R1 use multi-head latent attention (MLA): per token and layer the cache holds one
 * compressed latent of kv_lora_rank (512) + the decoupled RoPE key (64) = 576 values, shared by
 * all 128 heads, instead of K and V per head. We size it that way, which is what MLA-aware engines
 * (vLLM ≥ 0.7, SGLang) allocate. An engine that decompresses MLA to ordinary per-head K/V caches
 * 128 × (192 + 128) = 40,960 values per layer, about 71× more.
 */
import { def, type ArchInput, type Architecture } from "./arch-types";

const MLA = { kv_lora_rank: 512, rope_dim: 64 };
const DS3 = {
  family: "deepseek", params_b: 671, active_params_b: 37, layers: 61, hidden: 7168, heads: 128, kv_heads: 1, head_dim: 576,
  intermediate: 2048, vocab: 129280, max_context: 163840, mla: MLA, moe: { experts: 256, active: 8 },
  native: { precision: "fp8", quantized_params_b: 669.1, bits: 8, label: "FP8 (e4m3, 128×128 block scales) with bf16 embeddings" },
  notes: ["The published checkpoint is FP8 (685B incl. the 14B multi-token-prediction module, which serving does not load)."],
} satisfies Partial<ArchInput>;
const R1D = { family: "deepseek", max_context: 131072 } as const;

export const OTHERS: Architecture[] = [
  // Phi
  def({ id: "phi-2", name: "Phi-2", family: "phi", params_b: 2.78, layers: 32, hidden: 2560, heads: 32, kv_heads: 32, head_dim: 80,
    intermediate: 10240, vocab: 51200, mlp: "plain", max_context: 2048, match: "phi-?2" }),
  def({ id: "phi-3-mini", name: "Phi-3 mini 3.8B", family: "phi", params_b: 3.82, layers: 32, hidden: 3072, heads: 32,
    kv_heads: 32, head_dim: 96, intermediate: 8192, vocab: 32064, max_context: 4096, match: "phi-?3-mini(-4k)?",
    alias: "phi-?3" }),
  def({ id: "phi-3-mini-128k", name: "Phi-3 mini 128k 3.8B", family: "phi", params_b: 3.82, layers: 32, hidden: 3072,
    heads: 32, kv_heads: 32, head_dim: 96, intermediate: 8192, vocab: 32064, max_context: 131072, match: "phi-?3-mini-128k" }),
  def({ id: "phi-3-small", name: "Phi-3 small 7B", family: "phi", params_b: 7.39, layers: 32, hidden: 4096, heads: 32,
    kv_heads: 8, head_dim: 128, intermediate: 14336, vocab: 100352, max_context: 8192, match: "phi-?3-small" }),
  def({ id: "phi-3-medium", name: "Phi-3 medium 14B", family: "phi", params_b: 14.0, layers: 40, hidden: 5120, heads: 40,
    kv_heads: 10, head_dim: 128, intermediate: 17920, vocab: 32064, max_context: 4096, match: "phi-?3-medium" }),
  def({ id: "phi-3.5-mini", name: "Phi-3.5 mini 3.8B", family: "phi", params_b: 3.82, layers: 32, hidden: 3072, heads: 32,
    kv_heads: 32, head_dim: 96, intermediate: 8192, vocab: 32064, max_context: 131072, match: "phi-?3\\.5-mini",
    alias: "phi-?3\\.5" }),
  def({ id: "phi-3.5-moe", name: "Phi-3.5 MoE 16x3.8B", family: "phi", params_b: 41.9, active_params_b: 6.6, layers: 32,
    hidden: 4096, heads: 32, kv_heads: 8, head_dim: 128, intermediate: 6400, vocab: 32064, max_context: 131072,
    moe: { experts: 16, active: 2 }, match: "phi-?3\\.5-moe" }),
  def({ id: "phi-4", name: "Phi-4 14B", family: "phi", params_b: 14.7, layers: 40, hidden: 5120, heads: 40, kv_heads: 10,
    head_dim: 128, intermediate: 17920, vocab: 100352, max_context: 16384, match: "phi-?4(-reasoning(-plus)?)?" }),
  def({ id: "phi-4-mini", name: "Phi-4 mini 3.8B", family: "phi", params_b: 3.84, layers: 32, hidden: 3072, heads: 24,
    kv_heads: 8, head_dim: 128, intermediate: 8192, vocab: 200064, tied_embeddings: true, max_context: 131072,
    match: "phi-?4-mini" }),
  // DeepSeek (MLA: kv_heads 1 × head_dim 576 stands for the 512 + 64 latent, cached once, not as K and V)
  def({ ...DS3, id: "deepseek-v3", name: "DeepSeek-V3 / R1 671B", match: "deepseek-?(v3(\\.[12])?|r1)(?!-distill)",
    alias: "deepseek-671b" }),
  def({ id: "deepseek-v2", name: "DeepSeek-V2 / V2.5 236B", family: "deepseek", params_b: 236, active_params_b: 21,
    layers: 60, hidden: 5120, heads: 128, kv_heads: 1, head_dim: 576, intermediate: 1536, vocab: 102400,
    max_context: 131072, mla: MLA, moe: { experts: 160, active: 6 }, match: "deepseek-(coder-)?v2(\\.5)?" }),
  def({ id: "deepseek-v2-lite", name: "DeepSeek-V2-Lite 16B", family: "deepseek", params_b: 15.7, active_params_b: 2.4,
    layers: 27, hidden: 2048, heads: 16, kv_heads: 1, head_dim: 576, intermediate: 1408, vocab: 102400,
    max_context: 32768, mla: MLA, moe: { experts: 64, active: 6 }, match: "deepseek-(coder-)?v2-lite" }),
  def({ ...R1D, id: "r1-distill-qwen-1.5b", name: "DeepSeek-R1-Distill-Qwen-1.5B", params_b: 1.78, layers: 28, hidden: 1536,
    heads: 12, kv_heads: 2, head_dim: 128, intermediate: 8960, vocab: 151936, match: "deepseek-r1-distill-qwen-1\\.5b" }),
  def({ ...R1D, id: "r1-distill-qwen-7b", name: "DeepSeek-R1-Distill-Qwen-7B", params_b: 7.62, layers: 28, hidden: 3584,
    heads: 28, kv_heads: 4, head_dim: 128, intermediate: 18944, vocab: 152064, match: "deepseek-r1-distill-qwen-7b" }),
  def({ ...R1D, id: "r1-distill-qwen-14b", name: "DeepSeek-R1-Distill-Qwen-14B", params_b: 14.8, layers: 48, hidden: 5120,
    heads: 40, kv_heads: 8, head_dim: 128, intermediate: 13824, vocab: 152064, match: "deepseek-r1-distill-qwen-14b" }),
  def({ ...R1D, id: "r1-distill-qwen-32b", name: "DeepSeek-R1-Distill-Qwen-32B", params_b: 32.8, layers: 64, hidden: 5120,
    heads: 40, kv_heads: 8, head_dim: 128, intermediate: 27648, vocab: 152064, match: "deepseek-r1-distill-qwen-32b" }),
  def({ ...R1D, id: "r1-distill-llama-8b", name: "DeepSeek-R1-Distill-Llama-8B", params_b: 8.03, layers: 32, hidden: 4096,
    heads: 32, kv_heads: 8, head_dim: 128, intermediate: 14336, vocab: 128256, match: "deepseek-r1-distill-llama-8b" }),
  def({ ...R1D, id: "r1-distill-llama-70b", name: "DeepSeek-R1-Distill-Llama-70B", params_b: 70.55, layers: 80,
    hidden: 8192, heads: 64, kv_heads: 8, head_dim: 128, intermediate: 28672, vocab: 128256,
    match: "deepseek-r1-distill-llama-70b" }),
  def({ id: "deepseek-coder-6.7b", name: "DeepSeek-Coder 6.7B", family: "deepseek", params_b: 6.74, layers: 32, hidden: 4096,
    heads: 32, kv_heads: 32, head_dim: 128, intermediate: 11008, vocab: 32256, max_context: 16384,
    match: "deepseek-coder-6\\.7b" }),
  def({ id: "deepseek-coder-33b", name: "DeepSeek-Coder 33B", family: "deepseek", params_b: 33.3, layers: 62, hidden: 7168,
    heads: 56, kv_heads: 8, head_dim: 128, intermediate: 19200, vocab: 32256, max_context: 16384,
    match: "deepseek-coder-33b" }),
  // Falcon (7B multi-query; 40B/180B GQA-8; plain 4h MLP; 2k context)
  def({ id: "falcon-7b", name: "Falcon 7B", family: "falcon", params_b: 7.22, layers: 32, hidden: 4544, heads: 71, kv_heads: 1,
    head_dim: 64, intermediate: 18176, vocab: 65024, mlp: "plain", max_context: 2048, match: "falcon-7b" }),
  def({ id: "falcon-40b", name: "Falcon 40B", family: "falcon", params_b: 41.8, layers: 60, hidden: 8192, heads: 128,
    kv_heads: 8, head_dim: 64, intermediate: 32768, vocab: 65024, mlp: "plain", max_context: 2048,
    match: "falcon-40b" }),
  def({ id: "falcon-180b", name: "Falcon 180B", family: "falcon", params_b: 179.5, layers: 80, hidden: 14848, heads: 232,
    kv_heads: 8, head_dim: 64, intermediate: 59392, vocab: 65024, mlp: "plain", max_context: 2048,
    match: "falcon-180b" }),
  // GPT-OSS: MoE experts published in MXFP4 (4-bit values + one 8-bit scale per 32 = 4.25 bits), the rest bf16.
  def({ id: "gpt-oss-20b", name: "GPT-OSS 20B", family: "gpt-oss", params_b: 20.9, active_params_b: 3.6, layers: 24,
    hidden: 2880, heads: 64, kv_heads: 8, head_dim: 64, intermediate: 2880, vocab: 201088, max_context: 131072,
    moe: { experts: 32, active: 4 }, match: "gpt-?oss-20b",
    native: { precision: "int4", quantized_params_b: 19.1, bits: 4.25, label: "MXFP4 experts + bf16 attention/embeddings" },
    local_attention: "every other layer uses a 128-token sliding window" }),
  def({ id: "gpt-oss-120b", name: "GPT-OSS 120B", family: "gpt-oss", params_b: 116.8, active_params_b: 5.1, layers: 36,
    hidden: 2880, heads: 64, kv_heads: 8, head_dim: 64, intermediate: 2880, vocab: 201088, max_context: 131072,
    moe: { experts: 128, active: 4 }, match: "gpt-?oss-120b",
    native: { precision: "int4", quantized_params_b: 114.7, bits: 4.25, label: "MXFP4 experts + bf16 attention/embeddings" },
    local_attention: "every other layer uses a 128-token sliding window" }),
  // Yi / Yi-1.5 (4k native context; the -200K variants extend it)
  def({ id: "yi-6b", name: "Yi 6B", family: "yi", params_b: 6.06, layers: 32, hidden: 4096, heads: 32, kv_heads: 4,
    head_dim: 128, intermediate: 11008, vocab: 64000, max_context: 4096, match: "yi-(1\\.5-)?6b" }),
  def({ id: "yi-9b", name: "Yi 9B", family: "yi", params_b: 8.83, layers: 48, hidden: 4096, heads: 32, kv_heads: 4,
    head_dim: 128, intermediate: 11008, vocab: 64000, max_context: 4096, match: "yi-(1\\.5-)?9b" }),
  def({ id: "yi-34b", name: "Yi 34B", family: "yi", params_b: 34.4, layers: 60, hidden: 7168, heads: 56, kv_heads: 8,
    head_dim: 128, intermediate: 20480, vocab: 64000, max_context: 4096, match: "yi-(1\\.5-)?34b" }),
];
