import "server-only";
import type { DbHandle } from "@/db/client";
import {
  appendMessage, createConversation, getConversationById, getMessagesByConversationId, type MessageRow,
} from "@/db/queries/conversations";
import { ApiError } from "@/lib/api/errors";
import { runPipeline, type PipelineResult, type PipelineStep } from "@/lib/agents/pipeline";
import type { ConversationTurn } from "@/lib/agents/requirements/types";
import type { ChatResponse, Conversation, StoredMessage } from "@/lib/schemas/chat";
import { clarificationSchema, workloadSpecSchema } from "@/lib/schemas/workload-spec";
import { deploymentPlanSchema, type DeploymentPlan } from "@/lib/schemas/plan";
import { newOwnerToken, ownerTokenMatches } from "./owner-token";
import { agentDeps } from "./agent-deps";
import { describeFault } from "@/db/faults";
import { DB_RETRY_AFTER_SECONDS } from "@/lib/api/handler";

/** Payload stored with each assistant message (the structured half of the ChatResponse). */
export interface AssistantPayload {
  type: "clarification" | "plan" | "error";
  spec?: unknown;
  clarification?: unknown;
  plan?: unknown;
  engine?: "llm" | "offline";
  notes?: string[];
  error?: { code: string; message: string };
}

export async function startConversation(h: DbHandle, title: string | null) {
  const { token, hash } = newOwnerToken();
  const c = await createConversation(h.db, { title, ownerTokenHash: hash });
  return { conversation: c, ownerToken: token };
}

/** 404 for an unknown conversation, 401 without a token, 403 with the wrong one. */
export async function authorizeOwner(h: DbHandle, conversationId: string, token: string | null) {
  const c = await getConversationById(h.db, conversationId);
  if (!c) throw new ApiError("not_found", `No conversation ${conversationId}`);
  if (!token) throw new ApiError("unauthorized", "This conversation needs its owner token (Authorization: Bearer <owner_token>)");
  if (!ownerTokenMatches(token, c.ownerTokenHash)) throw new ApiError("forbidden", "The owner token does not match this conversation");
  return c;
}

/** Rebuild the agents' view of the conversation from stored messages. */
export function toTurns(rows: MessageRow[]): ConversationTurn[] {
  return rows
    .filter((m) => m.role !== "system" && (m.payload as AssistantPayload | null)?.type !== "error")
    .map((m) => {
      const p = (m.payload ?? {}) as unknown as Partial<AssistantPayload>;
      return {
        role: m.role as "user" | "assistant",
        content: m.content,
        clarification: p.type === "clarification" ? (clarificationSchema.safeParse(p.clarification).data ?? null) : null,
        spec: p.spec ? (workloadSpecSchema.safeParse(p.spec).data ?? null) : null,
      };
    });
}

/**
 * Store the user message, run the agents, store the assistant message. A failed pipeline stores an
 * assistant error message (so the conversation never ends on an unanswered turn) and throws a
 * clear 503.
 */
export async function postMessage(
  h: DbHandle,
  conversationId: string,
  message: string,
  onStatus?: (step: PipelineStep, message: string) => void,
): Promise<ChatResponse> {
  const userMsg = await appendMessage(h.db, conversationId, { role: "user", content: message, payload: null });
  const history = await getMessagesByConversationId(h.db, conversationId);
  let result: PipelineResult;
  try {
    result = await runPipeline(toTurns(history), { ...(await agentDeps(h)), onStatus });
  } catch (err) {
    // The root cause's code and message only: never a query's SQL parameters (db/faults.ts).
    console.error("[chat] pipeline failed", describeFault(err));
    const error = { code: "pipeline_failed", message: "The planner failed on this message; please try again or rephrase it." };
    await appendMessage(h.db, conversationId, { role: "assistant", content: `⚠️ ${error.message}`, payload: { type: "error", error } });
    throw new ApiError("unavailable", error.message, [], { "Retry-After": String(DB_RETRY_AFTER_SECONDS) });
  }
  const payload: AssistantPayload = {
    type: result.type,
    spec: result.spec,
    clarification: result.clarification,
    plan: result.plan,
    engine: result.engine,
    ...(result.notes.length ? { notes: result.notes } : {}),
  };
  const saved = await appendMessage(h.db, conversationId, { role: "assistant", content: result.content, payload: payload as unknown as Record<string, unknown> });
  return {
    conversation_id: conversationId,
    message_id: saved.id,
    type: result.type,
    content: result.content,
    spec: result.spec,
    clarification: result.clarification,
    plan: result.plan,
    user_message_id: userMsg.id,
    engine: result.engine,
    ...(result.notes.length ? { engine_notes: result.notes } : {}),
  };
}

export function toStoredMessage(m: MessageRow): StoredMessage {
  const p = (m.payload ?? null) as unknown as AssistantPayload | null;
  const base: StoredMessage = { id: m.id, role: m.role, content: m.content, created_at: m.createdAt.toISOString() };
  if (m.role !== "assistant" || !p) return base;
  if (p.type === "error") return { ...base, ...(p.error ? { error: p.error } : {}) };
  return {
    ...base,
    type: p.type,
    spec: workloadSpecSchema.safeParse(p.spec).data ?? {},
    clarification: p.type === "clarification" ? (clarificationSchema.safeParse(p.clarification).data ?? null) : null,
    plan: p.type === "plan" ? (deploymentPlanSchema.safeParse(p.plan).data ?? null) : null,
  };
}

export async function readConversation(h: DbHandle, id: string, isOwner: (hash: string) => boolean): Promise<Conversation> {
  const c = await getConversationById(h.db, id);
  if (!c) throw new ApiError("not_found", `No conversation ${id}`);
  const rows = await getMessagesByConversationId(h.db, id);
  return {
    conversation_id: c.id,
    title: c.title,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    messages: rows.map(toStoredMessage),
    is_owner: isOwner(c.ownerTokenHash),
  };
}

/** The plan of one assistant message of a conversation (anyone with the conversation id may read it, as the conversation). */
export async function readMessagePlan(h: DbHandle, conversationId: string, messageId: string): Promise<{ plan: DeploymentPlan; title: string | null; createdAt: string }> {
  const c = await getConversationById(h.db, conversationId);
  if (!c) throw new ApiError("not_found", `No conversation ${conversationId}`);
  const row = (await getMessagesByConversationId(h.db, conversationId)).find((m) => m.id === messageId);
  if (!row) throw new ApiError("not_found", `No message ${messageId} in conversation ${conversationId}`);
  const plan = toStoredMessage(row).plan;
  if (!plan) throw new ApiError("not_found", `Message ${messageId} has no plan`);
  return { plan, title: c.title, createdAt: row.createdAt.toISOString() };
}
