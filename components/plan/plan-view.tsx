import type { DeploymentPlan } from "@/lib/schemas/plan";
import { budgetCoversStack } from "@/lib/schemas/stack-budget";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { ComputeTable } from "./compute-table";
import { DeploySection, type PlanLinks } from "./deploy-section";
import { LocalCluster } from "./local-cluster";
import { ModelsList } from "./models-list";
import { PackagesList } from "./packages-list";
import { PlanSummary } from "./plan-summary";
import { SizingCard } from "./sizing-card";
import { StackCard } from "./stack-card";
import { StepsList } from "./steps-list";
import { WarningsCallout } from "./warnings-callout";

/** The structured deployment plan, in the order people scan it. */
export function PlanView({ plan, spec, links }: { plan: DeploymentPlan; spec?: WorkloadSpec; links?: PlanLinks }) {
  return (
    <div className="space-y-3" data-testid="plan">
      <PlanSummary plan={plan} spec={spec} />
      <WarningsCallout warnings={plan.warnings ?? []} details={plan.warning_details} />
      <SizingCard sizing={plan.sizing} />
      <StackCard plan={plan} />
      <ComputeTable
        compute={plan.compute ?? []}
        budget={spec?.budget_monthly_usd}
        fits={plan.fits_budget}
        estimate={budgetCoversStack(plan) ? (plan.estimated_stack_monthly_cost_usd ?? plan.estimated_monthly_cost_usd) : plan.estimated_monthly_cost_usd}
      />
      <ModelsList models={plan.models ?? []} />
      <PackagesList packages={plan.packages ?? []} />
      {plan.local_cluster ? <LocalCluster cluster={plan.local_cluster} /> : null}
      <StepsList steps={plan.steps ?? []} />
      {plan.artifacts?.length ? <DeploySection files={plan.artifacts} links={links} /> : null}
    </div>
  );
}
