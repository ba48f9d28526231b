/**
 * Whether the budget verdict (fits_budget) is on the whole stack's cost rather than compute[0]'s:
 * when the plan deploys more than one part or needs more than one node. No zod here: the plan view
 * imports it in the browser.
 */
export function budgetCoversStack(plan: { deployments?: unknown[]; nodes?: { count: number }[] }): boolean {
  const nodes = plan.nodes ?? [];
  return (plan.deployments?.length ?? 0) > 1 || nodes.length > 1 || (nodes[0]?.count ?? 1) > 1;
}
