/**
 * plan.artifacts[]: deployment files generated from every entry of plan.deployments[] — Helm values
 * per chosen chart (sized from deployments[].resources, pinned to the deployment's node pool),
 * manifests for runtimes without a chart (TEI, llama.cpp) and KServe, a Job for training, the GPU
 * sharing config for notebook profiles, a SkyPilot task and a docker run for the first model
 * deployment's instance, and install.sh with every command in order. Every chart a platform or tool
 * installs gets a values file (its defaults with the plan's sizing in the comment when no keys of it are
 * verified); a tool without a chart gets a shell file (Kubeflow Pipelines: its kustomize install).
 * Every deployment gets its files or a line in install.sh saying why not. Pure: plan (+ the charts of each component and the task) in, files out.
 */
import type { Artifact, ArtifactKind } from "@/lib/schemas/artifacts";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import { MODEL_COMPONENTS } from "@/lib/schemas/components";
import { type ChartRef, type ComponentCharts, type DeploymentContext, INSTANCE_TYPE_LABEL, NAMESPACE, deploymentContexts, k8sName } from "./context";
import { fileStems } from "./file-stems";
import { snapshotNote } from "./chart-snapshots";
import { dockerRunScript } from "./docker-run";
import { CHARTS_WITH_VALUES, helmValuesFor } from "./helm-values";
import { NOTHING_TO_SET, fallbackNote, toolNote } from "./tool-values";
import { kubeflowPipelinesScript, noChartScript } from "./tool-scripts";
import { shq } from "./engine-command";
import { MIG_CONFIG_LABEL, TIME_SLICING_CONFIG, timeSlicingConfigMap } from "./gpu-sharing";
import { type GpuStage, type InstallEntry, installScript } from "./install-script";
import { trainingJobManifests } from "./k8s-job";
import { inferenceServiceManifest, llamaCppManifests, teiManifests } from "./k8s-manifest";
import { launchFor } from "./launch";
import { skypilotTask } from "./skypilot-task";
import type { TrainingTask } from "./training-command";
import { toYaml } from "./yaml";

export type { ComponentCharts } from "./context";

export interface ArtifactInput {
  /** The charts of each deployment (same order as deployments[]), prerequisites first, at the catalog's version. */
  charts: ComponentCharts[];
  /** Other charts the user asked for (installed last, with their defaults). */
  extraCharts?: ChartRef[];
  /** The workload's task (training and fine-tuning deploy a Job instead of a server). */
  task?: string | null;
}

const YAML = "application/yaml";
const SHELL = "application/x-sh";
/** Filenames the download route accepts: a plain name, no path. */
export const ARTIFACT_FILENAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Engines that run a model themselves (and so get a single-machine run and a SkyPilot task). */
const RUNS_MODEL = new Set(["vllm", "tei", "ollama", "llama.cpp", "diffusers", "pytorch"]);
const kserveVersionOf = (c: DeploymentContext) => c.charts.find((ch) => ch.name === "kserve-resources")?.version ?? null;
/** Platforms and tools install before the model servers that use them (vector DB, tracking, Ray, notebooks, monitoring). */
const installRank = (c: DeploymentContext) => (MODEL_COMPONENTS.has(c.d.component) ? 1 : 0);

