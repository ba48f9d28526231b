import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/body";
import { computeSearchBodySchema } from "@/lib/schemas/tools";
import { getCatalogDb } from "@/lib/server/app-db";
import { computeSearch } from "@/lib/tools/compute-search";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req: Request) => {
  const body = await parseJsonBody(req, computeSearchBodySchema);
  return Response.json(await computeSearch(await getCatalogDb(), body));
});
