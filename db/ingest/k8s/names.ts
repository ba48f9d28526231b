/**
 * Package name used for both k8s_packages.name and k8s_package_versions.name.
 *
 * Chart names are unique per repository except for the Triton Inference Server example
 * charts: five `deploy/<dir>` charts all called `triton-inference-server`, told apart by
 * the id (`triton-inference-server/<dir>`) in charts.jsonl and by `chart_dir` in
 * chart_versions.jsonl. Those get `<name>-<dir>` (e.g. `triton-inference-server-aws`) on
 * both sides so (repository, name) joins a version to exactly one package and
 * (repository, name, version) stays unique.
 */
export function packageName(chartName: string, chartDir: string | null | undefined): string {
  return chartDir && chartDir !== chartName ? `${chartName}-${chartDir}` : chartName;
}

/** The `<dir>` of an id `<repository>/<dir>` when it differs from the chart name, else null. */
export function chartDirFromId(id: string, repository: string, chartName: string): string | null {
  const prefix = `${repository}/`;
  if (!id.startsWith(prefix)) return null;
  const dir = id.slice(prefix.length);
  return dir !== "" && dir !== chartName ? dir : null;
}
