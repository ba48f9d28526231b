"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { copyText } from "./clipboard";
import { CheckIcon, CopyIcon } from "./icons";

/** Copies `text`; shows "Copied" for two seconds. */
export function CopyButton({
  text,
  label = "Copy",
  ariaLabel,
  icon,
  className = "",
  testId,
}: {
  text: string | (() => string);
  label?: string;
  ariaLabel?: string;
  icon?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function onClick() {
    const ok = await copyText(typeof text === "function" ? text() : text);
    setState(ok ? "copied" : "failed");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2000);
  }

  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={state === "idle" ? ariaLabel ?? label : undefined}
      data-testid={testId}
      className={`inline-flex items-center gap-1.5 rounded-md border border-border bg-card px-2 py-1 text-xs font-medium text-muted transition-colors hover:bg-subtle hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${className}`}
    >
      {state === "copied" ? <CheckIcon className="text-success" /> : icon ?? <CopyIcon />}
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}</span>
    </button>
  );
}
