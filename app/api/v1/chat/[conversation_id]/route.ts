import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { parse } from "@/lib/api/body";
import { getAppDb } from "@/lib/server/app-db";
import { readConversation } from "@/lib/server/chat-service";
import { ownerTokenMatches, presentedToken } from "@/lib/server/owner-token";

export const dynamic = "force-dynamic";

const params = z.object({ conversation_id: z.uuid("must be a UUID") });

export const GET = apiRoute(async (req: Request, ctx: { params: Promise<{ conversation_id: string }> }) => {
  const { conversation_id } = parse(params, await ctx.params, "path");
  const token = presentedToken(req, conversation_id);
  const h = await getAppDb();
  const conv = await readConversation(h, conversation_id, (hash) => !!token && ownerTokenMatches(token, hash));
  return Response.json(conv, { headers: { "Cache-Control": "no-store" } });
});
