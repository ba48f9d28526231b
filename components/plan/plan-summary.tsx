import type { DeploymentPlan } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { Markdown } from "@/components/chat/markdown";
import { BudgetBadge } from "./budget-badge";
import { formatGb, formatGpus, formatMonthly, providerLabel } from "./format";
import { SpecChips } from "./spec-chips";
import type { ShownCost } from "./spot-prices";
import { AssumptionList } from "./assumption-list";
import { Stat } from "./stat";

function monthlyText(cost: ShownCost): string | null {
  if (cost.monthly == null) return null;
  return `${formatMonthly(cost.monthly)}/mo${cost.basis === "spot" ? " at spot" : ""}`;
}

/**
 * The top of the plan: summary sentence and three numbers worth scanning first. `cost` is the
 * headline cost at the shown price basis (spot toggle); a training / fine-tuning plan leads with the
 * whole run's cost, then $/month.
 */
export function PlanSummary({ plan, spec, cost }: { plan: DeploymentPlan; spec?: WorkloadSpec; cost?: ShownCost }) {
  const top = plan.compute[0];
  const shown: ShownCost = cost ?? {
    monthly: plan.estimated_monthly_cost_usd, basis: "on_demand", spotMissing: false, fits: plan.fits_budget, run: null, runBasis: "on_demand",
  };
  const monthly = monthlyText(shown);
  const badge = <BudgetBadge fits={shown.fits} estimate={null} budget={spec?.budget_monthly_usd} />;
  return (
    <div className="rounded-xl border border-border bg-card p-4 shadow-[0_1px_2px_rgba(0,0,0,0.04)]">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold tracking-tight">Deployment plan</h3>
        {plan.engine === "offline" ? (
          <span className="text-xs text-muted" title="Written by the offline engine (no LLM)">
            offline engine
          </span>
        ) : null}
      </div>
      {plan.summary ? (
        <div className="mt-1.5 leading-relaxed" data-testid="plan-summary">
          <Markdown className="text-[15px]">{plan.summary}</Markdown>
        </div>
      ) : null}
      <div className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-3">
        <Stat large truncate label="GPU memory needed" value={formatGb(plan.sizing.memory_gb_required)} sub={plan.sizing.source === "user_constraint" ? "from your GPU constraint" : undefined} />
        <Stat large truncate
          label="Recommended"
          value={top ? formatGpus(top) : "—"}
          sub={top ? `${providerLabel(top.provider)} ${top.instance_type} · ${top.region}` : "no matching instance"}
        />
        {shown.run != null ? (
          <Stat large truncate
            label={shown.runBasis === "spot" ? "Run cost at spot" : "Run cost"}
            testId="plan-estimate"
            value={`${formatMonthly(shown.run)} for the run`}
            sub={
              <span className="inline-flex items-center gap-2">
                {monthly ? <span data-testid="plan-estimate-monthly">{monthly}</span> : null}
                {badge}
              </span>
            }
          />
        ) : (
          <Stat large truncate
            label={shown.basis === "spot" ? "Estimated cost at spot" : "Estimated cost"}
            testId="plan-estimate"
            value={monthly ?? "—"}
            sub={badge}
          />
        )}
      </div>
      {spec ? (
        <div className="mt-3">
          <SpecChips spec={spec} />
        </div>
      ) : null}
      <AssumptionList items={plan.assumptions ?? []} label={`Assumptions (${plan.assumptions?.length ?? 0})`} />
    </div>
  );
}
