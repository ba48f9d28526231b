/**
 * CPU-only serving and batch jobs: vCPUs, RAM and replicas for a model run without a GPU, and whether
 * that is reasonable at all.
 *
 * Compute: a transformer forward pass costs ≈ 2 × parameters FLOPs per token (Kaplan et al. 2020,
 * "Scaling Laws for Neural Language Models", §2.1: C_forward ≈ 2N). Counting every parameter (embedding
 * tables included) over-counts for small encoders, e.g. all-MiniLM-L6-v2 has 11.7M of its 22.7M parameters
 * in the token-embedding table, so the vCPU counts err on the safe side.
 *
 * Sustained CPU throughput: 30 GFLOP/s per vCPU (hardware thread), measured with llama.cpp in fp32:
 * llama.cpp PR #10714 ("more perfo with llamafile tinyblas on x86_64") reports LLaMA 7B all-F32 prompt
 * processing pp512 = 72.10 tokens/s on 32 threads before the change: 2 × 6.74e9 × 72.10 / 32 = 30.4 GFLOP/s
 * per thread (6.74B parameters: LLaMA paper, Touvron et al. 2023). Rounded down to 30.
 *
 * LLM decoding is memory-bandwidth bound: tokens/s of one stream ≈ memory bandwidth / bytes of weights
 * (vLLM issue #7379, maintainer's "speed-of-light" rule). Bandwidth per vCPU: 2.0 GB/s, from llama.cpp
 * issue #34 (GCP c3-highcpu-44, Llama-2 7B Q4_K_M, 4.08 GB file: 21.59 tokens/s → 88 GB/s over 44 vCPUs).
 */
import { WEIGHT_BYTES, type Precision } from "./types";

export type CpuServingKind = "embeddings" | "reranker" | "classifier" | "llm" | "vision" | "speech" | "other";

export interface CpuServingInput {
  kind: CpuServingKind;
  /** Parameters in billions (all-MiniLM-L6-v2: 0.0227). */
  params_b: number;
  requests_per_second?: number;
  /** Tokens processed per request (LLM: prompt + output). */
  tokens_per_request?: number;
  /** Batch: items to process. */
  items?: number;
  /** Batch deadline in hours. */
  hours?: number;
  /** Weight precision on CPU (default fp32; LLMs default to int4 as llama.cpp / Ollama run them). */
  precision?: Precision;
}

export interface CpuServingSizing {
  /** vCPUs of one replica. */
  vcpus: number;
  /** RAM of one replica, GB. */
  memory_gb: number;
  replicas: number;
  total_vcpus: number;
  /** Throughput of one vCPU in `unit`. */
  per_core_throughput: number;
  unit: string;
  /** Requests (or items) per second planned for. */
  rate_per_second: number;
  basis: string[];
  defaults: string[];
}

export const SUSTAINED_GFLOPS_PER_VCPU = 30;
export const MEMORY_BANDWIDTH_GBPS_PER_VCPU = 2.0;
/** Plan CPUs at 70% utilisation (stated default headroom for bursts and tokenisation). */
export const CPU_TARGET_UTILIZATION = 0.7;
/** One machine's worth: above this many vCPUs, add replicas (stated default). */
export const MAX_VCPUS_PER_REPLICA = 32;
/** Smallest serving replica (stated default: HTTP server, tokenizer and model threads). */
export const MIN_VCPUS = 2;
/** Runtime outside the weights: Python + framework + tokenizer (stated default), GB. */
export const RUNTIME_OVERHEAD_GB = 1;
/** Activations / buffers / KV cache allowance on top of the weights (stated default). */
export const ACTIVATION_ALLOWANCE = 0.2;
/** A "trickle": one request every 10 s (stated threshold for large LLMs on CPU). */
export const TRICKLE_RPS = 0.1;
/** Below this single-stream speed an interactive LLM feels broken (stated threshold, ≈ reading speed). */
export const MIN_INTERACTIVE_TOKENS_PER_S = 5;
/** Above this many replicas a GPU serves the load more cheaply (stated threshold). */
export const MAX_REASONABLE_REPLICAS = 4;
/** Longest acceptable single-request latency for online serving (stated threshold), seconds. */
export const MAX_ONLINE_LATENCY_S = 10;

