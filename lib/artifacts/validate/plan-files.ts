/**
 * Every file of a plan, checked: it parses and validates (artifactErrors), and what it deploys
 * agrees with the plan — the model id, the tensor-parallel size and the GPU count read back out
 * of each file equal deployments[] and the instance; install.sh installs every chart at the
 * catalog version with its values file and applies every manifest.
 */
import type { DeploymentPlan } from "@/lib/schemas/plan";
import type { Artifact } from "@/lib/schemas/artifacts";
import { ARTIFACT_FILENAME } from "../index";
import { parse } from "yaml";
import { fileModelId } from "../context";
import { deploymentOfFile } from "../file-stems";
import { TIME_SLICING_CONFIG, gpuSharingOf } from "../gpu-sharing";
import { profileGpuLimit } from "../jupyterhub-values";
import { deploymentInstance } from "../placement";
import { artifactErrors, parseYamlDocs } from "./index";
import { REFERENCE_CHARTS } from "./reference";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function agreement(a: Artifact, plan: DeploymentPlan): string[] {
  const deps = plan.deployments ?? [];
  const at = deploymentOfFile(deps, a.component, a.filename);
  const d = at < 0 ? undefined : { ...deps[at], model_id: fileModelId(plan, at) };
  const top = d ? deploymentInstance(plan, d).instance : null;
  const errs: string[] = [];
  const eq = (what: string, got: unknown, want: unknown) => {
    if (String(got) !== String(want)) errs.push(`${a.filename}: ${what} is ${JSON.stringify(got)}, the plan says ${JSON.stringify(want)}`);
  };
  const gpus = d && d.gpus_per_replica > 0 ? Math.max(1, Math.ceil(d.gpus_per_replica)) : 0;
  if (a.kind === "shell" && a.filename !== "install.sh") return [];
  if (a.kind === "shell") {
    for (const p of plan.packages) {
      const line = a.content.split("\n").find((l) => l.startsWith("helm upgrade --install ") && l.includes(`/${p.name} --version `));
      if (!line) errs.push(`install.sh does not install ${p.repository}/${p.name}`);
      else if (!line.includes(`--version ${p.version} `)) errs.push(`install.sh installs ${p.name} without --version ${p.version}`);
    }
    for (const f of plan.artifacts ?? []) {
      if (f.kind === "helm_values" && !a.content.includes(`-f ${f.filename}`)) errs.push(`install.sh does not use ${f.filename}`);
      if ((f.kind === "k8s_manifest" || f.kind === "k8s_job") && !a.content.includes(`-f ${f.filename}`)) errs.push(`install.sh does not apply ${f.filename}`);
      if (f.kind === "shell" && f.filename !== a.filename && !a.content.includes(`bash ${f.filename}`)) errs.push(`install.sh does not run ${f.filename}`);
    }
    return errs;
  }
  if (!d) return [`${a.filename}: no deployment for component ${a.component}`];
  if (a.kind === "docker_run") {
    if (d.model_id && !a.content.includes(d.model_id)) errs.push(`run.sh does not run ${d.model_id}`);
    if (d.engine === "vllm") eq("run.sh --tensor-parallel-size", a.content.match(/--tensor-parallel-size (\d+)/)?.[1], d.tensor_parallel_size);
    return errs;
  }
  const docs = parseYamlDocs(a.content).docs as Obj[];
  if (a.kind === "helm_values") {
    const v = docs[0];
    if (a.filename.endsWith("-vllm-stack-values.yaml")) {
      const m = v.servingEngineSpec.modelSpec[0];
      eq("modelURL", m.modelURL, d.model_id);
      eq("tensorParallelSize", m.vllmConfig.tensorParallelSize, d.tensor_parallel_size);
      eq("requestGPU", m.requestGPU, gpus);
      eq("maxModelLen", m.vllmConfig.maxModelLen, d.max_model_len);
      eq("gpuMemoryUtilization", m.vllmConfig.gpuMemoryUtilization, d.gpu_memory_utilization);
      const pp = m.vllmConfig.extraArgs.indexOf("--pipeline-parallel-size");
      eq("--pipeline-parallel-size", pp < 0 ? 1 : m.vllmConfig.extraArgs[pp + 1], d.pipeline_parallel_size ?? 1);
    }
    if (a.filename.endsWith("-jupyterhub-values.yaml") && d.profiles?.length) {
      const list: Obj[] = v.singleuser?.profileList ?? [];
      for (const p of d.profiles) {
        const entry = list.find((x) => x.display_name === p.name);
        if (!entry) errs.push(`${a.filename}: no profile ${p.name}`);
        else eq(`profile ${p.name} nvidia.com/gpu`, entry.kubespawner_override?.extra_resource_limits?.["nvidia.com/gpu"] ?? 0, profileGpuLimit(p));
      }
    }
    if (a.filename.endsWith("-ollama-values.yaml")) {
      eq("ollama.gpu.number", v.ollama.gpu.enabled ? v.ollama.gpu.number : 0, gpus);
      if (d.model_id) eq("ollama.models.pull", v.ollama.models.pull[0], `hf.co/${d.model_id}`);
    }
    return errs;
  }
  if (a.kind === "k8s_manifest" || a.kind === "k8s_job") {
    for (const o of docs) {
      if (o.kind === "ConfigMap" && a.filename === "gpu-time-slicing-config.yaml") {
        const cfg = parse(String(o.data?.[TIME_SLICING_CONFIG.key] ?? "")) as Obj;
        eq("time-slicing replicas", cfg?.sharing?.timeSlicing?.resources?.[0]?.replicas, gpuSharingOf(plan)?.replicas);
      }
      const containers: Obj[] = o.kind === "InferenceService" ? [o.spec.predictor.model] : (o.spec?.template?.spec?.containers ?? []);
      for (const c of containers) {
        eq(`${o.kind} nvidia.com/gpu limit`, c.resources?.limits?.["nvidia.com/gpu"] ?? 0, gpus);
        const text = JSON.stringify([c.args, c.env, o.spec?.predictor?.model?.storageUri]);
        if (d.model_id && !text.includes(d.model_id)) errs.push(`${a.filename}: ${o.kind} does not run ${d.model_id}`);
      }
    }
    return errs;
  }
  if (a.kind === "skypilot_task") {
    const t = docs[0];
    if (!top) return [`${a.filename}: a SkyPilot task without an instance`];
    eq("accelerators", t.resources.accelerators, top.gpu_model && top.gpu_count > 0 ? `${top.gpu_model}:${top.gpu_count}` : undefined);
    eq("instance_type", t.resources.instance_type, top.instance_type);
    eq("region", t.resources.region, top.region);
    eq("cloud", String(t.resources.cloud).toLowerCase(), top.provider.toLowerCase());
    if (d.model_id && !`${t.run} ${JSON.stringify(t.envs ?? {})}`.includes(d.model_id)) errs.push(`sky-task.yaml does not run ${d.model_id}`);
    if (d.engine === "vllm") eq("sky --tensor-parallel-size", String(t.run).match(/--tensor-parallel-size (\d+)/)?.[1], d.tensor_parallel_size);
  }
  return errs;
}

/** All problems with a plan's files (empty = every file is valid and agrees with the plan). */
export function planFileErrors(plan: DeploymentPlan): string[] {
  const files = plan.artifacts ?? [];
  const errors: string[] = [];
  const names = new Set<string>();
  for (const a of files) {
    if (!ARTIFACT_FILENAME.test(a.filename)) errors.push(`${a.filename}: not a plain file name`);
    if (names.has(a.filename)) errors.push(`${a.filename}: twice in the plan`);
    names.add(a.filename);
    errors.push(...artifactErrors(a, REFERENCE_CHARTS).map((e) => `${a.filename}: ${e}`));
    errors.push(...agreement(a, plan));
  }
  return errors;
}
