import type { ChatResponse } from "@/lib/schemas/chat";
import { parseJsonData, type SseEvent } from "./sse";
import type { UiMessage } from "./types";

/** Fold one SSE event from POST /api/chat/stream into the assistant message being streamed. */
export function applyStreamEvent(m: UiMessage, ev: SseEvent): UiMessage {
  switch (ev.event) {
    case "status": {
      const d = parseJsonData<{ step?: string; message?: string }>(ev.data);
      if (!d?.step) return m;
      const steps = m.status ?? [];
      const idx = steps.findIndex((s) => s.step === d.step);
      const status =
        idx >= 0
          ? steps.map((s, i) => (i === idx ? { ...s, message: d.message ?? s.message, done: false } : s))
          : [...steps.map((s) => ({ ...s, done: true })), { step: d.step, message: d.message ?? "", done: false }];
      return { ...m, status };
    }
    case "delta": {
      const d = parseJsonData<{ text?: string }>(ev.data);
      if (typeof d?.text !== "string") return m;
      return { ...m, content: m.content + d.text };
    }
    case "result": {
      const r = parseJsonData<ChatResponse>(ev.data);
      if (!r || typeof r !== "object") {
        return failed(m, "bad_response", "The answer could not be read.");
      }
      return {
        ...m,
        content: typeof r.content === "string" ? r.content : m.content,
        serverId: typeof r.message_id === "string" ? r.message_id : m.serverId,
        type: r.type,
        spec: r.spec,
        clarification: r.clarification ?? null,
        plan: r.plan ?? null,
        streaming: false,
        status: (m.status ?? []).map((s) => ({ ...s, done: true })),
      };
    }
    case "error": {
      const d = parseJsonData<{ error?: { code?: string; message?: string } }>(ev.data);
      return failed(m, d?.error?.code ?? "error", d?.error?.message ?? "Something went wrong while answering.");
    }
    default:
      return m;
  }
}

export function failed(m: UiMessage, code: string, message: string): UiMessage {
  return { ...m, streaming: false, type: "error", error: { code, message } };
}

/** A human sentence for a non-2xx response from the chat endpoints (JSON error body when present). */
export async function describeErrorResponse(res: Response): Promise<{ code: string; message: string }> {
  let code = `http_${res.status}`;
  let message = "";
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body?.error?.code) code = body.error.code;
    if (body?.error?.message) message = body.error.message;
  } catch {
    /* not JSON */
  }
  if (res.status === 401 || res.status === 403) {
    message = "Only the owner of this conversation can add to it. Start your own conversation instead.";
  } else if (res.status === 429) {
    const retry = res.headers.get("Retry-After");
    message = `Too many requests — please wait${retry ? ` ${retry} s` : " a moment"} and try again.`;
  } else if (!message) {
    message = res.status >= 500 ? "The server is unavailable right now. Please try again." : `Request failed (${res.status}).`;
  }
  return { code, message };
}