export function buildArtifacts(plan: DeploymentPlan, input: ArtifactInput): Artifact[] {
  const contexts = deploymentContexts(plan, input.charts);
  const out: Artifact[] = [];
  const add = (component: string, kind: ArtifactKind, filename: string, description: string, content: string) => {
    out.push({ id: filename.replace(/\.[a-z]+$/, ""), component, kind, filename, media_type: kind === "shell" || kind === "docker_run" ? SHELL : YAML, description, content });
  };
  const task: TrainingTask | null = input.task === "training" || input.task === "fine_tuning" ? input.task : null;
  const entries: InstallEntry[] = [];
  const skipped: string[] = [];
  const stems = fileStems(contexts.map((c) => c.d));
  let launched = false;

  for (const [i, c] of contexts.entries()) {
    const { d } = c;
    const stem = stems[i];
    const jobTask = d.component === "training_job" ? (task ?? "training") : null;
    // A model's deployment needs a layout that fits and a checkpoint to serve (Ollama can start without
    // one), and the first deployment needs the plan's instance: a deployment blocked on any of these gets
    // no files (its warnings say why), only the rest do.
    const runsModel = RUNS_MODEL.has(d.engine);
    if (runsModel && (!d.fits || (i === 0 && !c.instance) || (!d.model_id && !jobTask && d.engine !== "ollama"))) {
      skipped.push(`${d.component} (${d.engine}): no files — ${!d.fits ? "the planned layout does not fit" : !d.model_id ? "no model to deploy" : "no instance"} (see the plan's warnings).`);
      continue;
    }
    const entry: InstallEntry = { ctx: c, valuesFiles: new Map(), manifests: [], scripts: [] };
    for (const chart of c.charts) {
      const values = helmValuesFor(chart, c);
      // Nothing to set: prerequisites (CRDs, cert-manager), and charts whose writer has nothing for this plan (the GPU Operator without sharing).
      if (!values && (NOTHING_TO_SET.has(chart.name) || CHARTS_WITH_VALUES.includes(chart.name))) continue;
      const filename = `${stem}-${chart.name}-values.yaml`;
      // A chart without a values writer still gets a file: its defaults, with the plan's sizing written out.
      const note = values ? [snapshotNote(chart.name), toolNote(chart.name, c)].filter(Boolean).join("\n ") : fallbackNote(chart, c);
      const what = values ? "Helm values" : "Helm values (chart defaults; the plan's sizing in the comment)";
      add(d.component, "helm_values", filename, `${what} for ${chart.repository}/${chart.name} ${chart.version} (${d.component})`, toYaml([values ?? {}], note));
      entry.valuesFiles.set(chart.name, filename);
    }
    // A tool without a chart: Kubeflow Pipelines installs from its kustomize manifests; anything else gets a script that says what to do.
    if (!c.charts.length && d.tool) {
      const kfp = d.tool === "kubeflow";
      const filename = `${stem}-${k8sName(d.tool)}-install.sh`;
      add(d.component, "shell", filename, kfp ? "Kubeflow Pipelines standalone install (kustomize manifests)" : `${d.tool}: no chart found — what to install by hand`, kfp ? kubeflowPipelinesScript(c) : noChartScript(c));
      entry.scripts.push(filename);
    }
    if (jobTask) {
      const filename = `${stem}-job.yaml`;
      add(d.component, "k8s_job", filename, `batch/v1 Job: ${jobTask === "fine_tuning" ? "fine-tunes" : "trains"} ${d.model_id ?? "the model"} on ${c.gpuLimit} GPU(s)`, toYaml(trainingJobManifests(c, jobTask)));
      entry.manifests.push(filename);
    } else if (d.engine === "tei") {
      const filename = `${stem}-tei.yaml`;
      const where = c.gpuLimit > 0 ? `${c.gpuLimit} GPU(s)` : "CPU";
      add(d.component, "k8s_manifest", filename, `text-embeddings-inference Deployment and Service${d.replicas > 1 ? "" : " and PVC"} serving ${d.model_id} on ${where}`, toYaml(teiManifests(c)));
      entry.manifests.push(filename);
    } else if (d.engine === "llama.cpp" && d.model_id) {
      const filename = `${stem}-llama-cpp.yaml`;
      add(d.component, "k8s_manifest", filename, `llama.cpp server Deployment and Service serving ${d.model_id} on ${c.gpuLimit > 0 ? `${c.gpuLimit} GPU(s)` : "CPU"}`, toYaml(llamaCppManifests(c)));
      entry.manifests.push(filename);
    } else if (kserveVersionOf(c) && d.model_id) {
      const filename = `${stem}-inferenceservice.yaml`;
      add(d.component, "k8s_manifest", filename, `KServe InferenceService serving ${d.model_id}${c.gpuLimit > 0 ? "" : " on CPU"}`, toYaml([inferenceServiceManifest(c, kserveVersionOf(c))]));
      entry.manifests.push(filename);
    }
    if (!entry.valuesFiles.size && !entry.manifests.length && !entry.scripts.length && !c.charts.length && !(runsModel && !launched && c.instance)) {
      skipped.push(`${d.component} (${d.tool ?? d.engine}): no chart or manifest generator for it — install it by hand.`);
    }
    entries.push(entry);

    // The single-machine run and the SkyPilot task: for the first deployment that runs a model on a known instance.
    if (!launched && runsModel && c.instance && (d.model_id || jobTask || d.engine === "ollama")) {
      launched = true;
      const launch = launchFor(c, jobTask, kserveVersionOf(c));
      add(d.component, "docker_run", "run.sh", `${d.model_id ?? d.engine} on a single machine with docker run${c.gpuLimit > 0 ? "" : " (CPU)"}`, dockerRunScript(c, launch));
      const sky = skypilotTask(c, launch);
      if (sky) add(d.component, "skypilot_task", "sky-task.yaml", `SkyPilot task for ${c.instance.provider} ${c.instance.instance_type} in ${c.instance.region}`, toYaml([sky]));
    }
  }

  const gpu = gpuStage(contexts, entries, add);
  // Supporting services and platforms first (the Ray cluster a job runs on, the vector DB a model feeds), then the models.
  const ordered = entries.map((e, at) => ({ e, at })).sort((a, b) => installRank(a.e.ctx) - installRank(b.e.ctx) || a.at - b.at).map((x) => x.e);
  const extras = input.extraCharts ?? [];
  if (extras.length || gpu || ordered.some((e) => e.ctx.charts.length || e.manifests.length || e.scripts.length)) {
    add("plan", "shell", "install.sh", "Every command in order: namespace, secrets, helm repos, GPU setup, charts with their values, manifests", installScript(ordered, extras, gpu, skipped));
  }
  return out;
}

