"use client";

import { AssistantMessage } from "./assistant-message";
import type { UiMessage } from "./types";
import { UserMessage } from "./user-message";

/** The conversation, oldest first. Only the last clarification can be answered. */
export function MessageList({
  messages,
  conversationId,
  canReply,
  onAnswer,
  onRetry,
}: {
  messages: UiMessage[];
  conversationId?: string;
  canReply: boolean;
  onAnswer: (text: string) => void;
  onRetry: (assistantId: string) => void;
}) {
  const lastIndex = messages.length - 1;
  return (
    <div className="space-y-6" role="log" aria-label="Conversation" aria-live="off">
      {messages.map((m, i) =>
        m.role === "user" ? (
          <UserMessage key={m.id} content={m.content} />
        ) : (
          <AssistantMessage
            key={m.id}
            message={m}
            conversationId={conversationId}
            interactive={canReply && i === lastIndex && !m.streaming}
            onAnswer={onAnswer}
            onRetry={canReply && i === lastIndex ? () => onRetry(m.id) : undefined}
          />
        ),
      )}
    </div>
  );
}
