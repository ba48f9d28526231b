import type { K8sPackageRow } from "@/db/schema/cloud";

/** What is needed to write a helm command for a chart. */
export type InstallInput = Pick<K8sPackageRow, "name" | "repository" | "repositoryUrl" | "ociUrl" | "version"> & {
  published?: boolean | null;
  /** charts.jsonl `install_command`, used verbatim when present. */
  upstreamCommand?: string | null;
  /** GitHub repo holding the chart source (for unpublished example charts). */
  sourceRepo?: string | null;
  /** Path of Chart.yaml inside sourceRepo, e.g. `deploy/aws/Chart.yaml`. */
  chartPath?: string | null;
};

const isOci = (u: string | null | undefined): u is string => typeof u === "string" && u.startsWith("oci://");

function gitCloneCommand(c: InstallInput, sourceRepo: string): string {
  const repoDir = sourceRepo.replace(/\/+$/, "").replace(/\.git$/, "").split("/").pop() || "chart";
  const chartDir = c.chartPath ? c.chartPath.replace(/\/?Chart\.ya?ml$/, "") : "";
  const path = chartDir ? `./${repoDir}/${chartDir}` : `./${repoDir}`;
  return `git clone --depth 1 ${sourceRepo} && helm install ${c.name} ${path}`;
}

/**
 * A working install command for a chart, in order of preference:
 * 1. the upstream `install_command` (vendor-documented form, e.g. Bitnami's OCI install);
 * 2. OCI-only publishers: `helm install <name> <oci_url> --version <version>`;
 * 3. classic repos: `helm repo add … && helm repo update && helm install <name> <repo>/<name> --version …`;
 * 4. unpublished example charts (no repository URL): `git clone <source> && helm install <name> ./<dir>`.
 */
export function installCommand(c: InstallInput): string {
  const upstream = c.upstreamCommand?.trim();
  if (upstream) return upstream;
  const version = c.version ? ` --version ${c.version}` : "";
  const repoUrl = c.repositoryUrl ?? null;
  if (repoUrl && !isOci(repoUrl) && c.published !== false) {
    return (
      `helm repo add ${c.repository} ${repoUrl} && helm repo update && ` +
      `helm install ${c.name} ${c.repository}/${c.name}${version}`
    );
  }
  const oci = c.ociUrl ?? (isOci(repoUrl) ? `${repoUrl.replace(/\/+$/, "")}/${c.name}` : null);
  if (oci) return `helm install ${c.name} ${oci}${version}`;
  if (c.sourceRepo) return gitCloneCommand(c, c.sourceRepo);
  return `helm install ${c.name} ${c.repository}/${c.name}${version}`;
}
