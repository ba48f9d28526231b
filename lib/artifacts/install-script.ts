/**
 * install.sh: every command in order. Namespace and the HF token Secret first (from $HF_TOKEN, never
 * a value in the file), then `helm repo add` for each repository, then the GPU setup (the GPU sharing
 * config, then the NVIDIA GPU Operator reading it, then the MIG node label), then each component's
 * charts (prerequisites first, pinned to the catalog's version, with its values file) and manifests —
 * supporting services and platforms before the model servers, as in the plan's steps. A deployment
 * that gets no file says so in a comment.
 */
import type { ChartRef, DeploymentContext } from "./context";
import { HF_SECRET, NAMESPACE, k8sName } from "./context";
import { shq } from "./engine-command";

/** What `helm upgrade --install` installs: a repo chart (`repo/name`, after `helm repo add`) or an OCI reference. */
export function chartSource(ch: ChartRef): { repoAdd: [string, string] | null; ref: string } {
  if (ch.repository_url && !ch.repository_url.startsWith("oci://")) return { repoAdd: [ch.repository, ch.repository_url], ref: `${ch.repository}/${ch.name}` };
  const oci = ch.install_command.match(/oci:\/\/\S+/)?.[0] ?? (ch.repository_url?.startsWith("oci://") ? `${ch.repository_url.replace(/\/$/, "")}/${ch.name}` : null);
  if (oci) return { repoAdd: null, ref: oci };
  const added = ch.install_command.match(/helm repo add (\S+) (\S+)/);
  if (added) return { repoAdd: [added[1], added[2]], ref: `${added[1]}/${ch.name}` };
  return { repoAdd: null, ref: `${ch.repository}/${ch.name}` };
}

/** Extra flags a chart needs to install as a prerequisite (cert-manager's CRDs). */
const CHART_FLAGS: Record<string, string[]> = { "cert-manager": ["--set", "crds.enabled=true"] };
/** Charts installed in the GPU stage, before anything that requests GPUs. */
export const GPU_STAGE_CHARTS = new Set(["gpu-operator"]);

export interface InstallEntry {
  ctx: DeploymentContext;
  /** Values file per chart name (absent: installed with the chart's defaults). */
  valuesFiles: Map<string, string>;
  /** Manifests and Jobs applied after the component's charts. */
  manifests: string[];
  /** Shell files run after them, in order (a tool installed without a chart: Kubeflow Pipelines). */
  scripts: string[];
}

/** The GPU setup: manifests applied before the GPU Operator (its sharing config), and shell lines after it (the MIG label). */
export interface GpuStage {
  manifests: string[];
  afterOperator: string[];
  /** Comment lines when the plan has GPU sharing but no GPU Operator chart. */
  notes: string[];
}

export function installScript(entries: InstallEntry[], extras: ChartRef[] = [], gpu: GpuStage | null = null, skipped: string[] = []): string {
  const lines = [
    "#!/usr/bin/env bash",
    "# Installs the plan into the current kubectl context. Run it from the folder holding the other files.",
    "set -euo pipefail",
    `NAMESPACE=${NAMESPACE}`,
    'kubectl create namespace "$NAMESPACE" --dry-run=client -o yaml | kubectl apply -f -',
  ];
  if (entries.some((e) => e.ctx.gated)) {
    lines.push(
      ': "${HF_TOKEN:?export HF_TOKEN=<your Hugging Face token>: the model is gated}"',
      `kubectl -n "$NAMESPACE" create secret generic ${HF_SECRET.name} --from-literal=${HF_SECRET.key}="$HF_TOKEN" --dry-run=client -o yaml | kubectl apply -f -`,
    );
  }
  const repos = new Map<string, string>();
  const allCharts = entries.flatMap((e) => e.ctx.charts).concat(extras);
  for (const ch of allCharts) {
    const add = chartSource(ch).repoAdd;
    if (add && !repos.has(add[0])) repos.set(add[0], add[1]);
  }
  for (const [name, url] of repos) lines.push(`helm repo add ${shq(name)} ${shq(url)} --force-update`);
  if (repos.size) lines.push("helm repo update");

  // GPU setup: the sharing config, then the operator that reads it (waited for), then the MIG layout label.
  const gpuCharts = entries.flatMap((e) => e.ctx.charts.filter((ch) => GPU_STAGE_CHARTS.has(ch.name)).map((ch) => ({ ch, values: e.valuesFiles.get(ch.name) ?? null })));
  if (gpu || gpuCharts.length) {
    lines.push("# GPU setup: sharing config first, then the NVIDIA GPU Operator that reads it.");
    for (const m of gpu?.manifests ?? []) lines.push(`kubectl apply -n "$NAMESPACE" -f ${shq(m)}`);
    for (const n of gpu?.notes ?? []) lines.push(`# ${n}`);
    for (const { ch, values } of gpuCharts) lines.push(helmInstall(ch, values, true));
    lines.push(...(gpu?.afterOperator ?? []));
  }
  for (const e of entries) {
    const charts = e.ctx.charts.filter((ch) => !GPU_STAGE_CHARTS.has(ch.name));
    // A prerequisite must be ready before what uses it (--wait).
    charts.forEach((ch, i) => lines.push(helmInstall(ch, e.valuesFiles.get(ch.name) ?? null, i < charts.length - 1)));
    for (const m of e.manifests) lines.push(`kubectl apply -n "$NAMESPACE" -f ${shq(m)}`);
    for (const f of e.scripts ?? []) lines.push(`bash ${shq(f)}`);
  }
  const installed = new Set(entries.flatMap((e) => e.ctx.charts.map((ch) => `${ch.repository}/${ch.name}`)));
  for (const ch of extras) {
    if (installed.has(`${ch.repository}/${ch.name}`)) continue;
    installed.add(`${ch.repository}/${ch.name}`);
    lines.push(helmInstall(ch, null, false));
  }
  for (const s of skipped) lines.push(`# ${s.replace(/\n/g, " ")}`);
  return lines.join("\n") + "\n";
}

function helmInstall(ch: ChartRef, valuesFile: string | null, wait: boolean): string {
  const cmd = ["helm", "upgrade", "--install", k8sName(ch.name), chartSource(ch).ref, "--version", ch.version];
  if (valuesFile) cmd.push("-f", valuesFile);
  cmd.push(...(CHART_FLAGS[ch.name] ?? []));
  const words = cmd.map(shq);
  words.push("--namespace", '"$NAMESPACE"');
  if (wait) words.push("--wait");
  return words.join(" ");
}
