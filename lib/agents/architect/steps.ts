import { gpuCountLabel } from "@/lib/gpu/slices";
import type { Deployment, PackageOption } from "@/lib/schemas/plan";
import type { ArchitectFacts, ChosenChart } from "./types";
import { nodeSteps } from "./stack-prose";

/** The catalog's install command pinned to the catalog's chart version. */
export function pinnedInstall(p: Pick<PackageOption, "install_command" | "version">): string {
  const cmd = p.install_command;
  if (!/^helm /.test(cmd) || /--version\b/.test(cmd) || !p.version) return cmd;
  return `${cmd} --version ${p.version}`;
}

const install = (c: ChosenChart) => `\`${pinnedInstall(c)}\``;

/**
 * Concrete deployment steps, derived from plan.deployments: the node pool for deployments[0], then
 * each component's charts (prerequisites first) and how the model runs on them. Only what was
 * chosen is named; the GPU Operator is optional (for clusters without NVIDIA drivers).
 */
export function planSteps(f: ArchitectFacts, deployments: Deployment[]): string[] {
  const s: string[] = [];
  const d = deployments[0];
  const top = f.compute.results[0];
  if (f.local.connected && f.local.fits) {
    s.push(`Run it on your local cluster first: it has ${f.local.total_free_gpus ?? 0} free GPU(s) that fit the workload (no cloud cost).`);
  }
  const gpuModel = !f.stack || f.stack.kind === "gpu_model";
  if (!gpuModel) s.push(...nodeSteps(f, false));
  if (top && d?.instance && gpuModel) {
    s.push(
      `Provision ${gpuCountLabel(top.gpu_count, top.gpu_model)} with ${top.provider} \`${top.instance_type}\` in ${top.region} ($${top.price_per_hour_usd}/h) as a GPU node pool of a Kubernetes cluster (managed Kubernetes, or k3s on the VM).`,
    );
  }
  if (gpuModel) s.push(...nodeSteps(f, true));
  if ((f.stack?.nodes.some((n) => n.role === "gpu") ?? !!top?.gpu_count) && f.gpuOperator) {
    s.push(`Optional, only if the GPU nodes have no NVIDIA driver (e.g. plain VMs with k3s): install the NVIDIA GPU Operator: ${install(f.gpuOperator)}`);
  }
  const ray = f.components.find((c) => c.component.component === "distributed");
  // Supporting services first (the Ray cluster a training job runs on, the vector DB a model feeds), then the model.
  const order = [...f.components.keys()].slice(1).concat(f.components.length ? [0] : []);
  for (const i of order) {
    const { component: c, charts } = f.components[i];
    const main = charts[charts.length - 1];
    for (const pre of charts.slice(0, -1)) s.push(`Install ${pre.name} (${pre.purpose}): ${install(pre)}`);
    if (i > 0 || !d) {
      if (main) s.push(`Install ${main.name} (${main.purpose}): ${install(main)}`);
      continue;
    }
    s.push(...runSteps(f, d, c.engine, main, !!ray));
  }
  for (const e of f.extraPackages) for (const p of e.result.results) s.push(`Install ${p.name} (${e.query.purpose}): \`${pinnedInstall(p)}\``);
  return s;
}

