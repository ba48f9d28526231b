import type { ReactNode } from "react";
import type { InstanceOption } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { ServerIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { BudgetBadge } from "./budget-badge";
import { formatGb, formatGpus, formatHourly, formatMonthly, providerLabel } from "./format";
import { type PriceBasis, type ShownComputeRow, rowPrices, shownComputeRows } from "./spot-prices";

const th = "px-3 py-2 text-left text-xs font-medium text-muted whitespace-nowrap first:pl-4 last:pr-4";
const thNum = `${th} text-right`;
const td = "px-3 py-2 whitespace-nowrap first:pl-4 last:pr-4";
const tdNum = `${td} text-right tabular-nums`;

const NO_SPOT = "no spot";

function MonthlyCost({ value, over, missing }: { value: number | null; over: boolean; missing: string }) {
  if (value == null) return <span className="text-muted">{missing}</span>;
  return (
    <span className={`inline-flex items-center gap-1 ${over ? "text-danger" : ""}`}>
      {over ? <span className="h-1.5 w-1.5 rounded-full bg-danger" aria-hidden="true" /> : null}
      {formatMonthly(value)}
      {over ? <span className="sr-only"> (over budget)</span> : null}
    </span>
  );
}

/** Narrow screens: one card per instance instead of a nine-column table. */
function ComputeCard({ row, basis, recommended, over }: { row: ShownComputeRow; basis: PriceBasis; recommended: boolean; over: boolean }) {
  const o = row.option;
  const other = rowPrices(o, basis === "spot" ? "on_demand" : "spot").hourly;
  return (
    <li
      data-testid="plan-compute-card"
      className={`rounded-lg border px-3 py-2.5 text-sm ${recommended ? "border-accent/50 bg-accent-soft/70" : "border-border"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="font-medium">{providerLabel(o.provider)}</span>
            <span className="font-mono text-[13px]">{o.instance_type}</span>
            {o.instance_count ? <Badge>× {o.instance_count} nodes</Badge> : null}
            {recommended ? <Badge tone="accent">Recommended</Badge> : null}
          </div>
          <div className="mt-0.5 text-muted">{formatGpus(o)}</div>
        </div>
        <div className="text-right">
          <div className="font-semibold tabular-nums">
            <MonthlyCost value={row.monthly} over={over} missing={basis === "spot" ? NO_SPOT : "—"} />
          </div>
          <div className="text-xs text-muted tabular-nums">{row.hourly == null ? (basis === "spot" ? NO_SPOT : "—") : `${formatHourly(row.hourly)}/hr`}</div>
        </div>
      </div>
      <div className="mt-1.5 flex flex-wrap gap-x-3 text-xs text-muted">
        <span>{o.region}</span>
        <span>{o.vcpus ?? "—"} vCPUs</span>
        <span>{formatGb(o.memory_gb)} RAM</span>
        {other != null ? <span>{basis === "spot" ? "on demand" : "spot"} {formatHourly(other)}/hr</span> : null}
      </div>
    </li>
  );
}

/**
 * Ranked cloud instances; the plan's first is the recommendation. At spot prices (`basis` "spot")
 * the rows show their spot price and are re-sorted by it, rows without one last.
 */
export function ComputeTable({
  compute,
  budget,
  fits,
  estimate,
  basis = "on_demand",
  estimateBasis = basis,
  toggle,
}: {
  compute: InstanceOption[];
  budget?: number;
  fits: boolean | null;
  estimate: number | null;
  basis?: PriceBasis;
  /** The basis of `estimate` (on demand when spot is shown but the plan has no spot estimate). */
  estimateBasis?: PriceBasis;
  /** The spot / on-demand switch, shown above the rows. */
  toggle?: ReactNode;
}) {
  const asOf = compute.find((c) => c.data_as_of)?.data_as_of;
  const spot = basis === "spot";
  const rows = shownComputeRows(compute, basis);
  const isOver = (r: ShownComputeRow) => budget != null && r.monthly != null && r.monthly > budget;
  const key = (o: InstanceOption) => `${o.provider}/${o.instance_type}/${o.region}`;
  return (
    <SectionCard
      title="Compute"
      icon={<ServerIcon />}
      testId="plan-compute"
      id="plan-compute"
      aside={<BudgetBadge fits={fits} estimate={estimate} budget={budget} spot={estimateBasis === "spot"} />}
    >
      {toggle && compute.length > 0 ? <div className="mb-3">{toggle}</div> : null}
      {compute.length === 0 ? (
        <p className="text-sm text-muted">No instance in the catalog matches these requirements. Try relaxing the provider, region or GPU constraints.</p>
      ) : (
        <>
          <ul className="-my-1 space-y-2 sm:hidden" aria-label="Cloud instances that fit, cheapest first">
            {rows.map((r) => (
              <ComputeCard key={key(r.option)} row={r} basis={basis} recommended={r.rank === 0} over={isOver(r)} />
            ))}
          </ul>
          <div className="-mx-4 -mt-4 hidden overflow-x-auto sm:block">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{spot ? "Cloud instances that fit, cheapest at spot prices first" : "Cloud instances that fit, cheapest first"}</caption>
              <thead className="border-b border-border bg-subtle/60">
                <tr>
                  <th scope="col" className={th}>Provider</th>
                  <th scope="col" className={th}>Instance type</th>
                  <th scope="col" className={th}>Region</th>
                  <th scope="col" className={th}>GPUs</th>
                  <th scope="col" className={thNum}>vCPUs</th>
                  <th scope="col" className={thNum}>RAM</th>
                  <th scope="col" className={thNum}>{spot ? "Spot $/hr" : "$/hr"}</th>
                  <th scope="col" className={thNum}>{spot ? "On-demand $/hr" : "Spot $/hr"}</th>
                  <th scope="col" className={thNum}>{spot ? "Spot $/month" : "$/month"}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const o = r.option;
                  const recommended = r.rank === 0;
                  const over = isOver(r);
                  const other = rowPrices(o, spot ? "on_demand" : "spot").hourly;
                  return (
                    <tr
                      key={key(o)}
                      data-testid="plan-compute-row"
                      data-recommended={recommended ? "true" : undefined}
                      className={`border-b border-border last:border-b-0 ${recommended ? "bg-accent-soft/70" : "hover:bg-subtle/50"}`}
                    >
                      <td className={`${td} font-medium ${recommended ? "border-l-2 border-l-accent" : "border-l-2 border-l-transparent"}`}>
                        {providerLabel(o.provider)}
                      </td>
                      <td className={td}>
                        <span className="font-mono text-[13px]">{o.instance_type}</span>
                        {o.instance_count ? <span className="ml-1 text-xs text-muted">× {o.instance_count}</span> : null}
                        {recommended ? (
                          <Badge tone="accent" className="ml-2">
                            Recommended
                          </Badge>
                        ) : null}
                      </td>
                      <td className={`${td} text-muted`}>
                        {o.region}
                        {o.regions_available && o.regions_available > 1 ? (
                          <span className="ml-1 text-xs" title={`${o.regions_available} regions match`}>
                            +{o.regions_available - 1}
                          </span>
                        ) : null}
                      </td>
                      <td className={td}>{formatGpus(o)}</td>
                      <td className={tdNum}>{o.vcpus ?? "—"}</td>
                      <td className={tdNum}>{formatGb(o.memory_gb)}</td>
                      <td className={tdNum} data-testid="plan-compute-hourly">
                        {r.hourly == null ? <span className="text-muted">{spot ? NO_SPOT : "—"}</span> : formatHourly(r.hourly)}
                      </td>
                      <td className={`${tdNum} text-muted`}>{formatHourly(other)}</td>
                      <td className={`${tdNum} font-semibold`} data-testid="plan-compute-monthly" title={over ? "Above your monthly budget" : undefined}>
                        <MonthlyCost value={r.monthly} over={over} missing={spot ? NO_SPOT : "—"} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-xs text-muted">
            {spot
              ? "Spot prices, cheapest at spot first (rows without a spot price last); $/month = spot $/hr × 730"
              : "On-demand prices, cheapest matching region per instance type; $/month = $/hr × 730"}
            {compute.some((c) => c.instance_count) ? " × the nodes needed." : "."}
            {rows.some(isOver) ? " Red: above your budget." : ""}
            {asOf ? ` Prices as of ${asOf}.` : ""}
          </p>
        </>
      )}
    </SectionCard>
  );
}
