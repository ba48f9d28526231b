import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/body";
import { k8sSearchBodySchema } from "@/lib/schemas/tools";
import { getCatalogDb } from "@/lib/server/app-db";
import { k8sSearch } from "@/lib/tools/k8s-search";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req: Request) => {
  const body = await parseJsonBody(req, k8sSearchBodySchema);
  return Response.json(await k8sSearch(await getCatalogDb(), body));
});
