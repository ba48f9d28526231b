import type { K8sPackageVersionRow } from "@/db/schema/cloud";
import { asObject, bool, requiredStr, str } from "../fields";
import { packageName } from "./names";

/** One chart_versions.jsonl object → k8s_package_versions row (name mapped like the chart row). */
export function parseVersionLine(obj: unknown): K8sPackageVersionRow {
  const o = asObject(obj, "chart_versions.jsonl");
  const name = requiredStr(o, "name", "chart_versions.jsonl");
  return {
    repository: requiredStr(o, "repository", "chart_versions.jsonl"),
    name: packageName(name, str(o, "chart_dir")),
    version: requiredStr(o, "version", "chart_versions.jsonl"),
    appVersion: str(o, "app_version"),
    created: str(o, "created"),
    digest: str(o, "digest"),
    deprecated: bool(o, "deprecated") ?? false,
    source: str(o, "source"),
  };
}

export const versionKey = (r: Pick<K8sPackageVersionRow, "repository" | "name" | "version">) =>
  `${r.repository}\u0000${r.name}\u0000${r.version}`;

/**
 * Deduplicate on the primary key (repository, name, version). A few index.yaml files list
 * the same (pre-release) version several times (ingress-nginx 4.12.0-beta.0 ×9 …): keep the
 * most recently `created` entry (what `helm install --version` resolves), first one on ties.
 * Output keeps first-seen order.
 */
export function dedupeVersions(rows: Iterable<K8sPackageVersionRow>): K8sPackageVersionRow[] {
  const byKey = new Map<string, K8sPackageVersionRow>();
  for (const r of rows) {
    const k = versionKey(r);
    const prev = byKey.get(k);
    if (prev === undefined) byKey.set(k, r);
    else if ((r.created ?? "") > (prev.created ?? "")) byKey.set(k, r);
  }
  return [...byKey.values()];
}
