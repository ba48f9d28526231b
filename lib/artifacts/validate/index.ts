/**
 * Checks one generated file against the real upstream definitions: Helm values against the chart's
 * schema (ajv) or, without one, its default values.yaml key paths; manifests and Jobs with
 * kubernetes-models; SkyPilot tasks against SkyPilot's schemas; shell files with `bash -n`.
 */
import { spawnSync } from "node:child_process";
import { parseAllDocuments } from "yaml";
import type { Artifact } from "@/lib/schemas/artifacts";
import { validateHelmValues } from "./helm-schema";
import { k8sObjectErrors } from "./k8s";
import { keyPathErrors } from "./key-paths";
import { profileListErrors } from "./kubespawner";
import { chartReference } from "./reference";
import { validateSkypilotTask } from "./skypilot";

/** Every YAML document of a file, or the parse errors. */
export function parseYamlDocs(content: string): { docs: unknown[]; errors: string[] } {
  const docs = parseAllDocuments(content);
  const list = Array.isArray(docs) ? docs : [docs];
  const errors = list.flatMap((d) => d.errors.map((e) => e.message));
  return { docs: list.map((d) => d.toJS()), errors };
}

/** Helm values for a chart: schema when the chart ships one, else key paths against values.yaml. */
export function helmValuesErrors(chart: string, values: unknown): string[] {
  const ref = chartReference(chart);
  if (!ref) return [`no upstream reference for chart ${chart}`];
  const errors = ref.schema ? validateHelmValues(values, ref.defaults, ref.schema) : keyPathErrors(values, ref.defaults);
  if (chart === "jupyterhub") errors.push(...profileListErrors((values as { singleuser?: { profileList?: unknown } })?.singleuser?.profileList));
  return errors;
}

const isEmptyValues = (v: unknown) => v === null || v === undefined || (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);

export function shellErrors(content: string): string[] {
  const r = spawnSync("bash", ["-n"], { input: content, encoding: "utf8" });
  return r.status === 0 ? [] : [r.stderr.trim() || `bash -n exited ${r.status}`];
}

/** The chart a helm_values file is for: `<component>-<chart>-values.yaml`. */
export function chartOfValuesFile(filename: string, charts: string[]): string | null {
  return charts.filter((c) => filename.endsWith(`-${c}-values.yaml`)).sort((a, b) => b.length - a.length)[0] ?? null;
}

export function artifactErrors(a: Artifact, chartNames: string[]): string[] {
  if (a.kind === "shell" || a.kind === "docker_run") return shellErrors(a.content);
  const { docs, errors } = parseYamlDocs(a.content);
  if (errors.length) return errors;
  switch (a.kind) {
    case "helm_values": {
      const chart = chartOfValuesFile(a.filename, chartNames);
      if (chart) return helmValuesErrors(chart, docs[0]);
      // A chart without a reference is installed with its defaults: its file may set nothing.
      return isEmptyValues(docs[0]) ? [] : [`${a.filename}: sets values for a chart with no upstream reference`];
    }
    case "k8s_manifest":
    case "k8s_job":
      return docs.flatMap(k8sObjectErrors);
    case "skypilot_task":
      return docs.flatMap(validateSkypilotTask);
  }
}
