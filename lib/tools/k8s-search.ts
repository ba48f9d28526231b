import type { DbHandle } from "@/db/client";
import { chartCandidates, type ChartRow } from "@/db/queries/packages";
import { chartScore, compareCharts } from "@/lib/search/k8s-ranking";
import { plainText } from "@/lib/search/plain-text";
import { orPrefixQuery, queryTokens } from "@/lib/search/text-query";
import type { PackageOption } from "@/lib/schemas/plan";
import { k8sSearchBodySchema, type K8sSearchQuery } from "@/lib/schemas/tools";
import type { z } from "zod";

export interface K8sSearchResult {
  results: PackageOption[];
  total_matches: number;
}

export function toPackageOption(r: ChartRow & { score: number }): PackageOption {
  return {
    repository: r.repository,
    name: r.name,
    version: r.version,
    app_version: r.appVersion,
    // Shown as a line of prose: a few chart descriptions carry markdown links and GitHub alerts.
    description: plainText(r.description ?? ""),
    official: r.official,
    stars: r.stars,
    score: r.score,
    install_command: r.installCommand,
    repository_url: r.repositoryUrl,
    license: r.license,
    deprecated: r.deprecated,
  };
}

/** The k8s_search tool: Helm charts ranked by bucketed match score → stars → official → name. */
export async function k8sSearch(h: DbHandle, input: z.input<typeof k8sSearchBodySchema> | K8sSearchQuery): Promise<K8sSearchResult> {
  const q = k8sSearchBodySchema.parse(input);
  const tokens = queryTokens(q.query);
  const rows = await chartCandidates(h, {
    tsquery: orPrefixQuery(tokens),
    tokens,
    phrase: q.query,
    includeDeprecated: q.include_deprecated,
  });
  const scored = rows
    .map((r) => ({ ...r, score: chartScore(r, tokens, q.query) }))
    .filter((r) => r.score > 0)
    .sort(compareCharts);
  return { results: scored.slice(0, q.top_k).map(toPackageOption), total_matches: scored.length };
}
