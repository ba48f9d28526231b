import { CheckIcon } from "@/components/ui/icons";
import { stepLabel, type StatusStep } from "./types";

function Spinner() {
  return (
    <span
      className="inline-block h-3.5 w-3.5 animate-spin rounded-full border-2 border-accent/30 border-t-accent"
      aria-hidden="true"
    />
  );
}

/** Compact progress of the agents: done steps get a check, the current one its live message. */
export function StatusSteps({ steps, active }: { steps: StatusStep[]; active: boolean }) {
  return (
    <ol className="space-y-1 text-sm" data-testid="status-steps" aria-live="polite" aria-label="Progress">
      {steps.length === 0 && active ? (
        <li className="flex items-center gap-2 text-muted">
          <Spinner />
          Thinking…
        </li>
      ) : null}
      {steps.map((s) => {
        const running = active && !s.done;
        return (
          <li key={s.step} className={`flex items-center gap-2 ${running ? "text-foreground" : "text-muted"}`} data-step={s.step} data-done={s.done ? "true" : "false"}>
            {running ? <Spinner /> : <CheckIcon className="h-3.5 w-3.5 text-success" />}
            <span>{running ? s.message || `${stepLabel(s.step)}…` : stepLabel(s.step)}</span>
            {running ? null : <span className="sr-only">done</span>}
          </li>
        );
      })}
    </ol>
  );
}
