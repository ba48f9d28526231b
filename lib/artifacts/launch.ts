/**
 * How the deployment is started on one machine, as argv lists: the container image and its
 * arguments (docker run, SkyPilot), or the training script. One source for run.sh and sky-task.yaml.
 */
import type { DeploymentContext } from "./context";
import { FALLBACK_VLLM_IMAGE, KSERVE_HF_IMAGE, OLLAMA_PORT, TEI_PORT, LLAMACPP_IMAGE, engineEndpoint, llamaCppArgs, ollamaModelRef, teiImage, vllmFlags } from "./engine-command";
import { trainingEnv, trainingScript, type TrainingTask } from "./training-command";

export interface Launch {
  image: string;
  /** Arguments after the image (the container's command line). */
  args: string[];
  /** Port the engine listens on inside the container (null for training). */
  port: number | null;
  env: Record<string, string>;
  /** For Ollama: the model pulled once the server is up. */
  pull?: string;
}

export function launchFor(c: DeploymentContext, task: TrainingTask | null, kserveVersion: string | null): Launch {
  const d = c.d;
  const model = d.model_id ?? "";
  if (task) return { image: "pytorch/pytorch:2.7.1-cuda12.6-cudnn9-runtime", args: ["bash", "-ec", trainingScript(d, task)], port: null, env: trainingEnv(d, task) };
  switch (d.engine) {
    case "vllm":
      return { image: d.engine_image ?? FALLBACK_VLLM_IMAGE, args: ["--model", model, ...vllmFlags(d)], port: engineEndpoint("vllm").port, env: {} };
    case "tei":
      return { image: teiImage(d.engine_image, c.gpuLimit), args: ["--model-id", model, "--port", String(TEI_PORT)], port: TEI_PORT, env: {} };
    case "llama.cpp":
      return {
        image: d.engine_image ?? (c.gpuLimit > 0 ? LLAMACPP_IMAGE.cuda : LLAMACPP_IMAGE.cpu),
        args: llamaCppArgs(model, c.gpuLimit),
        port: engineEndpoint("llama.cpp").port,
        env: { LLAMA_CACHE: "/root/.cache/huggingface/llama.cpp" }, // inside the mounted Hugging Face cache
      };
    case "ollama":
      return { image: d.engine_image ?? "ollama/ollama:latest", args: [], port: OLLAMA_PORT, env: {}, pull: model ? ollamaModelRef(model) : undefined };
    default: {
      const port = engineEndpoint(d.engine).port;
      return { image: `${KSERVE_HF_IMAGE}:${kserveVersion ?? "latest"}`, args: [`--model_name=${model.split("/").pop() ?? "model"}`, `--model_id=${model}`, `--http_port=${port}`], port, env: {} };
    }
  }
}
