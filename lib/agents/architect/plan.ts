import type { DeploymentPlan, InstanceOption, PackageOption } from "@/lib/schemas/plan";
import { planSteps } from "./steps";
import { planWarnings } from "./warnings";
import type { ArchitectFacts } from "./types";

const MAX_PACKAGES = 15;

/** The plan's options: the budget-capped search, or the cheapest over-budget ones when none fit. */
export function chosenCompute(f: ArchitectFacts): InstanceOption[] {
  return f.compute.results.length ? f.compute.results : (f.overBudget?.results ?? []);
}

export function chosenPackages(f: ArchitectFacts): PackageOption[] {
  const seen = new Set<string>();
  const out: PackageOption[] = [];
  for (const { result } of f.packages) {
    for (const p of result.results) {
      const key = `${p.repository}/${p.name}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    }
  }
  return out.slice(0, MAX_PACKAGES);
}

/** Assemble the DeploymentPlan from the gathered facts; every number comes from the tools and sizing. */
export function buildPlan(f: ArchitectFacts, summary: string, engine: "llm" | "offline"): DeploymentPlan {
  const compute = chosenCompute(f);
  const packages = chosenPackages(f);
  const models = f.models.results.slice(0, 5);
  const top = compute[0];
  const budget = f.spec.budget_monthly_usd;
  const estimated = top ? top.monthly_cost_usd : null;
  return {
    summary,
    sizing: f.sizing,
    compute,
    models,
    packages,
    local_cluster: { ...f.local },
    estimated_monthly_cost_usd: estimated,
    fits_budget: budget === undefined || estimated === null ? null : estimated <= budget,
    steps: planSteps(f, top, packages, models[0]?.id ?? null),
    warnings: planWarnings(f, compute, models),
    engine,
    assumptions: f.assumptions,
  };
}
