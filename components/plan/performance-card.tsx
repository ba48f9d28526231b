import type { Performance } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { SparkIcon, WarningIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { formatMs, formatRate, formatUsdSmall } from "./format";
import { AssumptionList } from "./assumption-list";
import { Stat } from "./stat";

/** binding_constraint in words, with what it means (docs/PERFORMANCE.md, "binding_constraint"). */
export const BINDING_WORDS: Record<Performance["binding_constraint"], { title: string; detail: string }> = {
  latency: { title: "Speed per user decides", detail: "even one sequence alone misses the speed or first-token target: a faster card or more tensor parallelism helps, more replicas do not" },
  memory: { title: "Memory decides", detail: "GPU memory caps how many sequences one replica holds, below what the speed target would allow" },
  throughput: { title: "Throughput decides", detail: "replicas are added for the load; each serves as many sequences as the speed target allows" },
  budget: { title: "Budget decides", detail: "the replicas the load needs cost more than the budget" },
};

/** "Performance": speed, time to first token, replicas and $/1M output tokens of a served LLM (a roofline estimate). */
export function PerformanceCard({ performance: p, title = "Performance", id = "plan-performance" }: { performance: Performance; title?: string; id?: string }) {
  const binding = BINDING_WORDS[p.binding_constraint];
  const target = p.target_tokens_per_s_per_sequence;
  return (
    <SectionCard
      title={title}
      icon={<SparkIcon />}
      testId="plan-performance"
      id={id}
      aside={p.gpu ? <Badge>on {p.gpu}</Badge> : null}
    >
      {p.meets_target === false ? (
        <div
          role="note"
          data-testid="plan-performance-miss"
          className="mb-3 flex items-start gap-2 rounded-lg border border-warning-border bg-warning-soft px-3 py-2 text-sm"
        >
          <span className="mt-0.5 text-warning"><WarningIcon /></span>
          <span>
            <strong className="text-warning">Misses the speed target.</strong> Even one sequence on this GPU gets{" "}
            {formatRate(p.decode_tokens_per_s_per_sequence)} tokens/s{target != null ? ` (target ${formatRate(target)})` : ""} and a first token after{" "}
            {formatMs(p.ttft_ms)}{p.target_ttft_ms != null ? ` (target ${formatMs(p.target_ttft_ms)})` : ""}. More replicas do not help; a faster card does.
          </span>
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <Stat large
          label="Speed per sequence"
          testId="plan-perf-decode"
          value={`${formatRate(p.decode_tokens_per_s_per_sequence)} tokens/s`}
          sub={target != null ? `one sequence alone; target ${formatRate(target)} tokens/s each` : "one sequence alone"}
        />
        <Stat large
          label="Throughput at your load"
          testId="plan-perf-aggregate"
          value={`${formatRate(p.aggregate_tokens_per_s)} tokens/s`}
          sub={`output tokens, all ${p.replicas_needed} replica${p.replicas_needed === 1 ? "" : "s"}${p.batch_per_replica != null ? `; up to ${p.batch_per_replica} sequence${p.batch_per_replica === 1 ? "" : "s"} each` : ""}`}
        />
        <Stat large
          label="Time to first token"
          testId="plan-perf-ttft"
          value={formatMs(p.ttft_ms)}
          sub={p.target_ttft_ms != null ? `average prompt, no queueing; target ${formatMs(p.target_ttft_ms)}` : "average prompt, no queueing"}
        />
        <Stat large label="Replicas needed" testId="plan-perf-replicas" value={String(p.replicas_needed)} sub="for the load you gave" />
        <Stat large
          label="Per 1M output tokens"
          testId="plan-perf-cost"
          value={formatUsdSmall(p.cost_per_million_output_tokens_usd)}
          sub={p.cost_per_million_output_tokens_spot_usd != null ? `on demand; ${formatUsdSmall(p.cost_per_million_output_tokens_spot_usd)} at spot` : "on demand"}
        />
        <div className="min-w-0 rounded-lg border border-border bg-background/60 px-3 py-2.5" data-testid="plan-perf-binding" data-binding={p.binding_constraint}>
          <div className="text-[11px] font-medium uppercase tracking-wide text-muted">What decides the size</div>
          <div className="mt-0.5 text-sm font-semibold">{binding.title}</div>
          <div className="mt-0.5 text-xs text-muted">{binding.detail}</div>
        </div>
      </div>

      <AssumptionList items={p.assumptions} label={`How this is estimated (${p.assumptions.length} assumptions)`} testId="plan-perf-assumptions" />
    </SectionCard>
  );
}
