import { apiRoute } from "@/lib/api/handler";
import { parse } from "@/lib/api/body";
import { attachment, messagePathSchema } from "@/lib/api/plan-params";
import { planMarkdownDocument } from "@/lib/export/plan-markdown";
import { getAppDb } from "@/lib/server/app-db";
import { readMessagePlan } from "@/lib/server/chat-service";

export const dynamic = "force-dynamic";

/** The whole plan as a Markdown document, made on request. */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<{ conversation_id: string; message_id: string }> }) => {
  const { conversation_id, message_id } = parse(messagePathSchema, await ctx.params, "path");
  const { plan, title, createdAt } = await readMessagePlan(await getAppDb(), conversation_id, message_id);
  return new Response(planMarkdownDocument(plan, { title, createdAt }), {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": attachment("plan.md"), "Cache-Control": "no-store" },
  });
});
