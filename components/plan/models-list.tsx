import type { ModelOption } from "@/lib/schemas/plan";
import { Badge } from "@/components/ui/badge";
import { DownloadIcon, ExternalIcon, HeartIcon, SparkIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";
import { formatCount, formatParams, percent } from "./format";

function ScoreBar({ score }: { score: number }) {
  const pct = percent(score);
  return (
    <div className="flex items-center gap-2" title={`Match score ${pct}/100 (relevance and popularity)`}>
      <div
        className="h-1.5 w-20 overflow-hidden rounded-full bg-subtle"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label="Match score"
      >
        <div className="h-full rounded-full bg-accent" style={{ width: `${pct}%` }} />
      </div>
      <span className="w-7 text-right text-xs tabular-nums text-muted">{pct}</span>
    </div>
  );
}

/** Hugging Face models, ranked. */
export function ModelsList({ models }: { models: ModelOption[] }) {
  return (
    <SectionCard title="Models" icon={<SparkIcon />} testId="plan-models" id="plan-models" aside={<span className="text-xs text-muted">Hugging Face</span>}>
      {models.length === 0 ? (
        <p className="text-sm text-muted">No matching model found in the catalog.</p>
      ) : (
        <ul className="-my-2 divide-y divide-border">
          {models.map((m) => (
            <li key={m.id} className="flex flex-col gap-1.5 py-2.5 sm:flex-row sm:items-center sm:gap-4" data-testid="plan-model">
              <div className="min-w-0 flex-1">
                <a
                  href={m.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex max-w-full items-center gap-1 font-mono text-[13px] font-medium text-foreground hover:text-accent hover:underline"
                >
                  <span className="truncate">{m.id}</span>
                  <ExternalIcon className="h-3 w-3 shrink-0 text-muted" />
                </a>
                <div className="mt-1 flex flex-wrap items-center gap-1.5">
                  {m.pipeline_tag ? <Badge tone="accent">{m.pipeline_tag}</Badge> : null}
                  {m.params_b ? <Badge>{formatParams(m.params_b)} params</Badge> : null}
                  {m.license ? <Badge>{m.license}</Badge> : null}
                  {m.gated ? <Badge tone="warning">gated</Badge> : null}
                </div>
                {m.matched_text ? <p className="mt-1 line-clamp-2 text-xs text-muted">{m.matched_text}</p> : null}
              </div>
              <div className="flex items-center gap-4 text-xs text-muted">
                <span className="inline-flex items-center gap-1 tabular-nums" title="Downloads">
                  <DownloadIcon className="h-3.5 w-3.5" />
                  <span className="sr-only">Downloads:</span>
                  {formatCount(m.downloads)}
                </span>
                <span className="inline-flex items-center gap-1 tabular-nums" title="Likes">
                  <HeartIcon className="h-3.5 w-3.5" />
                  <span className="sr-only">Likes:</span>
                  {formatCount(m.likes)}
                </span>
                <ScoreBar score={m.score} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
