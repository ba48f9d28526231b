import type { Sizing } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { ChipIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { BreakdownChart, breakdownItems } from "./breakdown-chart";
import { formatGb } from "./format";
import { GpuFitTable } from "./gpu-fit-table";

const SOURCE_LABELS: Record<NonNullable<Sizing["source"]>, string> = {
  formula: "Estimated by formula",
  measured_table: "From measured table",
  user_constraint: "From your constraint",
};

/** "Memory needed": total, stacked breakdown, formula, assumptions, GPU fit. */
export function SizingCard({ sizing }: { sizing: Sizing }) {
  const items = breakdownItems(sizing.breakdown);
  return (
    <SectionCard
      title={sizing.memory_gb_required > 0 ? "Memory needed" : "What it needs"}
      icon={<ChipIcon />}
      testId="plan-sizing"
      id="plan-sizing"
      aside={sizing.source ? <Badge>{SOURCE_LABELS[sizing.source] ?? sizing.source}</Badge> : null}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="plan-sizing-total">
          {sizing.memory_gb_required > 0 ? formatGb(sizing.memory_gb_required) : "No GPU"}
        </span>
        <span className="text-sm text-muted">{sizing.memory_gb_required > 0 ? "of GPU memory, total" : "needed: sized on CPUs and RAM (below)"}</span>
      </div>

      {items.length > 0 ? (
        <div className="mt-4">
          <BreakdownChart items={items} total={sizing.memory_gb_required} />
        </div>
      ) : null}

      {sizing.formula ? (
        <div className="mt-4">
          <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted">Formula</h4>
          <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-border bg-code px-3 py-2 font-mono text-[13px] leading-relaxed" data-testid="plan-formula">
            {sizing.formula}
          </pre>
        </div>
      ) : null}

      {sizing.assumptions?.length ? (
        <div className="mt-4">
          <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted">Assumptions</h4>
          <ul className="list-disc space-y-0.5 pl-5 text-sm text-muted marker:text-border">
            {sizing.assumptions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {sizing.gpu_fit?.length ? (
        <div className="mt-4">
          <GpuFitTable fit={sizing.gpu_fit} />
        </div>
      ) : null}
    </SectionCard>
  );
}
