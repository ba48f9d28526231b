import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/body";
import { chatMessageBodySchema } from "@/lib/schemas/chat";
import { getCatalogDb } from "@/lib/server/app-db";
import { authorizeOwner, postMessage } from "@/lib/server/chat-service";
import { limits } from "@/lib/server/rate-limit";
import { presentedToken } from "@/lib/server/owner-token";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req: Request) => {
  const body = await parseJsonBody(req, chatMessageBodySchema);
  const h = await getCatalogDb();
  await authorizeOwner(h, body.conversation_id, presentedToken(req, body.conversation_id));
  limits.messages.check(body.conversation_id);
  return Response.json(await postMessage(h, body.conversation_id, body.message));
});
