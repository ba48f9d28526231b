/**
 * plan.artifacts[]: deployment files generated from every entry of plan.deployments[] — Helm values
 * per chosen chart, manifests for runtimes without a chart and KServe, a Job for training, a
 * SkyPilot task and a docker run for the plan's instance, and install.sh with every command in
 * order. Pure: plan (+ the charts of each component and the task) in, files out.
 */
import type { Artifact, ArtifactKind } from "@/lib/schemas/artifacts";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import { type ChartRef, type ComponentCharts, type DeploymentContext, deploymentContexts } from "./context";
import { snapshotNote } from "./chart-snapshots";
import { dockerRunScript } from "./docker-run";
import { helmValuesFor } from "./helm-values";
import { type InstallEntry, installScript } from "./install-script";
import { trainingJobManifests } from "./k8s-job";
import { inferenceServiceManifest, teiManifests } from "./k8s-manifest";
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
const RUNS_MODEL = new Set(["vllm", "tei", "ollama", "diffusers", "pytorch"]);
const kserveVersionOf = (c: DeploymentContext) => c.charts.find((ch) => ch.name === "kserve-resources")?.version ?? null;
const fileStem = (component: string) => component.replace(/_/g, "-");

export function buildArtifacts(plan: DeploymentPlan, input: ArtifactInput): Artifact[] {
  const contexts = deploymentContexts(plan, input.charts);
  const out: Artifact[] = [];
  const add = (component: string, kind: ArtifactKind, filename: string, description: string, content: string) => {
    out.push({ id: filename.replace(/\.[a-z]+$/, ""), component, kind, filename, media_type: kind === "shell" || kind === "docker_run" ? SHELL : YAML, description, content });
  };
  const task: TrainingTask | null = input.task === "training" || input.task === "fine_tuning" ? input.task : null;
  const entries: InstallEntry[] = [];

  for (const [i, c] of contexts.entries()) {
    const { d } = c;
    const stem = fileStem(d.component);
    const jobTask = d.component === "training_job" ? (task ?? "training") : null;
    // The model's deployment needs the plan's instance, a layout that fits, and a checkpoint to serve:
    // a plan blocked on any of these gets no files for it (its warnings say why), only for the rest.
    if (i === 0 && RUNS_MODEL.has(d.engine) && (!c.instance || !d.fits || (!d.model_id && !jobTask))) continue;
    const entry: InstallEntry = { ctx: c, valuesFiles: new Map(), manifests: [] };
    for (const chart of c.charts) {
      const values = helmValuesFor(chart, c);
      if (!values) continue;
      const filename = `${stem}-${chart.name}-values.yaml`;
      add(d.component, "helm_values", filename, `Helm values for ${chart.repository}/${chart.name} ${chart.version} (${d.component})`, toYaml([values], snapshotNote(chart.name)));
      entry.valuesFiles.set(chart.name, filename);
    }
    if (jobTask) {
      const filename = `${stem}-job.yaml`;
      add(d.component, "k8s_job", filename, `batch/v1 Job: ${jobTask === "fine_tuning" ? "fine-tunes" : "trains"} ${d.model_id ?? "the model"} on ${c.gpuLimit} GPU(s)`, toYaml(trainingJobManifests(c, jobTask)));
      entry.manifests.push(filename);
    } else if (d.engine === "tei") {
      const filename = `${stem}-tei.yaml`;
      add(d.component, "k8s_manifest", filename, `text-embeddings-inference Deployment, Service and PVC serving ${d.model_id}`, toYaml(teiManifests(c)));
      entry.manifests.push(filename);
    } else if (kserveVersionOf(c)) {
      const filename = `${stem}-inferenceservice.yaml`;
      add(d.component, "k8s_manifest", filename, `KServe InferenceService serving ${d.model_id}`, toYaml([inferenceServiceManifest(c, kserveVersionOf(c))]));
      entry.manifests.push(filename);
    }
    entries.push(entry);

    if (i === 0 && RUNS_MODEL.has(d.engine) && (d.model_id || jobTask)) {
      const launch = launchFor(c, jobTask, kserveVersionOf(c));
      add(d.component, "docker_run", "run.sh", `${d.model_id ?? d.engine} on a single machine with docker run`, dockerRunScript(c, launch));
      const sky = skypilotTask(c, launch);
      if (sky && c.instance) add(d.component, "skypilot_task", "sky-task.yaml", `SkyPilot task for ${c.instance.provider} ${c.instance.instance_type} in ${c.instance.region}`, toYaml([sky]));
    }
  }
  // Supporting services first (the Ray cluster a job runs on, the vector DB a model feeds), then the model.
  const ordered = entries[0]?.ctx === contexts[0] ? entries.slice(1).concat(entries.slice(0, 1)) : entries;
  const extras = input.extraCharts ?? [];
  if (extras.length || ordered.some((e) => e.ctx.charts.length || e.manifests.length)) {
    add("plan", "shell", "install.sh", "Every command in order: namespace, secrets, helm repos, charts with their values, manifests", installScript(ordered, extras));
  }
  return out;
}
