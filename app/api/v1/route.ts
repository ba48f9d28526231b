import { API_NAME, API_VERSION, ENDPOINTS } from "@/lib/api/endpoints";

export function GET() {
  return Response.json({ name: API_NAME, version: API_VERSION, docs: "/docs", endpoints: ENDPOINTS });
}
