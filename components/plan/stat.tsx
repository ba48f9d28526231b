/**
 * One labelled figure of a plan card (summary, performance, job). `large` for headline figures;
 * `truncate` keeps a long value on one line (the summary's narrow columns).
 */
export function Stat({ label, value, sub, testId, large = false, truncate = false }: { label: string; value: React.ReactNode; sub?: React.ReactNode; testId?: string; large?: boolean; truncate?: boolean }) {
  const cut = truncate ? " truncate" : "";
  return (
    <div className="min-w-0 rounded-lg border border-border bg-background/60 px-3 py-2.5" data-testid={testId}>
      <div className="text-[11px] font-medium uppercase tracking-wide text-muted">{label}</div>
      <div className={`mt-0.5${cut} font-semibold tabular-nums${large ? " text-lg tracking-tight" : ""}`}>{value}</div>
      {sub ? <div className={`mt-0.5${cut} text-xs text-muted`}>{sub}</div> : null}
    </div>
  );
}
