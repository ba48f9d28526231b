import { InlineMarkdown } from "@/components/chat/markdown";
import { WarningIcon } from "@/components/ui/icons";
import type { WarningDetail } from "@/lib/schemas/plan";

const LABEL: Record<WarningDetail["severity"], string> = { blocker: "Blocker", warning: "Warning", info: "Note" };
const TONE: Record<WarningDetail["severity"], string> = {
  blocker: "bg-danger-soft text-danger border-danger",
  warning: "bg-warning-soft text-warning border-warning-border",
  info: "bg-card text-muted border-border",
};

/** Amber callout listing the plan's warnings, each tagged with its severity when the plan gives one. */
export function WarningsCallout({ warnings, details }: { warnings: string[]; details?: WarningDetail[] }) {
  if (warnings.length === 0) return null;
  // warning_details mirrors warnings (same order); older stored plans have none.
  const severity = (i: number) => (details?.[i]?.message === warnings[i] ? details[i].severity : null);
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
        {warnings.map((w, i) => {
          const s = severity(i);
          return (
            <li key={i} data-severity={s ?? undefined}>
              {s ? <span className={`mr-1.5 rounded border px-1 py-px text-xs font-semibold ${TONE[s]}`}>{LABEL[s]}</span> : null}
              <InlineMarkdown>{w}</InlineMarkdown>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
