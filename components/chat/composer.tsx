"use client";

import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { MAX_MESSAGE_CHARS } from "@/lib/schemas/chat";
import { SendIcon, StopIcon } from "@/components/ui/icons";

/** The message box: Enter sends, Shift+Enter adds a line, disabled while an answer streams. */
export function Composer({
  value,
  onChange,
  onSend,
  onStop,
  streaming,
  placeholder = "Describe what you want to run…",
  autoFocus,
}: {
  value: string;
  onChange: (v: string) => void;
  onSend: (text: string) => void;
  onStop?: () => void;
  streaming: boolean;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const counterId = useId();
  const length = value.length;
  const canSend = !streaming && value.trim().length > 0 && length <= MAX_MESSAGE_CHARS;

  // Grow with the content up to a limit.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`;
  }, [value]);

  // Give focus back when an answer finished streaming.
  const wasStreaming = useRef(streaming);
  useEffect(() => {
    if (wasStreaming.current && !streaming) ref.current?.focus();
    wasStreaming.current = streaming;
  }, [streaming]);

  function submit() {
    if (canSend) onSend(value);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  }

  const counterTone = length >= MAX_MESSAGE_CHARS ? "text-danger" : length > MAX_MESSAGE_CHARS * 0.9 ? "text-warning" : "text-muted";

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="rounded-2xl border border-border bg-card shadow-sm transition-shadow focus-within:border-accent/60 focus-within:shadow-[0_0_0_3px_var(--accent-soft)]"
    >
      <label htmlFor="composer" className="sr-only">
        Message
      </label>
      <textarea
        id="composer"
        ref={ref}
        data-testid="composer"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={streaming}
        maxLength={MAX_MESSAGE_CHARS}
        rows={1}
        autoFocus={autoFocus}
        placeholder={placeholder}
        aria-describedby={counterId}
        className="block max-h-60 min-h-[52px] w-full resize-none bg-transparent px-4 pt-3.5 pb-1 text-[15px] leading-6 outline-none placeholder:text-muted/80 disabled:cursor-not-allowed disabled:opacity-60"
      />
      <div className="flex items-center justify-between gap-2 px-3 pb-2.5">
        <span id={counterId} className={`text-xs tabular-nums ${counterTone}`} data-testid="composer-counter">
          <span className="hidden sm:inline">Enter to send · Shift+Enter for a new line · </span>
          {length.toLocaleString("en-US")} / {MAX_MESSAGE_CHARS.toLocaleString("en-US")}
        </span>
        {streaming && onStop ? (
          <button
            type="button"
            onClick={onStop}
            aria-label="Stop"
            className="flex h-8 w-8 items-center justify-center rounded-lg border border-border text-foreground hover:bg-subtle"
          >
            <StopIcon />
          </button>
        ) : (
          <button
            type="submit"
            data-testid="send-button"
            disabled={!canSend}
            aria-label="Send message"
            className="flex h-8 w-8 items-center justify-center rounded-lg bg-accent text-accent-foreground transition-opacity hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-30"
          >
            <SendIcon />
          </button>
        )}
      </div>
    </form>
  );
}
