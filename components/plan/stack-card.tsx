import type { Deployment, DeploymentPlan, StackNode } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { ClusterIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { formatGb, formatGpus, formatHourly, formatMonthly, providerLabel } from "./format";

const COMPONENT_LABELS: Record<string, string> = {
  llm: "LLM", embeddings: "Embeddings", reranker: "Reranker", image_generation: "Image generation", speech: "Speech", vision: "Vision",
  vector_db: "Vector DB", notebooks: "Notebooks", tracking: "Tracking", distributed: "Distributed", training_job: "Training job",
  monitoring: "Monitoring", pipelines: "Pipelines", other: "Other",
};

function partName(d: Deployment): string {
  return d.model_id ?? d.tool ?? d.engine;
}

function resources(d: Deployment): string {
  const r = d.resources;
  if (!r) return "—";
  const gpu = d.gpus_per_replica ? `, ${d.gpus_per_replica} GPU` : "";
  const times = d.replicas > 1 ? ` × ${d.replicas}` : "";
  return `${r.vcpus} vCPU, ${formatGb(r.memory_gb)} RAM, ${formatGb(r.storage_gb)} disk${gpu}${times}`;
}

function NodeRow({ n }: { n: StackNode }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-border px-3 py-2 text-sm" data-testid="plan-stack-node">
      <div className="min-w-0">
        <span className="font-medium">{n.count > 1 ? `${n.count}× ` : ""}{providerLabel(n.instance.provider)}</span>{" "}
        <span className="font-mono text-[13px]">{n.instance.instance_type}</span>{" "}
        <Badge>{n.role === "gpu" ? formatGpus(n.instance) : `CPU · ${n.instance.vcpus ?? "—"} vCPU, ${formatGb(n.instance.memory_gb)} RAM`}</Badge>
        <div className="text-xs text-muted">
          {n.instance.region} · runs {n.components.map((c) => COMPONENT_LABELS[c] ?? c).join(", ") || "—"}
        </div>
      </div>
      <div className="text-right tabular-nums">
        <div className="font-semibold">{formatMonthly(n.monthly_cost_usd)}</div>
        <div className="text-xs text-muted">{formatHourly(n.instance.price_per_hour_usd)}/hr{n.count > 1 ? " each" : ""}</div>
      </div>
    </li>
  );
}

/** "What runs where": every part of the stack, its node pool and resources, and the whole stack's cost. */
export function StackCard({ plan }: { plan: DeploymentPlan }) {
  const deployments = plan.deployments ?? [];
  const nodes = plan.nodes ?? [];
  if (deployments.length < 2 && nodes.length < 2 && (nodes[0]?.count ?? 1) < 2 && !deployments[0]?.profiles) return null;
  const total = plan.estimated_stack_monthly_cost_usd;
  return (
    <SectionCard
      title="What runs where"
      icon={<ClusterIcon />}
      testId="plan-stack"
      id="plan-stack"
      aside={total != null ? <Badge tone="accent">Whole stack {formatMonthly(total)}/mo</Badge> : null}
    >
      <ul className="space-y-2">
        {deployments.map((d, i) => (
          <li key={i} className="text-sm" data-testid="plan-stack-part">
            <div className="flex flex-wrap items-center gap-1.5">
              <Badge>{COMPONENT_LABELS[d.component] ?? d.component}</Badge>
              <span className="font-mono text-[13px]">{partName(d)}</span>
              {d.node ? <span className="text-xs text-muted">on {d.node}</span> : null}
            </div>
            <div className="mt-0.5 text-xs text-muted">{d.role ? `${d.role} · ` : ""}{resources(d)}</div>
            {d.profiles?.length ? (
              <ul className="mt-1 list-disc pl-5 text-xs text-muted">
                {d.profiles.map((p) => (
                  <li key={p.name}>
                    {p.name}{p.default ? " (default)" : ""}: {p.description}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {nodes.length ? (
        <>
          <h4 className="mb-1.5 mt-4 text-xs font-semibold uppercase tracking-wide text-muted">Node pools</h4>
          <ul className="space-y-2">
            {nodes.map((n) => (
              <NodeRow key={n.id} n={n} />
            ))}
          </ul>
        </>
      ) : null}
    </SectionCard>
  );
}
