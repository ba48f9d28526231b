import { InlineMarkdown } from "@/components/chat/markdown";
import { WarningIcon } from "@/components/ui/icons";

/** Amber callout listing the plan's warnings. */
export function WarningsCallout({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <aside
      role="note"
      aria-label="Warnings"
      data-testid="plan-warnings"
      className="rounded-xl border border-warning-border bg-warning-soft px-4 py-3 text-sm text-foreground"
    >
      <div className="flex items-center gap-2 font-semibold text-warning">
        <WarningIcon />
        {warnings.length === 1 ? "Warning" : `Warnings (${warnings.length})`}
      </div>
      <ul className="mt-1.5 list-disc space-y-1 pl-9 marker:text-warning">
        {warnings.map((w, i) => (
          <li key={i}>
            <InlineMarkdown>{w}</InlineMarkdown>
          </li>
        ))}
      </ul>
    </aside>
  );
}
