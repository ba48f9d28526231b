import type { Job } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { ChipIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { formatDuration, formatFraction, formatGpuHours, formatMonthly, formatScientific, formatTokens } from "./format";
import { isPrice } from "./spot-prices";
import { AssumptionList } from "./assumption-list";
import { Stat } from "./stat";

/**
 * "The whole run" of a training or fine-tuning job: its cost and duration first, then GPU-hours,
 * tokens, FLOPs and MFU. With `spot` on (and a spot figure known) the headline is the spot cost.
 */
export function JobCard({ job, spot = false, title = "The whole run", id = "plan-job" }: { job: Job; spot?: boolean; title?: string; id?: string }) {
  const spotCost = isPrice(job.run_cost_spot_usd) ? job.run_cost_spot_usd : null;
  const leadSpot = spot && spotCost != null;
  const lead = leadSpot ? spotCost : job.run_cost_usd;
  return (
    <SectionCard title={title} icon={<ChipIcon />} testId="plan-job" id={id} aside={<Badge>estimate</Badge>}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1" data-testid="plan-job-lead">
        <span className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="plan-job-cost" data-basis={leadSpot ? "spot" : "on_demand"}>
          {formatMonthly(lead)}
        </span>
        <span className="text-sm text-muted">
          for the run{leadSpot ? " at spot prices" : " on demand"}, taking{" "}
          <strong className="font-semibold text-foreground" data-testid="plan-job-duration">
            {formatDuration(job.wall_clock_hours)}
          </strong>{" "}
          of wall-clock time
        </span>
      </div>

      <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
        <Stat label="GPU time" testId="plan-job-gpu-hours" value={formatGpuHours(job.gpu_hours)} />
        <Stat label="Tokens" testId="plan-job-tokens" value={`${formatTokens(job.tokens)} tokens`} />
        <Stat label="Compute" testId="plan-job-flops" value={`${formatScientific(job.total_flops)} FLOPs`} />
        <Stat label="MFU" testId="plan-job-mfu" value={formatFraction(job.mfu)} sub="share of peak used" />
        {spotCost != null ? (
          <Stat
            label={leadSpot ? "On demand" : "At spot prices"}
            testId="plan-job-other-cost"
            value={formatMonthly(leadSpot ? job.run_cost_usd : spotCost)}
            sub={leadSpot ? "the same run" : "interruptions not counted"}
          />
        ) : null}
      </div>

      <AssumptionList items={job.assumptions} label={`How this is estimated (${job.assumptions.length} assumptions)`} testId="plan-job-assumptions" />
    </SectionCard>
  );
}
