import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { formatMonthly, formatParams, providerLabel } from "./format";

/** What the requirements agent understood, as compact chips. */
export function specChips(spec: WorkloadSpec | undefined): string[] {
  if (!spec) return [];
  const chips: string[] = [];
  if (spec.task) chips.push(spec.task.replace(/_/g, " "));
  if (spec.model?.name || spec.model?.hf_id) {
    const p = spec.model.params_b ? ` (${formatParams(spec.model.params_b)})` : "";
    chips.push(`${spec.model.name ?? spec.model.hf_id}${p}`);
  } else if (spec.workload) {
    chips.push(spec.workload);
  } else if (spec.modality) {
    chips.push(spec.modality.replace(/_/g, " "));
  }
  if (spec.fine_tune_method) chips.push(spec.fine_tune_method.toUpperCase());
  if (spec.precision) chips.push(spec.precision);
  if (spec.gpu && (spec.gpu.count || spec.gpu.memory_gb_per_gpu || spec.gpu.model)) {
    const parts = [spec.gpu.count ? `${spec.gpu.count}×` : "", spec.gpu.model ?? "", spec.gpu.memory_gb_per_gpu ? `${spec.gpu.memory_gb_per_gpu} GB` : ""];
    chips.push(parts.filter(Boolean).join(" "));
  }
  if (spec.context_length) chips.push(`${spec.context_length.toLocaleString("en-US")} ctx`);
  if (spec.concurrency) chips.push(`${spec.concurrency} concurrent`);
  if (spec.budget_monthly_usd) chips.push(`≤ ${formatMonthly(spec.budget_monthly_usd)}/mo`);
  if (spec.providers?.length) chips.push(spec.providers.map(providerLabel).join(", "));
  if (spec.regions?.length) chips.push(spec.regions.join(", "));
  if (spec.spot_ok) chips.push("spot OK");
  if (spec.tools?.length) chips.push(spec.tools.join(", "));
  return chips;
}

export function SpecChips({ spec }: { spec: WorkloadSpec | undefined }) {
  const chips = specChips(spec);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="plan-spec">
      <span className="text-xs text-muted">Understood:</span>
      {chips.map((c, i) => (
        <span key={i} className="rounded-md border border-border bg-subtle px-1.5 py-0.5 text-xs">
          {c}
        </span>
      ))}
    </div>
  );
}
