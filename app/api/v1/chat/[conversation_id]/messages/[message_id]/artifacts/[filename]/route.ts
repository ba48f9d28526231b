import { apiRoute } from "@/lib/api/handler";
import { parse } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { artifactPathSchema, attachment } from "@/lib/api/plan-params";
import { getAppDb } from "@/lib/server/app-db";
import { readMessagePlan } from "@/lib/server/chat-service";

export const dynamic = "force-dynamic";

type Params = { conversation_id: string; message_id: string; filename: string };

/** One deployment file of a plan, with its media type: the API's one non-JSON success response. */
export const GET = apiRoute(async (_req: Request, ctx: { params: Promise<Params> }) => {
  const { conversation_id, message_id, filename } = parse(artifactPathSchema, await ctx.params, "path");
  const { plan } = await readMessagePlan(await getAppDb(), conversation_id, message_id);
  const file = plan.artifacts?.find((a) => a.filename === filename);
  if (!file) throw new ApiError("not_found", `No file ${filename} in this plan`, [{ path: "filename", issue: "not a file of this plan" }]);
  return new Response(file.content, {
    headers: { "Content-Type": `${file.media_type}; charset=utf-8`, "Content-Disposition": attachment(file.filename), "Cache-Control": "no-store" },
  });
});
