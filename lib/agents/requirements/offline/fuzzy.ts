/**
 * Fuzzy matching of one typed word against a vocabulary of names (model families, tools, GPU
 * words): the nearest name by edit distance, with a confidence of 1 − distance / length. A match
 * needs MIN_CONFIDENCE and must be the only name that near; several equally near names are
 * ambiguous (the caller asks), never a guess. Vocabularies are a few hundred names, never the
 * catalog's 67k models.
 */

/** One edit in a 4-letter word (0.75) is the least the matcher accepts; two edits need 8 letters. */
export const MIN_CONFIDENCE = 0.75;

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** 1 − distance / the longer word's length: "mistrall"/"mistral" 0.875, "lava"/"llama" 0.6. */
export function matchConfidence(distance: number, a: string, b: string): number {
  return 1 - distance / Math.max(a.length, b.length, 1);
}

export interface VocabName<T> {
  /** Lower-case name as written correctly. */
  name: string;
  /** What the name stands for (a family, a tool id); names with the same key are one answer. */
  key: string;
  value: T;
}

export type FuzzyResult<T> =
  | { kind: "exact" }
  | { kind: "match"; hit: VocabName<T>; distance: number; confidence: number }
  | { kind: "ambiguous"; hits: VocabName<T>[] }
  | { kind: "none" };

/**
 * The vocabulary name a typed word is a typo of. `comparable` narrows the names compared for this
 * word (e.g. short names only with an extra letter).
 */
export function fuzzyMatch<T>(
  word: string,
  vocab: readonly VocabName<T>[],
  comparable: (n: VocabName<T>) => boolean = () => true,
  minConfidence = MIN_CONFIDENCE,
): FuzzyResult<T> {
  const w = word.toLowerCase();
  if (vocab.some((n) => n.name === w)) return { kind: "exact" };
  // A plural of a name ("clips") is a word, not a typo.
  const scored = vocab
    .filter((n) => w !== `${n.name}s` && comparable(n))
    .map((n) => {
      const distance = editDistance(w, n.name, 2);
      return { n, distance, confidence: matchConfidence(distance, w, n.name) };
    })
    .filter((s) => s.distance <= 2 && s.confidence >= minConfidence);
  if (!scored.length) return { kind: "none" };
  const best = Math.min(...scored.map((s) => s.distance));
  const nearest = [...new Map(scored.filter((s) => s.distance === best).map((s) => [s.n.key, s])).values()];
  if (nearest.length > 1) return { kind: "ambiguous", hits: nearest.map((s) => s.n) };
  return { kind: "match", hit: nearest[0].n, distance: nearest[0].distance, confidence: nearest[0].confidence };
}
