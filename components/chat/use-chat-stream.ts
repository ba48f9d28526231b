"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_MESSAGE_CHARS } from "@/lib/schemas/chat";
import { parseJsonData, readSseStream } from "./sse";
import { applyStreamEvent, describeErrorResponse, failed } from "./stream-events";
import type { UiMessage } from "./types";

let seq = 0;
const localId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(++seq).toString(36)}`;

export interface UseChatStreamOptions {
  conversationId?: string;
  initialMessages?: UiMessage[];
  /** Called once when the server created a new conversation (first `event: conversation`). */
  onConversation?: (conversationId: string, shareUrl: string) => void;
  endpoint?: string;
}

export interface ChatStream {
  messages: UiMessage[];
  conversationId?: string;
  streaming: boolean;
  /** Send a message; resolves when the answer is complete. Returns false if nothing was sent. */
  send: (text: string) => Promise<boolean>;
  /** Drop a failed answer (and the question that led to it) and ask again. */
  retry: (assistantId: string) => void;
  stop: () => void;
}

/** Chat state + POST /api/chat/stream, read with fetch and a ReadableStream (no SSE library). */
export function useChatStream(options: UseChatStreamOptions = {}): ChatStream {
  const { endpoint = "/api/chat/stream" } = options;
  const [messages, setMessages] = useState<UiMessage[]>(options.initialMessages ?? []);
  const [conversationId, setConversationId] = useState(options.conversationId);
  const [streaming, setStreaming] = useState(false);
  const conversationRef = useRef(options.conversationId);
  const streamingRef = useRef(false);
  const abortRef = useRef<AbortController | null>(null);
  const messagesRef = useRef(messages);
  const onConversationRef = useRef(options.onConversation);

  useEffect(() => {
    messagesRef.current = messages;
    onConversationRef.current = options.onConversation;
  });
  useEffect(() => () => abortRef.current?.abort(), []);

  const send = useCallback(
    async (text: string): Promise<boolean> => {
      const message = text.trim();
      if (!message || message.length > MAX_MESSAGE_CHARS || streamingRef.current) return false;
      streamingRef.current = true;
      setStreaming(true);

      const assistantId = localId("a");
      setMessages((ms) => [
        ...ms,
        { id: localId("u"), role: "user", content: message },
        { id: assistantId, role: "assistant", content: "", streaming: true, status: [] },
      ]);
      const update = (fn: (m: UiMessage) => UiMessage) =>
        setMessages((ms) => ms.map((m) => (m.id === assistantId ? fn(m) : m)));

      const controller = new AbortController();
      abortRef.current = controller;
      let finished = false;
      try {
        const res = await fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify(conversationRef.current ? { conversation_id: conversationRef.current, message } : { message }),
          signal: controller.signal,
          credentials: "same-origin",
        });
        if (!res.ok || !res.body) {
          const err = await describeErrorResponse(res);
          update((m) => failed(m, err.code, err.message));
          return true;
        }
        await readSseStream(res.body, (ev) => {
          if (ev.event === "conversation") {
            const d = parseJsonData<{ conversation_id?: string; share_url?: string }>(ev.data);
            if (d?.conversation_id && d.conversation_id !== conversationRef.current) {
              conversationRef.current = d.conversation_id;
              setConversationId(d.conversation_id);
              onConversationRef.current?.(d.conversation_id, d.share_url || `/c/${d.conversation_id}`);
            }
            return;
          }
          if (ev.event === "result" || ev.event === "error") finished = true;
          update((m) => applyStreamEvent(m, ev));
        });
        if (!finished) {
          update((m) => failed(m, "incomplete", "The answer stopped before it was complete. Please try again."));
        }
      } catch (err) {
        if (controller.signal.aborted) {
          update((m) => (m.streaming ? failed(m, "aborted", "Stopped.") : m));
        } else {
          update((m) =>
            failed(m, "network", `Could not reach the server${err instanceof Error && err.message ? ` (${err.message})` : ""}.`),
          );
        }
      } finally {
        if (abortRef.current === controller) abortRef.current = null;
        streamingRef.current = false;
        setStreaming(false);
      }
      return true;
    },
    [endpoint],
  );

  const retry = useCallback(
    (assistantId: string) => {
      if (streamingRef.current) return;
      const ms = messagesRef.current;
      const idx = ms.findIndex((m) => m.id === assistantId);
      const question = idx > 0 ? ms[idx - 1] : undefined;
      if (!question || question.role !== "user") return;
      setMessages(ms.filter((_, i) => i !== idx && i !== idx - 1));
      void send(question.content);
    },
    [send],
  );

  const stop = useCallback(() => abortRef.current?.abort(), []);

  return { messages, conversationId, streaming, send, retry, stop };
}
