/**
 * Model architecture → the oldest vLLM release that serves it, each row with its source (the vLLM
 * release notes that announced support). Architectures not listed are served by every release since
 * VLLM_BASELINE. The image we recommend is the newer of the two, so the tag always supports the model.
 */

export interface EngineVersionRule {
  /** Architecture ids (lib/sizing architecture table) this row covers. */
  match: RegExp;
  architecture: string;
  /** Oldest vLLM version (without the "v") that supports it. */
  minVersion: string;
  source: string;
}

/** The release recommended for everything not listed below (V1 engine on by default). */
export const VLLM_BASELINE = { version: "0.9.2", source: "https://github.com/vllm-project/vllm/releases/tag/v0.9.2" } as const;

export const VLLM_MIN_VERSIONS: readonly EngineVersionRule[] = [
  { match: /^gpt-oss/, architecture: "GptOssForCausalLM (gpt-oss, MXFP4 MoE)", minVersion: "0.10.1", source: "https://github.com/vllm-project/vllm/releases/tag/v0.10.1 (gpt-oss support)" },
  { match: /^qwen3/, architecture: "Qwen3ForCausalLM / Qwen3MoeForCausalLM", minVersion: "0.8.5", source: "https://github.com/vllm-project/vllm/releases/tag/v0.8.5 (Qwen3 and Qwen3MoE)" },
  { match: /^llama-4/, architecture: "Llama4ForConditionalGeneration (Scout, Maverick)", minVersion: "0.8.3", source: "https://github.com/vllm-project/vllm/releases/tag/v0.8.3 (Llama 4)" },
  { match: /^gemma-3/, architecture: "Gemma3ForCausalLM / Gemma3ForConditionalGeneration", minVersion: "0.8.0", source: "https://github.com/vllm-project/vllm/releases/tag/v0.8.0 (Gemma 3)" },
  { match: /^deepseek-v3/, architecture: "DeepseekV3ForCausalLM (DeepSeek-V3, R1)", minVersion: "0.6.6", source: "https://github.com/vllm-project/vllm/releases/tag/v0.6.6 (DeepSeek-V3)" },
  { match: /^gemma-2/, architecture: "Gemma2ForCausalLM", minVersion: "0.5.1", source: "https://github.com/vllm-project/vllm/releases/tag/v0.5.1 (Gemma 2)" },
  { match: /^(llama-3\.[123]|r1-distill-llama)/, architecture: "LlamaForCausalLM with llama3 RoPE scaling (Llama 3.1–3.3)", minVersion: "0.5.3.post1", source: "https://github.com/vllm-project/vllm/releases/tag/v0.5.3.post1 (Llama 3.1)" },
];

/** Compare dotted versions ("0.10.1" > "0.9.2"; "0.5.3.post1" > "0.5.3"). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, "").split(/[.]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p.startsWith("post") ? Number(p.slice(4)) / 1000 : 0));
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The rule for an architecture id, or null when every release since the baseline serves it. */
export function vllmRuleFor(archId: string | null | undefined): EngineVersionRule | null {
  return archId ? (VLLM_MIN_VERSIONS.find((r) => r.match.test(archId)) ?? null) : null;
}

/** The vLLM version to deploy for an architecture: the newer of its minimum and the baseline. */
export function vllmVersionFor(archId: string | null | undefined): string {
  const rule = vllmRuleFor(archId);
  return rule && compareVersions(rule.minVersion, VLLM_BASELINE.version) > 0 ? rule.minVersion : VLLM_BASELINE.version;
}

export function vllmImageFor(archId: string | null | undefined): string {
  return `vllm/vllm-openai:v${vllmVersionFor(archId)}`;
}
