import type { K8sPackageRow } from "@/db/schema/cloud";
import { asObject, bool, int, requiredStr, str, strArr } from "../fields";
import { aliasesFor } from "./aliases";
import { installCommand } from "./install-command";
import { chartDirFromId, packageName } from "./names";

export { installCommand, type InstallInput } from "./install-command";

/**
 * One charts.jsonl object → k8s_packages row. `stars` is always null upstream.
 * Triton example charts are renamed `<name>-<dir>` (see names.ts) and keep their
 * Chart.yaml name as an alias; `install_command` is filled for every row.
 */
export function parseChartLine(obj: unknown): K8sPackageRow {
  const o = asObject(obj, "charts.jsonl");
  const id = requiredStr(o, "id", "charts.jsonl");
  const repository = requiredStr(o, "repository", "charts.jsonl");
  const chartName = requiredStr(o, "name", "charts.jsonl");
  const name = packageName(chartName, chartDirFromId(id, repository, chartName));
  const row = {
    id,
    repository,
    repositoryUrl: str(o, "repository_url"),
    ociUrl: str(o, "oci_url"),
    name,
    version: requiredStr(o, "version", "charts.jsonl"),
    appVersion: str(o, "app_version"),
    description: str(o, "description") ?? "",
    keywords: strArr(o, "keywords"),
    aliases: aliasesFor(id, name, chartName),
    home: str(o, "home"),
    sources: strArr(o, "sources"),
    maintainers: strArr(o, "maintainers"),
    official: bool(o, "official") ?? false,
    deprecated: bool(o, "deprecated") ?? false,
    published: bool(o, "published") ?? true,
    stars: int(o, "stars"),
    license: str(o, "license"),
    category: str(o, "category"),
    readme: str(o, "readme"),
    created: str(o, "created"),
    versionsCount: int(o, "versions_count") ?? 0,
  };
  return {
    ...row,
    installCommand: installCommand({
      ...row,
      upstreamCommand: str(o, "install_command"),
      sourceRepo: str(o, "source_repo"),
      chartPath: str(o, "chart_path"),
    }),
  };
}
