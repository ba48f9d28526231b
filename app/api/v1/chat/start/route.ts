import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/body";
import { chatStartBodySchema, type ChatStartResponse } from "@/lib/schemas/chat";
import { getAppDb, getCatalogDb } from "@/lib/server/app-db";
import { postMessage, startConversation } from "@/lib/server/chat-service";
import { clientKey, limits } from "@/lib/server/rate-limit";
import { ownerCookie } from "@/lib/server/owner-token";
import { titleFrom } from "@/lib/server/title";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req: Request) => {
  const body = await parseJsonBody(req, chatStartBodySchema, { optional: true });
  limits.starts.check(clientKey(req));
  const h = body.message ? await getCatalogDb() : await getAppDb();
  const title = body.title ?? (body.message ? titleFrom(body.message) : null);
  const { conversation, ownerToken } = await startConversation(h, title);
  const out: ChatStartResponse = {
    conversation_id: conversation.id,
    owner_token: ownerToken,
    share_url: `/c/${conversation.id}`,
    created_at: conversation.createdAt.toISOString(),
    title: conversation.title,
  };
  if (body.message) out.response = await postMessage(h, conversation.id, body.message);
  return Response.json(out, {
    status: 201,
    headers: { "Set-Cookie": ownerCookie(conversation.id, ownerToken, new URL(req.url).protocol === "https:") },
  });
});
