import { Badge } from "@/components/ui/badge";
import { formatMonthly } from "./format";

/** fits_budget true/false/null, with the estimate against the budget when both are known (`spot`: the estimate is at spot prices). */
export function BudgetBadge({ fits, estimate, budget, spot = false }: { fits: boolean | null; estimate: number | null; budget?: number; spot?: boolean }) {
  const vs = estimate != null && budget != null ? `${formatMonthly(estimate)}${spot ? " at spot" : ""} of ${formatMonthly(budget)}/mo` : null;
  if (fits === true) {
    return (
      <span data-testid="plan-budget" data-fits="true">
        <Badge tone="success">✓ Within budget{vs ? ` · ${vs}` : ""}</Badge>
      </span>
    );
  }
  if (fits === false) {
    return (
      <span data-testid="plan-budget" data-fits="false">
        <Badge tone="danger">Over budget{vs ? ` · ${vs}` : ""}</Badge>
      </span>
    );
  }
  return (
    <span data-testid="plan-budget" data-fits="null">
      <Badge>No budget given</Badge>
    </span>
  );
}
