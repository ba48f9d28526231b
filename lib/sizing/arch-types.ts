import type { Precision } from "./types";

/**
 * One decoder-only transformer architecture, with the numbers from its published config.json.
 * `params_b` is the TOTAL parameter count (all experts for MoE); `active_params_b` is per token.
 */
export interface Architecture {
  id: string;
  name: string;
  family: string;
  params_b: number;
  active_params_b?: number;
  layers: number;
  hidden: number;
  heads: number;
  kv_heads: number;
  head_dim: number;
  /** MLP width (per expert for MoE). */
  intermediate: number;
  vocab: number;
  tied_embeddings?: boolean;
  /** Override for embedding + LM-head params (billions); default vocab × hidden × (tied ? 1 : 2). */
  embedding_params_b?: number;
  /** "plain" = 2-matrix MLP (Phi-2, Falcon); default gated (SwiGLU/GeGLU, 3 matrices). */
  mlp?: "gated" | "plain";
  /** Native (trained/published) context window in tokens. */
  max_context: number;
  /** Multi-head latent attention (DeepSeek V2/V3): the cache holds one compressed latent. */
  mla?: { kv_lora_rank: number; rope_dim: number };
  moe?: { experts: number; active: number };
  /** Checkpoint published already quantized (GPT-OSS MXFP4, DeepSeek-V3 FP8). */
  native?: { precision: Precision; quantized_params_b: number; bits: number; label: string };
  /** Sliding-window / chunked attention on some layers (our KV figure is then an upper bound). */
  local_attention?: string;
  /** Matches the normalized name (see normalizeModelName) when the version is explicit. */
  match: RegExp;
  /** Version-less match ("llama-70b") that resolves to this, the newest such model. */
  alias?: RegExp;
  notes?: string[];
}

export type ArchInput = Omit<Architecture, "match" | "alias"> & { match: string; alias?: string };

/**
 * Name patterns are matched against the normalized name (lower-case, last path segment, spaces /
 * underscores / colons → "-"). A pattern must not be preceded by a letter or digit ("codellama"
 * does not match "llama") nor followed by a digit or dot ("qwen2-7b" does not match "qwen2-72b").
 */
export const nameRx = (src: string): RegExp => new RegExp(`(?<![a-z0-9])(?:${src})(?![0-9.])`);

export const def = (a: ArchInput): Architecture => ({
  ...a,
  match: nameRx(a.match),
  alias: a.alias ? nameRx(a.alias) : undefined,
});
