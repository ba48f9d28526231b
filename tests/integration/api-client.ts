import type { DbHandle } from "@/db/client";
import { POST as chatStart } from "@/app/api/v1/chat/start/route";
import { POST as chatMessage } from "@/app/api/v1/chat/message/route";
import { GET as chatGet } from "@/app/api/v1/chat/[conversation_id]/route";
import { POST as computeRoute } from "@/app/api/v1/tools/compute/search/route";
import { POST as k8sRoute } from "@/app/api/v1/tools/k8s/search/route";
import { POST as hfRoute } from "@/app/api/v1/tools/hf/search/route";
import { POST as streamRoute } from "@/app/api/chat/stream/route";
import type { ChatResponse, ChatStartResponse, Conversation } from "@/lib/schemas/chat";

/** Point the app's process-wide DB handle at a test database (route handlers use getDb()). */
/**
 * Route handlers called in-process use this handle: both the raw handle (db/client.ts) and the app's
 * opened database (lib/server/app-db.ts), so no route starts a first-start load of its own.
 */
export function useDbForRoutes(h: DbHandle) {
  const g = globalThis as unknown as { __stack8sDb?: Promise<DbHandle>; __stack8sAppDb?: Promise<DbHandle> };
  g.__stack8sDb = Promise.resolve(h);
  g.__stack8sAppDb = Promise.resolve(h);
}

const BASE = "http://127.0.0.1:3000";

export function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function call(res: Promise<Response> | Response) {
  const r = await res;
  const text = await r.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: r.status, headers: r.headers, json: json as any, text };
}

let clientSeq = 0;
/**
 * A distinct client address per conversation start: the per-address start limit (30/min) is for
 * real clients, and the suites start many conversations within a minute.
 */
export function freshClient(): Record<string, string> {
  clientSeq++;
  return { "x-forwarded-for": `10.${(clientSeq >> 16) & 255}.${(clientSeq >> 8) & 255}.${clientSeq & 255}` };
}

/** Any request to a route handler, for bodies the JSON helper cannot express (wrong type, huge, …). */
export function rawRequest(path: string, init: { body?: string; headers?: Record<string, string>; method?: string }): Request {
  return new Request(`${BASE}${path}`, { method: init.method ?? "POST", headers: init.headers ?? {}, body: init.body });
}

/** The events of a text/event-stream body, in order. */
export function parseSse(text: string): { event: string; data: any }[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return { event, data: data === undefined ? null : JSON.parse(data) };
    });
}

export const api = {
  start: (body: unknown = {}, headers: Record<string, string> = {}) =>
    call(chatStart(jsonRequest("/api/v1/chat/start", body, { ...freshClient(), ...headers }))),
  message: (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
    call(chatMessage(jsonRequest("/api/v1/chat/message", body, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }))),
  get: (id: string, headers: Record<string, string> = {}) =>
    call(chatGet(new Request(`${BASE}/api/v1/chat/${id}`, { headers }), { params: Promise.resolve({ conversation_id: id }) })),
  compute: (body: unknown) => call(computeRoute(jsonRequest("/api/v1/tools/compute/search", body))),
  k8s: (body: unknown) => call(k8sRoute(jsonRequest("/api/v1/tools/k8s/search", body))),
  hf: (body: unknown) => call(hfRoute(jsonRequest("/api/v1/tools/hf/search", body))),
  stream: (body: unknown, headers: Record<string, string> = {}) =>
    call(streamRoute(jsonRequest("/api/chat/stream", body, { ...freshClient(), ...headers }))),
  /** The same routes with a hand-made request. */
  raw: {
    start: (init: Parameters<typeof rawRequest>[1]) => call(chatStart(rawRequest("/api/v1/chat/start", init))),
    message: (init: Parameters<typeof rawRequest>[1]) => call(chatMessage(rawRequest("/api/v1/chat/message", init))),
    compute: (init: Parameters<typeof rawRequest>[1]) => call(computeRoute(rawRequest("/api/v1/tools/compute/search", init))),
  },
};

/** Start a conversation with a first message; returns the token and the first response. */
export async function ask(message: string): Promise<{ start: ChatStartResponse; response: ChatResponse }> {
  const r = await api.start({ message });
  if (r.status !== 201) throw new Error(`start failed ${r.status}: ${r.text}`);
  return { start: r.json, response: r.json.response };
}

/** Start with a first message and answer each clarification with `answers` in turn, until a plan (or answers run out). */
export async function converse(message: string, answers: string[] = []): Promise<{ start: ChatStartResponse; responses: ChatResponse[] }> {
  const { start, response } = await ask(message);
  const responses = [response];
  for (const a of answers) {
    if (responses[responses.length - 1].type === "plan") break;
    responses.push(await reply(start, a));
  }
  return { start, responses };
}

/** Continue a conversation. */
export async function reply(start: ChatStartResponse, message: string): Promise<ChatResponse> {
  const r = await api.message(start.owner_token, { conversation_id: start.conversation_id, message });
  if (r.status !== 200) throw new Error(`message failed ${r.status}: ${r.text}`);
  return r.json;
}

export type { Conversation };
