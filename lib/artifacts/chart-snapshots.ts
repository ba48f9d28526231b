/**
 * Which upstream snapshot (catalog/k8s-values, see its SOURCE.md) each chart's values are written
 * for and validated against: chart version, repository, commit and date. The plan installs the
 * catalog's version, which can differ; the values file says which snapshot it was checked against.
 */
import snapshots from "@/catalog/k8s-values/snapshots.json";

export interface ChartSnapshot {
  dir: string;
  chart_version: string;
  upstream: string;
  commit: string;
  date: string;
  schema: boolean;
}

export const CHART_SNAPSHOTS: Record<string, ChartSnapshot> = snapshots;

export function snapshotNote(chart: string): string | null {
  const s = CHART_SNAPSHOTS[chart];
  return s ? `Checked against ${s.upstream} values${s.schema ? " and values.schema.json" : ".yaml"} (chart ${s.chart_version}, commit ${s.commit.slice(0, 12)}, ${s.date}).` : null;
}
