import type { DeploymentPlan } from "@/lib/schemas/plan";
import { ClusterIcon } from "@/components/ui/icons";

/** One line: is a local Kubernetes cluster connected, and what was found. */
export function LocalCluster({ cluster }: { cluster: DeploymentPlan["local_cluster"] }) {
  return (
    <div
      className="flex items-start gap-3 rounded-xl border border-border bg-card px-4 py-3 text-sm"
      data-testid="plan-local-cluster"
      data-connected={cluster.connected ? "true" : "false"}
    >
      <ClusterIcon className="mt-0.5 shrink-0 text-accent" />
      <div className="min-w-0">
        <span className="mr-2 font-semibold">Local cluster</span>
        <span className={`mr-2 inline-flex items-center gap-1.5 text-xs font-medium ${cluster.connected ? "text-success" : "text-muted"}`}>
          <span className={`h-2 w-2 rounded-full ${cluster.connected ? "bg-success" : "bg-muted/50"}`} aria-hidden="true" />
          {cluster.connected ? "Connected" : "Not connected"}
        </span>
        <span className="text-muted">{cluster.message}</span>
      </div>
    </div>
  );
}