type AddFile = (component: string, kind: ArtifactKind, filename: string, description: string, content: string) => void;

/** The GPU sharing files: the time-slicing ConfigMap, or the MIG node label; and what to do without a GPU Operator chart. */
function gpuStage(contexts: DeploymentContext[], entries: InstallEntry[], add: AddFile): GpuStage | null {
  const s = contexts[0]?.sharing;
  if (!s || !entries.some((e) => e.ctx.index === s.index)) return null;
  const component = contexts[s.index].d.component;
  const hasOperator = contexts.some((c) => c.charts.some((ch) => ch.name === "gpu-operator"));
  const stage: GpuStage = { manifests: [], afterOperator: [], notes: [] };
  const selector = s.instanceType ? `${INSTANCE_TYPE_LABEL}=${s.instanceType}` : "nvidia.com/gpu.present=true";
  if (s.mode === "time_slicing" && s.replicas) {
    const filename = "gpu-time-slicing-config.yaml";
    const settings = `devicePlugin.config.name=${TIME_SLICING_CONFIG.name},devicePlugin.config.default=${TIME_SLICING_CONFIG.key}`;
    const comment = hasOperator
      ? `NVIDIA device plugin time-slicing: each GPU is shared by ${s.replicas} users (no memory isolation). The GPU Operator's values point to it.`
      : `NVIDIA device plugin time-slicing: each GPU is shared by ${s.replicas} users (no memory isolation). Install the NVIDIA GPU Operator into this namespace with --set ${settings}.`;
    add(component, "k8s_manifest", filename, `GPU time-slicing config: ${s.replicas} notebook users per GPU`, toYaml([timeSlicingConfigMap(s.replicas, NAMESPACE)], comment));
    stage.manifests.push(filename);
    if (!hasOperator) stage.notes.push(`The plan has no GPU Operator chart: helm install nvidia/gpu-operator into "$NAMESPACE" with --set ${settings}`);
  }
  if (s.mode === "mig") {
    if (s.migConfig) stage.afterOperator.push(`kubectl label nodes -l ${shq(selector)} ${MIG_CONFIG_LABEL}=${s.migConfig} --overwrite`);
    else stage.notes.push("MIG sharing without a valid MIG profile: label the GPU nodes nvidia.com/mig.config=<config> by hand.");
    if (!hasOperator) stage.notes.push('The plan has no GPU Operator chart: helm install nvidia/gpu-operator into "$NAMESPACE" with --set mig.strategy=single');
  }
  return stage;
}
