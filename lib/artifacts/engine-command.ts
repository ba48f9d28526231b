/**
 * How each engine is started for a deployment: the image, the arguments and the health endpoint.
 * One source for the Helm values, the manifests, the SkyPilot task and the docker run, so every
 * file starts the same checkpoint with the same flags.
 */
import type { Deployment } from "@/lib/schemas/plan";

export const VLLM_PORT = 8000;
export const TEI_PORT = 80;
export const OLLAMA_PORT = 11434;
export const KSERVE_HF_PORT = 8080;
export const LLAMACPP_PORT = 8080;
/**
 * llama.cpp's server images (ggml-org/llama.cpp docs/docker.md): `server` for CPUs, `server-cuda` for
 * NVIDIA GPUs; `-hf <repo>` downloads a GGUF from Hugging Face into LLAMA_CACHE.
 */
export const LLAMACPP_IMAGE = { cpu: "ghcr.io/ggml-org/llama.cpp:server", cuda: "ghcr.io/ggml-org/llama.cpp:server-cuda" } as const;

/** `llama-server` arguments: the GGUF repo, listen on every interface, and all layers on the GPU when there is one. */
export function llamaCppArgs(modelId: string, gpus: number): string[] {
  return ["-hf", modelId, "--host", "0.0.0.0", "--port", String(LLAMACPP_PORT), ...(gpus > 0 ? ["--n-gpu-layers", "999"] : [])];
}
/** KServe's Hugging Face serving runtime; its tag follows the KServe chart version in the plan. */
export const KSERVE_HF_IMAGE = "kserve/huggingfaceserver";
/** The image a training or fine-tuning Job runs (PyTorch with CUDA 12). */
export const TRAINING_IMAGE = "pytorch/pytorch:2.7.1-cuda12.6-cudnn9-runtime";
export const FALLBACK_VLLM_IMAGE = "vllm/vllm-openai:latest";
/** text-embeddings-inference's image for CPUs (its README: `ghcr.io/huggingface/text-embeddings-inference:cpu-<version>`). */
export const TEI_CPU_IMAGE = "ghcr.io/huggingface/text-embeddings-inference:cpu-1.8";

/**
 * The TEI image to run: the plan's, or — on a CPU — the CPU build of the same TEI version (the GPU
 * images are tagged `<compute capability>-<version>`, e.g. `89-1.8`, and need CUDA).
 */
export function teiImage(engineImage: string | null, gpus: number): string {
  if (!engineImage) return TEI_CPU_IMAGE;
  if (gpus > 0) return engineImage;
  const { repository, tag } = splitImage(engineImage);
  if (tag.startsWith("cpu-")) return engineImage;
  const version = tag.match(/(?:^|-)(\d+\.\d+(?:\.\d+)?)$/)?.[1];
  return version ? `${repository}:cpu-${version}` : TEI_CPU_IMAGE;
}

/** vLLM's `--quantization` value for the deployed checkpoint (null: vLLM reads it from the checkpoint or none is needed). */
export function vllmQuantization(d: Pick<Deployment, "quantization" | "precision">): string | null {
  switch (d.quantization) {
    case "awq": return "awq";
    case "gptq": return "gptq";
    case "fp8": return "fp8";
    case "bnb-nf4": return "bitsandbytes";
    case "gguf": return "gguf";
    default:
      if (d.precision === "fp8") return "fp8"; // on-the-fly FP8 of a 16-bit checkpoint
      if (d.precision === "int4" || d.precision === "int8") return "bitsandbytes"; // in-flight bitsandbytes
      return null;
  }
}

/** vLLM's `--dtype` for the activations (quantized checkpoints compute in fp16/bf16). */
export function vllmDtype(d: Pick<Deployment, "precision" | "quantization">): string {
  if (d.precision === "fp16" || d.quantization === "awq" || d.quantization === "gptq") return "float16";
  if (d.precision === "fp32") return "float32";
  return "bfloat16";
}

/** `vllm serve` flags for the deployment (the model id is positional and not included). */
export function vllmFlags(d: Deployment): string[] {
  const flags = [
    "--tensor-parallel-size", String(d.tensor_parallel_size ?? 1),
    "--max-model-len", String(d.max_model_len ?? 4096),
    "--gpu-memory-utilization", String(d.gpu_memory_utilization ?? 0.9),
    "--dtype", vllmDtype(d),
  ];
  if (d.pipeline_parallel_size && d.pipeline_parallel_size > 1) flags.push("--pipeline-parallel-size", String(d.pipeline_parallel_size));
  const q = vllmQuantization(d);
  if (q) flags.push("--quantization", q);
  if (d.kv_cache_dtype && d.kv_cache_dtype !== "auto") flags.push("--kv-cache-dtype", d.kv_cache_dtype);
  return flags;
}

/** The flags the vLLM Helm values cannot carry as named fields (parallelism beyond TP, quantization, KV cache dtype). */
export function vllmExtraFlags(d: Deployment): string[] {
  const all = vllmFlags(d);
  const named = new Set(["--tensor-parallel-size", "--max-model-len", "--gpu-memory-utilization", "--dtype"]);
  const out: string[] = [];
  for (let i = 0; i < all.length; i += 2) if (!named.has(all[i])) out.push(all[i], all[i + 1]);
  return out;
}

/** Split "repo/name:tag" into repository and tag ("latest" when untagged). */
export function splitImage(image: string): { repository: string; tag: string } {
  const at = image.lastIndexOf(":");
  if (at > image.lastIndexOf("/")) return { repository: image.slice(0, at), tag: image.slice(at + 1) };
  return { repository: image, tag: "latest" };
}

/** Ollama pulls a Hugging Face GGUF repo as `hf.co/<repo>`; a plain Ollama tag is kept as is. */
export function ollamaModelRef(modelId: string): string {
  return modelId.includes("/") ? `hf.co/${modelId}` : modelId;
}

/** What a serving engine listens on and its health endpoint. */
export function engineEndpoint(engine: string): { port: number; health: string } {
  switch (engine) {
    case "vllm": return { port: VLLM_PORT, health: "/health" };
    case "tei": return { port: TEI_PORT, health: "/health" };
    case "ollama": return { port: OLLAMA_PORT, health: "/" };
    case "llama.cpp": return { port: LLAMACPP_PORT, health: "/health" };
    default: return { port: KSERVE_HF_PORT, health: "/v2/health/ready" };
  }
}

/** Shell-quote one word for bash (single quotes; safe for any text). */
export function shq(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
