"use client";

import { PlanView } from "@/components/plan/plan-view";
import { ClarificationCard } from "./clarification-card";
import { Markdown } from "./markdown";
import { StatusSteps } from "./status-steps";
import type { UiMessage } from "./types";

function Avatar() {
  return (
    <div
      className="flex h-7 w-7 shrink-0 items-center justify-center rounded-lg bg-foreground text-[10px] font-bold tracking-tight text-background"
      aria-hidden="true"
    >
      S8
    </div>
  );
}

/** An assistant answer: live progress, markdown prose, then the clarification or the plan. */
export function AssistantMessage({
  message,
  conversationId,
  interactive,
  onAnswer,
  onRetry,
}: {
  message: UiMessage;
  /** The stored conversation (downloads of the plan's files need it). */
  conversationId?: string;
  /** The clarification can be answered (last message, owner, not streaming). */
  interactive: boolean;
  onAnswer: (text: string) => void;
  onRetry?: () => void;
}) {
  const { streaming, status, content, error } = message;
  return (
    <div className="flex gap-3" data-testid="message-assistant" aria-busy={streaming ? "true" : undefined}>
      <Avatar />
      <div className="min-w-0 flex-1 space-y-3 pt-0.5">
        <span className="sr-only">Stack8s: </span>
        {streaming ? <StatusSteps steps={status ?? []} active /> : null}
        {/* The markdown `content` repeats the plan / questions for API clients; the UI shows the structured views instead. */}
        {content && !message.plan && !(message.clarification && message.type === "clarification") ? (
          <Markdown className="text-[15px]">{content}</Markdown>
        ) : null}
        {message.clarification && message.type === "clarification" ? (
          <ClarificationCard clarification={message.clarification} interactive={interactive} onAnswer={onAnswer} />
        ) : null}
        {message.plan ? <PlanView plan={message.plan} spec={message.spec} links={conversationId && message.serverId ? { conversationId, messageId: message.serverId } : undefined} /> : null}
        {error ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger" data-testid="message-error">
            <span className="min-w-0 flex-1">{error.message}</span>
            {onRetry && error.code !== "forbidden" && error.code !== "http_403" ? (
              <button type="button" onClick={onRetry} className="rounded-md border border-danger/40 px-2.5 py-1 text-xs font-medium hover:bg-danger/10">
                Try again
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
