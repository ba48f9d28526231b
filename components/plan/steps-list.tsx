import { InlineMarkdown } from "@/components/chat/markdown";
import { ListIcon } from "@/components/ui/icons";
import { SectionCard } from "@/components/ui/section-card";

/** Numbered deployment steps; inline `code` is rendered. */
export function StepsList({ steps }: { steps: string[] }) {
  if (steps.length === 0) return null;
  return (
    <SectionCard title="Steps" icon={<ListIcon />} testId="plan-steps" id="plan-steps">
      <ol className="space-y-2.5">
        {steps.map((s, i) => (
          <li key={i} className="flex gap-3 text-sm leading-6">
            <span
              className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-accent-soft text-[11px] font-semibold text-accent"
              aria-hidden="true"
            >
              {i + 1}
            </span>
            <span className="min-w-0 flex-1">
              <span className="sr-only">Step {i + 1}: </span>
              <InlineMarkdown>{s}</InlineMarkdown>
            </span>
          </li>
        ))}
      </ol>
    </SectionCard>
  );
}
