"use client";

import { useEffect, useState } from "react";
import type { Conversation } from "@/lib/schemas/chat";
import { AppHeader } from "./app-header";
import { ChatApp } from "./chat-app";
import { fromStoredMessages, type UiMessage } from "./types";

type State =
  | { kind: "loading" }
  | { kind: "not_found" }
  | { kind: "error"; message: string }
  | { kind: "ready"; messages: UiMessage[]; isOwner: boolean };

/** /c/[id]: loads a conversation; the owner continues it, everyone else reads it. */
export function ConversationView({ id }: { id: string }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      try {
        const res = await fetch(`/api/v1/chat/${encodeURIComponent(id)}`, { cache: "no-store", signal: controller.signal, credentials: "same-origin" });
        if (res.status === 404 || res.status === 400) {
          setState({ kind: "not_found" });
          return;
        }
        if (!res.ok) {
          let message = `The conversation could not be loaded (${res.status}).`;
          try {
            const body = (await res.json()) as { error?: { message?: string } };
            if (body?.error?.message) message = body.error.message;
          } catch {
            /* not JSON */
          }
          setState({ kind: "error", message });
          return;
        }
        const conv = (await res.json()) as Conversation;
        setState({ kind: "ready", messages: fromStoredMessages(conv.messages ?? []), isOwner: conv.is_owner === true });
        if (conv.title) document.title = `${conv.title} — Stack8s`;
      } catch (err) {
        if (controller.signal.aborted) return;
        setState({ kind: "error", message: `Could not reach the server${err instanceof Error ? ` (${err.message})` : ""}.` });
      }
    })();
    return () => controller.abort();
  }, [id, attempt]);

  if (state.kind === "ready") {
    return <ChatApp conversationId={id} initialMessages={state.messages} readOnly={!state.isOwner} />;
  }

  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader />
      <main className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-4 py-16 text-center">
        {state.kind === "loading" ? (
          <p className="flex items-center gap-2 text-sm text-muted" role="status" data-testid="conversation-loading">
            <span className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-accent/30 border-t-accent" aria-hidden="true" />
            Loading conversation…
          </p>
        ) : state.kind === "not_found" ? (
          <div data-testid="conversation-not-found">
            <h1 className="text-2xl font-semibold tracking-tight">Conversation not found</h1>
            <p className="mt-2 text-sm text-muted">The link may be mistyped, or the conversation was deleted.</p>
            <a href="/" className="mt-6 inline-block rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-foreground hover:opacity-90">
              Start a new conversation
            </a>
          </div>
        ) : (
          <div role="alert" data-testid="conversation-error">
            <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
            <p className="mt-2 text-sm text-muted">{state.message}</p>
            <button
              type="button"
              onClick={() => {
                setState({ kind: "loading" });
                setAttempt((a) => a + 1);
              }}
              className="mt-6 rounded-lg border border-border bg-card px-4 py-2 text-sm font-medium hover:bg-subtle"
            >
              Try again
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
