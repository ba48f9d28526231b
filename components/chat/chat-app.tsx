"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { AppHeader } from "./app-header";
import { Composer } from "./composer";
import { ExamplePrompts } from "./example-prompts";
import { HealthFooter } from "./health-footer";
import { MessageList } from "./message-list";
import { ReadonlyNotice } from "./readonly-notice";
import { ShareButton } from "./share-button";
import type { UiMessage } from "./types";
import { useChatStream } from "./use-chat-stream";

function Hero({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-1 flex-col justify-center px-4 py-12 sm:py-20">
      <div className="text-center">
        <p className="mb-3 inline-flex items-center gap-2 rounded-full border border-border bg-card px-3 py-1 text-xs text-muted">
          GPU sizing · cloud prices · models · Helm charts
        </p>
        <h1 className="text-balance text-3xl font-semibold tracking-tight sm:text-4xl">What do you want to run?</h1>
        <p className="mx-auto mt-3 max-w-xl text-balance text-[15px] leading-relaxed text-muted">
          Describe an AI workload in plain words. Stack8s works out the GPU memory it needs, finds the cheapest cloud
          instances that fit your budget, and picks the models and Helm charts to deploy it.
        </p>
      </div>
      <div className="mt-8">{children}</div>
    </div>
  );
}

/** The whole chat: landing state, conversation, composer (or the read-only notice), status footer. */
export function ChatApp({
  conversationId: initialConversationId,
  initialMessages,
  readOnly = false,
}: {
  conversationId?: string;
  initialMessages?: UiMessage[];
  readOnly?: boolean;
}) {
  const [input, setInput] = useState("");
  const onConversation = useCallback((id: string, shareUrl: string) => {
    // Make the conversation shareable without a reload or a re-render of the route.
    const url = shareUrl.startsWith("/") ? shareUrl : `/c/${id}`;
    if (window.location.pathname !== url) window.history.replaceState(null, "", url);
  }, []);
  const chat = useChatStream({ conversationId: initialConversationId, initialMessages, onConversation });
  const { messages, streaming, send, conversationId } = chat;
  const empty = messages.length === 0;
  const canReply = !readOnly;

  // Follow the answer while it streams, unless the reader scrolled up.
  const stickToBottom = useRef(true);
  const bottomRef = useRef<HTMLDivElement>(null);
  const sendText = useCallback(
    (text: string) => {
      if (streaming || !text.trim()) return;
      stickToBottom.current = true;
      setInput("");
      void send(text);
    },
    [send, streaming],
  );

  useEffect(() => {
    const onScroll = () => {
      const gap = document.documentElement.scrollHeight - (window.scrollY + window.innerHeight);
      stickToBottom.current = gap < 160;
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);
  const last = messages[messages.length - 1];
  useEffect(() => {
    if (last?.streaming && stickToBottom.current) bottomRef.current?.scrollIntoView({ block: "end" });
  }, [last]);

  // Opening a shared conversation: start at its end.
  useEffect(() => {
    if (initialMessages?.length) window.scrollTo({ top: document.documentElement.scrollHeight });
  }, [initialMessages]);

  const composer = (
    <Composer
      value={input}
      onChange={setInput}
      onSend={sendText}
      onStop={chat.stop}
      streaming={streaming}
      autoFocus={empty && !readOnly}
      placeholder={empty ? "e.g. Deploy Llama 3.1 70B for inference on AWS under $5,000/month" : "Reply, or refine the request…"}
    />
  );

  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader actions={conversationId ? <ShareButton conversationId={conversationId} /> : null} showNewChat={!empty || readOnly} />
      {empty && !readOnly ? (
        <>
          <Hero>
            {composer}
            <div className="mt-5">
              <ExamplePrompts onPick={sendText} disabled={streaming} />
            </div>
          </Hero>
          <div className="px-4 pb-6">
            <HealthFooter />
          </div>
        </>
      ) : (
        <>
          <main className="mx-auto w-full max-w-5xl flex-1 px-4 pt-6 pb-8">
            {empty ? <p className="text-center text-sm text-muted">This conversation has no messages yet.</p> : null}
            <MessageList messages={messages} conversationId={conversationId ?? undefined} canReply={canReply && !streaming} onAnswer={sendText} onRetry={chat.retry} />
            <div ref={bottomRef} className="h-px" />
          </main>
          <div className="sticky bottom-0 z-20 bg-gradient-to-t from-background from-70% to-transparent pt-6">
            <div className="mx-auto w-full max-w-5xl px-4 pb-3">
              {readOnly ? <ReadonlyNotice /> : composer}
              <div className="mt-2 hidden sm:block">
                <HealthFooter />
              </div>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