/** Tokens per request when none is given, with why. */
export const DEFAULT_TOKENS: Readonly<Record<CpuServingKind, { tokens: number; why: string }>> = {
  embeddings: { tokens: 256, why: "256 tokens, an average RAG document chunk (HF blog 'CPU Optimized Embeddings with Optimum Intel and fastRAG')" },
  classifier: { tokens: 64, why: "64 tokens, a short text to classify (a review, a message; SST-2 sentences average about 20 words) (stated default)" },
  reranker: { tokens: 2560, why: "10 (query, passage) pairs of 256 tokens per request (stated default)" },
  llm: { tokens: 512, why: "512 tokens of prompt + output per request (stated default)" },
  vision: { tokens: 197, why: "197 tokens, a ViT-B/16 image at 224×224 (14×14 patches + CLS, Dosovitskiy et al. 2021)" },
  speech: { tokens: 1500, why: "1500 encoder positions, 30 s of audio for Whisper (Radford et al. 2022)" },
  other: { tokens: 256, why: "256 tokens per request (stated default)" },
};

const DEFAULT_BATCH_HOURS = 8;
const DEFAULT_RPS = 1;

const pos = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;
const r2 = (x: number): number => (x >= 10 ? Math.round(x * 10) / 10 : Math.round(x * 1000) / 1000);

interface Resolved {
  params: number;
  tokens: number;
  rate: number;
  precision: Precision;
  bytesPerParam: number;
  isLlm: boolean;
  flopsPerRequest: number;
}

function resolve(input: CpuServingInput, basis: string[], defaults: string[]): Resolved {
  const kind: CpuServingKind = DEFAULT_TOKENS[input.kind] ? input.kind : "other";
  const isLlm = kind === "llm";
  let params = input.params_b;
  if (!pos(params)) {
    params = 0.1;
    defaults.push(`No valid parameter count given (${String(input.params_b)}): sized for a 0.1B model.`);
  }
  let tokens = input.tokens_per_request;
  if (!pos(tokens)) {
    tokens = DEFAULT_TOKENS[kind].tokens;
    defaults.push(`No tokens per request given: ${DEFAULT_TOKENS[kind].why}.`);
  }
  const precision: Precision = input.precision && WEIGHT_BYTES[input.precision] ? input.precision : isLlm ? "int4" : "fp32";
  if (!input.precision) {
    defaults.push(isLlm
      ? "No precision given: int4 weights (Q4_K_M, the default quantization of Ollama model tags and common llama.cpp GGUFs)."
      : "No precision given: fp32 weights (4 B per parameter), the CPU default in PyTorch / ONNX Runtime.");
  }
  let rate = 0;
  const online = pos(input.requests_per_second) ? input.requests_per_second : 0;
  let batch = 0;
  if (pos(input.items)) {
    let hours = input.hours;
    if (!pos(hours)) {
      hours = DEFAULT_BATCH_HOURS;
      defaults.push(`No batch deadline given: ${DEFAULT_BATCH_HOURS} hours (overnight run, stated default).`);
    }
    batch = input.items / (hours * 3600);
    basis.push(`Batch rate = ${input.items} items / (${hours} h × 3600 s) = ${r2(batch)} items/s.`);
  }
  rate = Math.max(online, batch);
  if (online > 0 && batch > 0) basis.push(`Planned for the larger of ${online} requests/s online and ${r2(batch)} items/s batch.`);
  if (rate === 0) {
    rate = DEFAULT_RPS;
    defaults.push(`No request rate or batch size given: sized for ${DEFAULT_RPS} request/s.`);
  }
  const flopsPerRequest = 2 * params * 1e9 * tokens;
  return { params, tokens, rate, precision, bytesPerParam: WEIGHT_BYTES[precision], isLlm, flopsPerRequest };
}

