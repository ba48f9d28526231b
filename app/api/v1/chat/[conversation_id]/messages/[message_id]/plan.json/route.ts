import { apiRoute } from "@/lib/api/handler";
import { parse } from "@/lib/api/body";
import { attachment, messagePathSchema } from "@/lib/api/plan-params";
import { getAppDb } from "@/lib/server/app-db";
import { readMessagePlan } from "@/lib/server/chat-service";

export const dynamic = "force-dynamic";

/** The whole plan (a DeploymentPlan) as JSON, made on request. */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ conversation_id: string; message_id: string }> }) => {
  const { conversation_id, message_id } = parse(messagePathSchema, await ctx.params, "path");
  const { plan } = await readMessagePlan(await getAppDb(), conversation_id, message_id);
  return Response.json(plan, { headers: { "Content-Disposition": attachment("plan.json"), "Cache-Control": "no-store" } });
});
