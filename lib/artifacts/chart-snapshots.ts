/**
 * Which upstream snapshot (catalog/k8s-values, see its SOURCE.md) each chart's values are written
 * for and validated against: chart version, repository, commit and date. The plan installs the
 * catalog's version, which can differ; the values file says which snapshot it was checked against.
 */
import snapshots from "@/catalog/k8s-values/snapshots.json";
import verified from "@/catalog/k8s-values/verified-keys.json";

export interface ChartSnapshot {
  dir: string;
  chart_version: string;
  upstream: string;
  commit: string;
  date: string;
  schema: boolean;
}

export const CHART_SNAPSHOTS: Record<string, ChartSnapshot> = snapshots;

/** Charts whose values.yaml is not vendored: the upstream file their keys were read from, and the key skeleton (verified-keys.json). */
export interface VerifiedKeys {
  upstream: string;
  path: string;
  commit: string;
  also?: string;
  keys: Record<string, unknown>;
}

export const VERIFIED_KEYS: Record<string, VerifiedKeys> = Object.fromEntries(
  Object.entries(verified).filter(([k]) => !k.startsWith("_")),
) as Record<string, VerifiedKeys>;

export function snapshotNote(chart: string): string | null {
  const v = VERIFIED_KEYS[chart];
  if (v) return `Keys checked against ${v.upstream} ${v.path} (commit ${v.commit.slice(0, 12)}), recorded in catalog/k8s-values/verified-keys.json; the chart's values.yaml is not vendored.`;
  const s = CHART_SNAPSHOTS[chart];
  return s ? `Checked against ${s.upstream} values${s.schema ? " and values.schema.json" : ".yaml"} (chart ${s.chart_version}, commit ${s.commit.slice(0, 12)}, ${s.date}).` : null;
}
