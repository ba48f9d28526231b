"use client";

import { useId } from "react";

/** The spot / on-demand switch of the plan view, with the interruption risk in words. Never fetches. */
export function SpotToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const riskId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="spot-toggle-bar">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={riskId}
        data-testid="spot-toggle"
        onClick={() => onChange(!on)}
        className="inline-flex items-center gap-2 rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <span
          aria-hidden="true"
          className={`relative inline-block h-5 w-9 rounded-full border transition-colors ${on ? "border-accent bg-accent" : "border-border bg-subtle"}`}
        >
          <span className={`absolute top-0.5 h-3.5 w-3.5 rounded-full bg-card shadow transition-[left] ${on ? "left-[18px]" : "left-0.5"}`} />
        </span>
        <span className="font-medium">Spot prices</span>
      </button>
      <span id={riskId} className="text-xs text-muted">
        Spot instances can be reclaimed at short notice; checkpoint long jobs.
      </span>
    </div>
  );
}