/** How the first deployment runs: the engine, the checkpoint and the layout found for it. */
function runSteps(f: ArchitectFacts, d: Deployment, engine: string, chart: ChosenChart | undefined, onRay: boolean): string[] {
  const model = d.model_id ?? f.spec.model?.name ?? f.extras.reference_model?.name ?? "your model";
  const gated = f.models.results.find((m) => m.id === d.model_id)?.gated ? " Set an HF token secret (the model is gated)." : "";
  const perReplica = `${d.gpus_per_replica} GPU${d.gpus_per_replica === 1 ? "" : "s"} per replica`;
  switch (engine) {
    case "vllm": {
      if (!chart) return [];
      const parallel = [`tensorParallelSize ${d.tensor_parallel_size ?? 1}`, ...(d.pipeline_parallel_size && d.pipeline_parallel_size > 1 ? [`pipelineParallelSize ${d.pipeline_parallel_size}`] : [])];
      return [
        `Serve \`${model}\` with the vLLM production stack: ${install(chart)} with servingEngineSpec.modelSpec: repository/tag \`${d.engine_image}\`, modelURL \`${model}\`, replicaCount ${d.replicas}, requestGPU ${d.gpus_per_replica}, vllmConfig ${parallel.join(", ")}, maxModelLen ${d.max_model_len}, gpuMemoryUtilization ${d.gpu_memory_utilization}.${gated}`,
      ];
    }
    case "ollama":
      return chart ? [`Serve \`${model}\` with Ollama: ${install(chart)} with ollama.gpu.enabled=true, ollama.gpu.number=${d.gpus_per_replica} and ollama.models.pull=[${model}].`] : [];
    case "tei":
      return [
        `Deploy text-embeddings-inference as a Deployment and Service (no chart): image \`${d.engine_image ?? "ghcr.io/huggingface/text-embeddings-inference"}\`, args \`--model-id ${model}\`, ${d.replicas} replica(s) with ${perReplica}${d.gpus_per_replica ? "" : " (CPU)"}.${gated}`,
      ];
    case "diffusers":
    case "pytorch":
      if (d.component === "training_job") {
        const method = f.spec.fine_tune_method ?? (f.spec.task === "fine_tuning" ? "lora" : "full");
        const what = f.spec.task === "training" ? "training" : `${method.toUpperCase()} fine-tuning`;
        const where = onRay ? "as a RayJob on the Ray cluster" : "as a Kubernetes Job";
        const sharding = d.gpus_per_replica > 1 ? ` (torchrun --nproc_per_node ${d.gpus_per_replica}, FSDP/ZeRO-3 sharding)` : "";
        const steps = [`Submit the ${what} job for \`${model}\` ${where} requesting ${d.gpus_per_replica} GPU(s)${sharding}; write checkpoints to object storage.${gated}`];
        // Spot capacity can be reclaimed mid-run: the job must resume from its last checkpoint.
        if (f.spec.spot_ok) {
          const every = d.job ? ` (the run takes about ${Math.ceil(d.job.wall_clock_hours)} h)` : "";
          steps.push(`On spot capacity${every}: save a checkpoint at least every 30 minutes (Trainer \`save_steps\` / \`save_strategy="steps"\`), set the Job's \`backoffLimit\` so an interrupted pod restarts, and resume with \`--resume_from_checkpoint\` from object storage.`);
        }
        return steps;
      }
      return chart
        ? [
            `Install ${chart.name} (${chart.purpose}): ${install(chart)}`,
            `Create a KServe InferenceService for \`${model}\`: ${engine === "diffusers" ? "a diffusers" : "a PyTorch"} predictor with ${perReplica}, ${d.replicas} replica(s).${gated}`,
          ]
        : [];
    case "mlserver": {
      const r = d.resources;
      return chart
        ? [
            `Install ${chart.name} (${chart.purpose}): ${install(chart)}`,
            `Create a KServe InferenceService with modelFormat xgboost (or lightgbm / sklearn) and storageUri pointing at your saved model (s3://, gs:// or pvc://): MLServer serves it on CPU with ${r ? `${r.vcpus} vCPU and ${r.memory_gb} GB RAM` : "the node's CPUs"}, ${d.replicas} replica(s).`,
          ]
        : [];
    }
    case "jupyterhub": {
      if (!chart) return [];
      const profiles = (d.profiles ?? []).map((p) => `${p.name}${p.default ? " (default)" : ""}: ${p.gpus ? `${p.gpu_sharing === "mig" ? `MIG ${p.mig_profile}` : p.gpu_sharing === "time_slicing" ? "a time-sliced GPU share" : `${p.gpus} GPU`}, ` : ""}${p.vcpus} vCPU, ${p.memory_gb} GB RAM`);
      return [`Install JupyterHub for ${d.users ?? "the"} users with per-user profiles (${profiles.join("; ") || "one GPU per user server"}) and idle culling: ${install(chart)} with the values file.`];
    }
    default:
      return chart ? [`Install ${chart.name}: ${install(chart)}`] : [];
  }
}
