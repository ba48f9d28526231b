/**
 * The upstream reference data in catalog/k8s-values (see its SOURCE.md): each chart's default
 * values.yaml and, where it ships one, values.schema.json; SkyPilot's task and resources schemas.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { CHART_SNAPSHOTS, VERIFIED_KEYS } from "../chart-snapshots";

export const K8S_VALUES_DIR = path.join(process.cwd(), "catalog", "k8s-values");

/** Where each chart's upstream files are (under catalog/k8s-values). */
export const CHART_DIRS: Record<string, string> = Object.fromEntries(Object.entries(CHART_SNAPSHOTS).map(([chart, s]) => [chart, s.dir]));
/** Every chart the generated values can be checked for: vendored snapshots and charts with verified keys. */
export const REFERENCE_CHARTS: string[] = [...Object.keys(CHART_DIRS), ...Object.keys(VERIFIED_KEYS).filter((c) => !(c in CHART_DIRS))];

export interface ChartReference {
  chart: string;
  /** The snapshot's chart version (Chart.yaml). */
  version: string;
  defaults: Record<string, unknown>;
  schema: Record<string, unknown> | null;
}

const cache = new Map<string, ChartReference>();

export function chartReference(chart: string): ChartReference | null {
  const dir = CHART_DIRS[chart];
  const verified = VERIFIED_KEYS[chart];
  // Not vendored: the key skeleton read from the upstream values.yaml (its version is the stored commit's).
  if (!dir) return verified ? { chart, version: `commit ${verified.commit.slice(0, 12)}`, defaults: verified.keys, schema: null } : null;
  const hit = cache.get(chart);
  if (hit) return hit;
  const base = path.join(K8S_VALUES_DIR, dir);
  const schemaFile = path.join(base, "values.schema.json");
  const ref: ChartReference = {
    chart,
    version: String((parse(readFileSync(path.join(base, "Chart.yaml"), "utf8")) as { version: unknown }).version),
    defaults: (parse(readFileSync(path.join(base, "values.yaml"), "utf8")) ?? {}) as Record<string, unknown>,
    schema: existsSync(schemaFile) ? JSON.parse(readFileSync(schemaFile, "utf8")) : null,
  };
  cache.set(chart, ref);
  return ref;
}

export function skypilotSchema(name: "task" | "resources"): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(K8S_VALUES_DIR, "skypilot", `${name}.schema.json`), "utf8"));
}
