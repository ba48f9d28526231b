import type { InstanceOption } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { ServerIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { BudgetBadge } from "./budget-badge";
import { formatGb, formatGpus, formatHourly, formatMonthly, providerLabel } from "./format";

const th = "px-3 py-2 text-left text-xs font-medium text-muted whitespace-nowrap";
const thNum = `${th} text-right`;
const td = "px-3 py-2 whitespace-nowrap";
const tdNum = `${td} text-right tabular-nums`;

/** Ranked cloud instances; the first is the recommendation. */
export function ComputeTable({
  compute,
  budget,
  fits,
  estimate,
}: {
  compute: InstanceOption[];
  budget?: number;
  fits: boolean | null;
  estimate: number | null;
}) {
  const asOf = compute.find((c) => c.data_as_of)?.data_as_of;
  return (
    <SectionCard
      title="Compute"
      icon={<ServerIcon />}
      testId="plan-compute"
      id="plan-compute"
      aside={<BudgetBadge fits={fits} estimate={estimate} budget={budget} />}
    >
      {compute.length === 0 ? (
        <p className="text-sm text-muted">No instance in the catalog matches these requirements. Try relaxing the provider, region or GPU constraints.</p>
      ) : (
        <>
          <div className="-mx-4 -mt-4 overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Cloud instances that fit, cheapest first</caption>
              <thead className="border-b border-border bg-subtle/60">
                <tr>
                  <th scope="col" className={th}>Provider</th>
                  <th scope="col" className={th}>Instance type</th>
                  <th scope="col" className={th}>Region</th>
                  <th scope="col" className={th}>GPUs</th>
                  <th scope="col" className={thNum}>vCPUs</th>
                  <th scope="col" className={thNum}>RAM</th>
                  <th scope="col" className={thNum}>$/hr</th>
                  <th scope="col" className={thNum}>Spot $/hr</th>
                  <th scope="col" className={thNum}>$/month</th>
                </tr>
              </thead>
              <tbody>
                {compute.map((o, i) => {
                  const recommended = i === 0;
                  const over = budget != null && o.monthly_cost_usd > budget;
                  return (
                    <tr
                      key={`${o.provider}/${o.instance_type}/${o.region}`}
                      data-testid="plan-compute-row"
                      data-recommended={recommended ? "true" : undefined}
                      className={`border-b border-border last:border-b-0 ${recommended ? "bg-accent-soft/70" : "hover:bg-subtle/50"}`}
                    >
                      <td className={`${td} font-medium ${recommended ? "border-l-2 border-l-accent" : "border-l-2 border-l-transparent"}`}>
                        {providerLabel(o.provider)}
                      </td>
                      <td className={td}>
                        <span className="font-mono text-[13px]">{o.instance_type}</span>
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
                      <td className={tdNum}>{formatHourly(o.price_per_hour_usd)}</td>
                      <td className={`${tdNum} text-muted`}>{formatHourly(o.spot_price_per_hour_usd)}</td>
                      <td className={`${tdNum} font-semibold ${over ? "text-danger" : ""}`} title={over ? "Above your monthly budget" : undefined}>
                        {formatMonthly(o.monthly_cost_usd)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-xs text-muted">
            On-demand prices, cheapest matching region per instance type; $/month = $/hr × 730.
            {asOf ? ` Prices as of ${asOf}.` : ""}
          </p>
        </>
      )}
    </SectionCard>
  );
}
