/**
 * Shell files for tools installed without a Helm chart: Kubeflow Pipelines from its kustomize
 * manifests (the catalog has no chart for it), and — for a tool no chart was found for — a script
 * that says so and carries the plan's sizing. install.sh runs them in the deployment's place.
 */
import type { DeploymentContext } from "./context";
import { shq } from "./engine-command";

/**
 * The Kubeflow Pipelines release installed: the version the standalone installation guide pins
 * (kubeflow.org/docs/components/pipelines/operator-guides/installation/, "Deploying Kubeflow Pipelines").
 */
export const KFP_VERSION = "2.14.3";
const KFP_MANIFESTS = "github.com/kubeflow/pipelines/manifests/kustomize";

/** The plan's sizing of one replica, as comment lines. */
function sizingLines(c: DeploymentContext): string[] {
  const r = c.resources;
  const lines = [r ? `# The plan sized it at ${r.vcpus} vCPU, ${r.memory_gb} GB memory${r.storage_gb > 0 ? `, ${r.storage_gb} GB storage` : ""} per replica, ${c.d.replicas} replica(s).` : "# The plan did not size it."];
  if (c.instance) {
    const labels = Object.entries(c.nodeSelector).map(([k, v]) => `${k}=${v}`).join(",");
    lines.push(`# It is planned on ${c.instance.instance_type}${labels ? ` (node label ${labels})` : ""}.`);
  }
  return lines;
}

/**
 * Kubeflow Pipelines standalone, as the installation guide gives it: the cluster-scoped resources
 * (CRDs), a wait until the Application CRD is established, then the platform-agnostic environment
 * (the guide's choice for clusters outside Google Cloud). It installs into the `kubeflow` namespace.
 */
export function kubeflowPipelinesScript(c: DeploymentContext): string {
  return [
    "#!/usr/bin/env bash",
    "# Kubeflow Pipelines standalone (kubeflow.org/docs/components/pipelines/operator-guides/installation/).",
    "# The manifests install into the \"kubeflow\" namespace; the UI: kubectl port-forward -n kubeflow svc/ml-pipeline-ui 8080:80",
    ...sizingLines(c),
    "set -euo pipefail",
    `export PIPELINE_VERSION=${KFP_VERSION}`,
    `kubectl apply -k "${KFP_MANIFESTS}/cluster-scoped-resources?ref=$PIPELINE_VERSION"`,
    "kubectl wait --for condition=established --timeout=60s crd/applications.app.k8s.io",
    `kubectl apply -k "${KFP_MANIFESTS}/env/platform-agnostic?ref=$PIPELINE_VERSION"`,
    "",
  ].join("\n");
}

/** A tool the catalog has no chart for: nothing is installed; the script says what the plan sized. */
export function noChartScript(c: DeploymentContext): string {
  const tool = c.d.tool ?? c.d.engine;
  return [
    "#!/usr/bin/env bash",
    `# ${tool} (${c.d.component}): no Helm chart was found for it in the catalog, so nothing is installed automatically.`,
    ...sizingLines(c),
    "set -euo pipefail",
    `echo ${shq(`${tool}: install it by hand with the sizing above (no chart found).`)}`,
    "",
  ].join("\n");
}
