/**
 * Negation shared by the extractors of list-like and single-value fields: providers ("not AWS"),
 * GPUs ("no T4s", "anything but H100"), precisions ("without fp8", "avoid int4") and tools
 * ("no Airflow"). A mention is ruled out when a negator earlier in its clause is followed only by
 * filler words and other mentions ("not AWS or GCP": both).
 */

/** Words that rule out what follows. */
export const NEGATOR =
  /\b(?:not|no|never|avoid|avoiding|except|excluding|exclude|without|besides|other\s+than|anything\s+but|anywhere\s+but|everything\s+but|all\s+but|but\s+not|rather\s+not|don'?t|do\s+not|won'?t|can'?t|cannot|hate|nothing\s+on|stay\s+away\s+from|no\s+more|instead\s+of|rather\s+than)\b/g;

/** A span of a mention in the text. */
export interface Span {
  start: number;
  end: number;
}

/** Sentence breaks, and a comma that opens a new wish ("no A100s, use H100s"). */
const CLAUSE_BREAK = /[.;!?\n]|,(?=\s*(?:but|use|using|go|prefer|want|take|pick|instead|rather|we|i|please|then|so)\b)/g;

/** The start of the clause a position sits in: after the last clause break before it. */
export function clauseStartOf(lower: string, pos: number): number {
  let start = 0;
  for (const m of lower.slice(0, pos).matchAll(CLAUSE_BREAK)) start = (m.index ?? 0) + m[0].length;
  return start;
}

/**
 * Whether the mention at `at` is ruled out: some negator in its clause is followed by nothing but
 * `filler` once the other mentions (`others`) are blanked out.
 */
export function isNegated(lower: string, at: Span, filler: RegExp, others: readonly Span[] = []): boolean {
  const clauseStart = clauseStartOf(lower, at.start);
  const clause = lower.slice(clauseStart, at.start);
  for (const n of clause.matchAll(NEGATOR)) {
    const from = clauseStart + (n.index ?? 0) + n[0].length;
    let between = lower.slice(from, at.start);
    for (const o of others) {
      if (o.start >= from && o.end <= at.start) {
        between = between.slice(0, o.start - from) + " ".repeat(o.end - o.start) + between.slice(o.end - from);
      }
    }
    if (filler.test(between)) return true;
  }
  return false;
}
