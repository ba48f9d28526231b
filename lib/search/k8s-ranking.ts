/**
 * Chart ranking, after Artifact Hub: a match score bucketed to one decimal (so near-ties fall
 * through) DESC → stars DESC → official first → name ASC.
 */
export interface ChartCandidate {
  id: string;
  name: string;
  repository: string;
  aliases: string[];
  official: boolean;
  stars: number | null;
  deprecated: boolean;
  published: boolean;
  nameRank: number; // ts_rank over the A-weighted (name, aliases) part, prefix query
  textRank: number; // ts_rank over description/repository/keywords
}

export function bucket(x: number): number {
  return Math.trunc(x * 10) / 10;
}

/** Exact name / alias hits the way people type them: "mlflow", "postgres", "ray". */
export function nameBonus(c: Pick<ChartCandidate, "name" | "aliases">, tokens: string[], phrase: string): number {
  const name = c.name.toLowerCase();
  const aliases = c.aliases.map((a) => a.toLowerCase());
  const p = phrase.toLowerCase().trim();
  if (name === p || tokens.includes(name)) return 1;
  if (aliases.includes(p) || tokens.some((t) => aliases.includes(t))) return 0.8;
  const compact = p.replace(/[^a-z0-9]/g, "");
  if (compact.length >= 3 && name.replace(/[^a-z0-9]/g, "").includes(compact)) return 0.5;
  if (tokens.some((t) => t.length >= 3 && name.split(/[^a-z0-9]+/).includes(t))) return 0.4;
  return 0;
}

export function chartScore(c: ChartCandidate, tokens: string[], phrase: string): number {
  const s = bucket(c.nameRank) + bucket(c.textRank) + nameBonus(c, tokens, phrase) - (c.published ? 0 : 0.2);
  return Math.round(Math.max(0, s) * 10) / 10;
}

export function compareCharts(a: { score: number } & ChartCandidate, b: { score: number } & ChartCandidate): number {
  return (
    b.score - a.score ||
    (b.stars ?? -1) - (a.stars ?? -1) ||
    Number(b.official) - Number(a.official) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0)
  );
}
