/**
 * The upstream reference data in catalog/k8s-values (see its SOURCE.md): each chart's default
 * values.yaml and, where it ships one, values.schema.json; SkyPilot's task and resources schemas.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { CHART_SNAPSHOTS } from "../chart-snapshots";

export const K8S_VALUES_DIR = path.join(process.cwd(), "catalog", "k8s-values");

/** Where each chart's upstream files are (under catalog/k8s-values). */
export const CHART_DIRS: Record<string, string> = Object.fromEntries(Object.entries(CHART_SNAPSHOTS).map(([chart, s]) => [chart, s.dir]));

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
  if (!dir) return null;
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
