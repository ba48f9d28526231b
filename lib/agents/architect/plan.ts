import type { DeploymentPlan, InstanceOption, PackageOption } from "@/lib/schemas/plan";
import { budgetVerdict } from "./verdict";
import { buildArtifacts } from "@/lib/artifacts";
import { buildDeployments } from "./deployments";
import { planSteps, pinnedInstall } from "./steps";
import { planWarningDetails } from "./warnings";
import type { ArchitectFacts } from "./types";

const MAX_PACKAGES = 15;

/** The plan's options, ranked (compute[0] is the deployment's instance). */
export function chosenCompute(f: ArchitectFacts): InstanceOption[] {
  return f.compute.results;
}

/** The charts the plan installs (each component's, prerequisites first; then the tools asked for), pinned to the catalog's version. */
export function chosenPackages(f: ArchitectFacts): PackageOption[] {
  const seen = new Set<string>();
  const out: PackageOption[] = [];
  const add = (p: PackageOption) => {
    const key = `${p.repository}/${p.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const { purpose: _purpose, ...option } = p as PackageOption & { purpose?: string };
    out.push({ ...option, install_command: pinnedInstall(option) });
  };
  for (const c of f.components) c.charts.forEach(add);
  for (const e of f.extraPackages) e.result.results.forEach(add);
  return out.slice(0, MAX_PACKAGES);
}

/** Assemble the DeploymentPlan from the gathered facts; every number comes from the tools and sizing. */
export function buildPlan(f: ArchitectFacts, summary: string, engine: "llm" | "offline"): DeploymentPlan {
  const compute = chosenCompute(f);
  const packages = chosenPackages(f);
  const models = f.models.results.slice(0, 5);
  const top = compute[0];
  const deployments = buildDeployments(f);
  const nodes = f.stack?.nodes ?? [];
  // The whole stack is what the budget pays for when the plan has more than one part (or node);
  // spot prices when the user allowed spot; the whole run for a per-run budget.
  const verdict = budgetVerdict(f.spec, top, nodes, deployments, f.job);
  const stackCost = verdict.stackMonthly ?? verdict.monthly;
  const details = planWarningDetails(f, deployments);
  const plan: DeploymentPlan = {
    summary,
    sizing: f.sizing,
    compute,
    models,
    packages,
    local_cluster: { ...f.local },
    estimated_monthly_cost_usd: verdict.monthly,
    fits_budget: verdict.fits,
    steps: planSteps(f, deployments),
    warnings: details.map((w) => w.message),
    engine,
    assumptions: f.assumptions,
    deployments,
    warning_details: details,
    ...(f.stack ? { nodes, estimated_stack_monthly_cost_usd: stackCost } : {}),
    ...(top ? { estimated_monthly_cost_spot_usd: verdict.monthlySpot } : {}),
    ...(verdict.basis ? { budget_basis: verdict.basis } : {}),
  };
  plan.artifacts = buildArtifacts(plan, {
    charts: f.components.map((c) => ({ component: c.component.component, charts: c.charts })),
    extraCharts: f.extraPackages.flatMap((e) => e.result.results),
    task: f.spec.task,
  });
  return plan;
}
