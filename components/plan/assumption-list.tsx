/** A collapsed list of the assumptions behind a figure (performance, job, plan). */
export function AssumptionList({ items, label, testId }: { items: string[]; label: string; testId?: string }) {
  if (!items.length) return null;
  return (
    <details className="mt-3 text-sm" data-testid={testId}>
      <summary className="cursor-pointer text-muted hover:text-foreground">{label}</summary>
      <ul className="mt-1.5 list-disc space-y-0.5 pl-5 text-muted marker:text-border">
        {items.map((a, i) => (
          <li key={i}>{a}</li>
        ))}
      </ul>
    </details>
  );
}
