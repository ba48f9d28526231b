/**
 * sky-task.yaml: a SkyPilot task for the plan's exact instance (cloud, region, instance type,
 * accelerators NAME:COUNT, disk) that starts the same engine with the same checkpoint and flags.
 * Secrets are referenced by name (passed with `sky launch --secret HF_TOKEN`).
 */
import type { DeploymentContext } from "./context";
import { shq } from "./engine-command";
import type { Launch } from "./launch";

/** Clouds SkyPilot can launch on (its resources schema's `cloud` enum); other catalog providers get no task. */
export const SKYPILOT_CLOUDS = new Set([
  "aws", "azure", "gcp", "ibm", "lambda", "scp", "oci", "kubernetes", "runpod", "vast", "vsphere", "cudo", "fluidstack",
  "paperspace", "primeintellect", "do", "nebius", "ssh", "slurm", "hyperbolic", "seeweb", "shadeform", "yotta", "mithril", "verda",
]);

export function skypilotTask(c: DeploymentContext, l: Launch): Record<string, unknown> | null {
  const inst = c.instance;
  if (!inst || !SKYPILOT_CLOUDS.has(inst.provider.toLowerCase())) return null;
  const resources: Record<string, unknown> = {
    cloud: inst.provider.toLowerCase(),
    region: inst.region,
    instance_type: inst.instance_type,
    use_spot: false,
    disk_size: c.modelStorageGi + 50, // model files plus the image and the OS
  };
  if (inst.gpu_model && inst.gpu_count > 0 && c.gpuLimit > 0) {
    resources.accelerators = `${inst.gpu_model}:${inst.gpu_count}`; // the instance's GPU and count (a slice's fraction, e.g. 0.125, as SkyPilot writes it)
  } else {
    // CPU only: at least the vCPUs and memory (GB) the plan sized, SkyPilot's "N+" form; no accelerators.
    const vcpus = c.resources?.vcpus ?? inst.vcpus;
    const mem = c.resources?.memory_gb ?? inst.memory_gb;
    if (vcpus) resources.cpus = `${vcpus}+`;
    if (mem) resources.memory = `${mem}+`;
  }
  if (l.port) resources.ports = l.port;
  const envs: Record<string, string> = { ...l.env };
  const container = ["docker", "run", "--rm", "--name", "engine"];
  if (c.gpuLimit > 0) container.push("--gpus", "all");
  container.push("--ipc=host", "--network=host", "-v", "$HOME/.cache/huggingface:/root/.cache/huggingface");
  for (const k of Object.keys(l.env)) container.push("-e", k);
  if (c.gated) container.push("-e", "HF_TOKEN");
  container.push(l.image, ...l.args);
  const run = [container.map((w) => (w.startsWith("$HOME") ? `"${w}"` : shq(w))).join(" ")];
  if (l.pull) {
    run[0] = `${run[0]} &`;
    run.push("until docker exec engine ollama list >/dev/null 2>&1; do sleep 2; done", `docker exec engine ollama pull ${shq(l.pull)}`, "wait");
  }
  const task: Record<string, unknown> = {
    name: c.d.component.replace(/_/g, "-"),
    resources,
  };
  if (Object.keys(envs).length) task.envs = envs;
  if (c.gated) task.secrets = { HF_TOKEN: null };
  task.setup = `docker pull ${shq(l.image)}`;
  task.run = run.join("\n");
  return task;
}
