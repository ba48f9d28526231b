import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/body";
import { hfSearchBodySchema } from "@/lib/schemas/tools";
import { getCatalogDb } from "@/lib/server/app-db";
import { queryEmbedder } from "@/lib/server/query-embedder";
import { hfSearch } from "@/lib/tools/hf-search";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req: Request) => {
  const body = await parseJsonBody(req, hfSearchBodySchema);
  const h = await getCatalogDb();
  return Response.json(await hfSearch(h, body, queryEmbedder(h)));
});
