"use client";

import { useState } from "react";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import { budgetCoversStack } from "@/lib/schemas/stack-budget";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { ComputeTable } from "./compute-table";
import { DeploySection, type PlanLinks } from "./deploy-section";
import { JobCard } from "./job-card";
import { LocalCluster } from "./local-cluster";
import { ModelsList } from "./models-list";
import { PackagesList } from "./packages-list";
import { PerformanceCard } from "./performance-card";
import { PlanSummary } from "./plan-summary";
import { SizingCard } from "./sizing-card";
import { hasSpotPrices, shownCost, spotByDefault } from "./spot-prices";
import { SpotToggle } from "./spot-toggle";
import { StackCard } from "./stack-card";
import { StepsList } from "./steps-list";
import { WarningsCallout } from "./warnings-callout";

/** The structured deployment plan, in the order people scan it. */
export function PlanView({ plan, spec, links }: { plan: DeploymentPlan; spec?: WorkloadSpec; links?: PlanLinks }) {
  const compute = plan.compute ?? [];
  const spotAvailable = hasSpotPrices(compute);
  const [spotChosen, setSpot] = useState(() => spotByDefault(plan.budget_basis));
  const spot = spotAvailable && spotChosen;
  const onDemand = budgetCoversStack(plan) ? (plan.estimated_stack_monthly_cost_usd ?? plan.estimated_monthly_cost_usd) : plan.estimated_monthly_cost_usd;
  const cost = shownCost(plan, spot, onDemand, spec?.budget_monthly_usd);
  const deployments = plan.deployments ?? [];
  const jobs = deployments.filter((d) => d.job);
  const served = deployments.filter((d) => d.performance);
  const label = (d: (typeof deployments)[number]) => d.model_id ?? d.tool ?? d.engine;
  return (
    <div className="space-y-3" data-testid="plan">
      <PlanSummary plan={plan} spec={spec} cost={cost} />
      {jobs.map((d, i) =>
        d.job ? <JobCard key={`job-${i}`} job={d.job} spot={spot} id={i === 0 ? "plan-job" : `plan-job-${i}`} title={jobs.length > 1 ? `The whole run: ${label(d)}` : undefined} /> : null,
      )}
      <WarningsCallout warnings={plan.warnings ?? []} details={plan.warning_details} />
      <SizingCard sizing={plan.sizing} />
      {served.map((d, i) =>
        d.performance ? (
          <PerformanceCard
            key={`perf-${i}`}
            performance={d.performance}
            id={i === 0 ? "plan-performance" : `plan-performance-${i}`}
            title={served.length > 1 ? `Performance: ${label(d)}` : undefined}
          />
        ) : null,
      )}
      <StackCard plan={plan} />
      <ComputeTable
        compute={compute}
        budget={spec?.budget_monthly_usd}
        fits={cost.fits}
        estimate={cost.monthly}
        basis={spot ? "spot" : "on_demand"}
        estimateBasis={cost.basis}
        toggle={spotAvailable ? <SpotToggle on={spot} onChange={setSpot} /> : undefined}
      />
      <ModelsList models={plan.models ?? []} />
      <PackagesList packages={plan.packages ?? []} />
      {plan.local_cluster ? <LocalCluster cluster={plan.local_cluster} /> : null}
      <StepsList steps={plan.steps ?? []} />
      {plan.artifacts?.length ? <DeploySection files={plan.artifacts} links={links} /> : null}
    </div>
  );
}
