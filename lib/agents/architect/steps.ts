import { gpuCountLabel, logicalGpuCount } from "@/lib/gpu/slices";
import type { InstanceOption, PackageOption } from "@/lib/schemas/plan";
import { gpusNeeded } from "@/lib/sizing";
import type { ArchitectFacts } from "./types";

/** Concrete deployment steps from the chosen instance, model and charts (commands from the catalog). */
export function planSteps(f: ArchitectFacts, top: InstanceOption | undefined, packages: PackageOption[], modelId: string | null): string[] {
  const s: string[] = [];
  if (f.local.connected && f.local.fits) {
    s.push(`Run it on your local cluster first: it has ${f.local.total_free_gpus ?? 0} free GPU(s) that fit the workload (no cloud cost).`);
  }
  if (top) {
    s.push(
      `Provision ${gpuCountLabel(top.gpu_count, top.gpu_model)} with ${top.provider} \`${top.instance_type}\` in ${top.region} ($${top.price_per_hour_usd}/h) as a GPU node pool of a Kubernetes cluster (managed Kubernetes, or k3s on the VM).`,
    );
  }
  const byName = (re: RegExp) => packages.find((p) => re.test(p.name));
  const gpuOp = byName(/gpu-operator/);
  if (gpuOp) s.push(`Install the NVIDIA GPU Operator (drivers + device plugin): \`${gpuOp.install_command}\``);
  const task = f.spec.task ?? "inference";
  const tp = top?.gpu_memory_gb_per_gpu ? gpusNeeded(f.sizing, top.gpu_memory_gb_per_gpu) : null;
  const model = modelId ?? f.spec.model?.hf_id ?? f.spec.model?.name ?? "your model";
  const serving = byName(/vllm/);
  if ((task === "inference" || task === "batch_processing") && serving) {
    s.push(`Deploy the serving stack: \`${serving.install_command}\`, with model \`${model}\`${tp && tp > 1 ? ` and tensor parallel size ${tp}` : ""}.`);
  } else if (task === "inference" || task === "batch_processing") {
    const kserve = byName(/kserve/);
    if (kserve) s.push(`Install KServe to serve \`${model}\` behind an autoscaled endpoint: \`${kserve.install_command}\``);
  }
  if (task === "fine_tuning" || task === "training") {
    const trainer = byName(/trainer|training|ray/);
    if (trainer) s.push(`Install the training operator: \`${trainer.install_command}\``);
    const method = f.spec.fine_tune_method ?? (task === "fine_tuning" ? "lora" : "full");
    s.push(`Submit the ${task === "training" ? "training" : `${method.toUpperCase()} fine-tuning`} job for \`${model}\` requesting ${top ? logicalGpuCount(top.gpu_count) : 1} GPU(s) per worker; write checkpoints to object storage.`);
  }
  const installed = new Set<string>();
  for (const p of packages) {
    if ([gpuOp, serving].includes(p) || /trainer|training|kserve|kube-prometheus-stack/.test(p.name) || installed.has(p.name)) continue;
    installed.add(p.name); // one chart per tool in the steps; alternatives stay in the package list
    s.push(`Install ${p.name}: \`${p.install_command}\``);
  }
  const mon = byName(/kube-prometheus-stack/);
  if (mon) s.push(`Monitor GPU utilisation and memory (DCGM metrics) with Prometheus and Grafana: \`${mon.install_command}\``);
  return s;
}