/** Size CPU-only serving (online `requests_per_second`) or a batch job (`items` within `hours`). */
export function cpuServingSize(input: CpuServingInput): CpuServingSizing {
  const basis: string[] = [];
  const defaults: string[] = [];
  const r = resolve(input, basis, defaults);
  const flopsPerToken = 2 * r.params * 1e9;
  let perCore: number;
  let unit: string;
  let needed: number;
  if (r.isLlm) {
    perCore = (SUSTAINED_GFLOPS_PER_VCPU * 1e9) / flopsPerToken;
    unit = "tokens/s per vCPU";
    needed = r.rate * r.tokens;
    basis.push(
      `LLM throughput per vCPU = ${SUSTAINED_GFLOPS_PER_VCPU} GFLOP/s / (2 × ${r.params}B params) = ${r2(perCore)} tokens/s ` +
        `(compute bound, assumes continuous batching; llama.cpp fp32 measurement).`,
    );
    basis.push(`Tokens/s needed = ${r2(r.rate)} requests/s × ${r.tokens} tokens = ${r2(needed)}.`);
  } else {
    perCore = (SUSTAINED_GFLOPS_PER_VCPU * 1e9) / r.flopsPerRequest;
    unit = "requests/s per vCPU";
    needed = r.rate;
    basis.push(
      `FLOPs per request = 2 × ${r.params}B params × ${r.tokens} tokens = ${r2(r.flopsPerRequest / 1e9)} GFLOP; ` +
        `at ${SUSTAINED_GFLOPS_PER_VCPU} GFLOP/s per vCPU (llama.cpp fp32 measurement) = ${r2(perCore)} requests/s per vCPU.`,
    );
  }
  const exact = needed / (perCore * CPU_TARGET_UTILIZATION);
  const totalVcpus = Math.max(MIN_VCPUS, Math.ceil(exact - 1e-9));
  basis.push(
    `vCPUs = ceil(${r2(needed)} / (${r2(perCore)} × ${CPU_TARGET_UTILIZATION * 100}% target utilisation)) = ${totalVcpus}` +
      (totalVcpus === MIN_VCPUS && exact < MIN_VCPUS ? ` (minimum ${MIN_VCPUS} per replica)` : "") + ".",
  );
  const replicas = Math.max(1, Math.ceil(totalVcpus / MAX_VCPUS_PER_REPLICA));
  const vcpus = Math.ceil(totalVcpus / replicas);
  if (replicas > 1) basis.push(`Replicas = ceil(${totalVcpus} / ${MAX_VCPUS_PER_REPLICA} vCPUs per machine) = ${replicas}, ${vcpus} vCPUs each.`);

  const weightsGb = r.params * r.bytesPerParam;
  const memory_gb = Math.max(1, Math.ceil(weightsGb * (1 + ACTIVATION_ALLOWANCE) + RUNTIME_OVERHEAD_GB));
  basis.push(
    `RAM per replica = ${r2(weightsGb)} GB weights (${r.params}B × ${r.bytesPerParam} B, ${r.precision}) × ${1 + ACTIVATION_ALLOWANCE} ` +
      `(activations / buffers) + ${RUNTIME_OVERHEAD_GB} GB runtime = ${memory_gb} GB (each replica holds its own copy).`,
  );
  return {
    vcpus, memory_gb, replicas, total_vcpus: vcpus * replicas, per_core_throughput: r2(perCore), unit,
    rate_per_second: r2(r.rate), basis, defaults,
  };
}

export interface CpuServingVerdict {
  reasonable: boolean;
  reason: string | null;
  /** LLMs: decode speed of one stream on one replica (bandwidth bound). */
  single_stream_tokens_per_s: number | null;
  /** Non-LLMs: time for one request on one replica, seconds. */
  request_latency_s: number | null;
}

/** Whether CPU-only serving is reasonable for this load, and why not, so the plan can warn. */
export function cpuServingReasonable(input: CpuServingInput): CpuServingVerdict {
  const sizing = cpuServingSize(input);
  const r = resolve(input, [], []);
  const reasons: string[] = [];
  let single: number | null = null;
  let latency: number | null = null;
  if (r.isLlm) {
    const weightsGb = r.params * r.bytesPerParam;
    single = r2((MEMORY_BANDWIDTH_GBPS_PER_VCPU * sizing.vcpus) / weightsGb);
    if (r.params > 8 && r.rate > TRICKLE_RPS) {
      reasons.push(`a ${r.params}B LLM on CPU serves no more than a trickle (≤ ${TRICKLE_RPS} requests/s); ${r2(r.rate)} requests/s needs a GPU`);
    }
    if (single < MIN_INTERACTIVE_TOKENS_PER_S) {
      reasons.push(
        `one stream decodes at ≈ ${single} tokens/s (${MEMORY_BANDWIDTH_GBPS_PER_VCPU} GB/s × ${sizing.vcpus} vCPUs / ${r2(weightsGb)} GB of weights), ` +
          `below ${MIN_INTERACTIVE_TOKENS_PER_S} tokens/s`,
      );
    }
  } else {
    latency = r2(r.flopsPerRequest / (sizing.vcpus * SUSTAINED_GFLOPS_PER_VCPU * 1e9));
    if (pos(input.requests_per_second) && latency > MAX_ONLINE_LATENCY_S) {
      reasons.push(`one request takes ≈ ${latency} s on ${sizing.vcpus} vCPUs, over ${MAX_ONLINE_LATENCY_S} s for online serving`);
    }
  }
  if (sizing.replicas > MAX_REASONABLE_REPLICAS) {
    reasons.push(`it needs ${sizing.replicas} × ${sizing.vcpus} vCPU replicas (${sizing.total_vcpus} vCPUs); a GPU serves this more cheaply`);
  }
  return {
    reasonable: reasons.length === 0,
    reason: reasons.length ? `CPU-only serving is not reasonable: ${reasons.join("; ")}.` : null,
    single_stream_tokens_per_s: single,
    request_latency_s: latency,
  };
}
