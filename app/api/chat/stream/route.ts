import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { getCatalogDb } from "@/lib/server/app-db";
import { authorizeOwner, postMessage, startConversation } from "@/lib/server/chat-service";
import { clientKey, limits } from "@/lib/server/rate-limit";
import { ownerCookie, presentedToken } from "@/lib/server/owner-token";
import { sseEvent, splitForStreaming } from "@/lib/server/sse";
import { titleFrom } from "@/lib/server/title";
import { chatStreamBodySchema } from "./schema";

export const dynamic = "force-dynamic";

/**
 * Streaming variant of POST /api/v1/chat/message for the browser UI (SSE). It stores exactly the
 * same messages; auth is the owner cookie (set here when a conversation is created) or a bearer token.
 */
export const POST = apiRoute(async (req: Request) => {
  const body = await parseJsonBody(req, chatStreamBodySchema);
  const h = await getCatalogDb();
  const headers: Record<string, string> = { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" };
  let conversationId = body.conversation_id;
  let created: { conversation_id: string; share_url: string } | null = null;
  if (conversationId) {
    await authorizeOwner(h, conversationId, presentedToken(req, conversationId));
    limits.messages.check(conversationId);
  } else {
    limits.starts.check(clientKey(req));
    const { conversation, ownerToken } = await startConversation(h, titleFrom(body.message));
    conversationId = conversation.id;
    created = { conversation_id: conversation.id, share_url: `/c/${conversation.id}` };
    headers["Set-Cookie"] = ownerCookie(conversation.id, ownerToken, new URL(req.url).protocol === "https:");
  }
  const id = conversationId;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => controller.enqueue(sseEvent(event, data));
      try {
        if (created) send("conversation", created);
        const response = await postMessage(h, id, body.message, (step, message) => send("status", { step, message }));
        for (const text of splitForStreaming(response.content)) send("delta", { text });
        send("result", response);
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError("unavailable", "The planner failed; please try again");
        send("error", { error: { code: e.code, message: e.message } });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers });
});
