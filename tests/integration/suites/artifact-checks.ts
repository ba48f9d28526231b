import { expect } from "vitest";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import { planFileErrors } from "@/lib/artifacts/validate/plan-files";

/** Files validated in this process, by kind (printed by the artifact suite for the record). */
export const fileTally = { plans: 0, files: 0, byKind: {} as Record<string, number> };

/** Every file of the plan parses, validates against the upstream definitions and agrees with the plan. */
export function expectValidFiles(plan: DeploymentPlan): void {
  const files = plan.artifacts ?? [];
  const d = plan.deployments?.[0];
  // A plan blocked on its model (no instance, or the pinned GPUs cannot hold it) has no files for it.
  const blocked = !d?.instance || !d.fits;
  if (!blocked) expect(files.length, "plan.artifacts").toBeGreaterThan(0);
  if (blocked) expect(files.some((f) => f.component === d?.component)).toBe(false);
  expect(planFileErrors(plan)).toEqual([]);
  fileTally.plans++;
  fileTally.files += files.length;
  for (const f of files) fileTally.byKind[f.kind] = (fileTally.byKind[f.kind] ?? 0) + 1;
}
