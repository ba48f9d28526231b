/** Turning what a user typed into safe full-text query terms (only [a-z0-9] tokens reach tsquery). */

const STOPWORDS = new Set([
  "a", "an", "and", "the", "for", "of", "to", "in", "on", "with", "my", "me", "i", "we", "our", "is", "are", "be",
  "it", "this", "that", "want", "need", "use", "using", "set", "up", "setup", "deploy", "run", "help", "please",
  "some", "any", "how", "do", "can", "you", "on", "at", "by", "from", "or", "as", "into", "model", "models",
]);

export function queryTokens(text: string, opts: { keepStopwords?: boolean } = {}): string[] {
  const toks = text
    .toLowerCase()
    .replace(/(\d)\.(\d)/g, "$1 $2")
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && (opts.keepStopwords || !STOPWORDS.has(t)));
  return [...new Set(toks)];
}

/** `a:* | b:*` (prefix only for non-numeric tokens of 3+ chars, so "3" does not match "30b"). */
export function orPrefixQuery(tokens: string[]): string {
  return tokens.map(prefixTerm).join(" | ");
}

export function andPrefixQuery(tokens: string[]): string {
  return tokens.map(prefixTerm).join(" & ");
}

function prefixTerm(t: string): string {
  return t.length >= 3 && /[a-z]/.test(t) ? `${t}:*` : t;
}

/**
 * Tokens worth an OR match: bare one- or two-digit numbers ("3" in "llama 3") match thousands of
 * documents on their own, so they only count inside AND queries and id matching.
 */
export function informativeTokens(tokens: string[]): string[] {
  const out = tokens.filter((t) => !/^\d{1,2}$/.test(t));
  return out.length ? out : tokens;
}

/** Abbreviations people type for model families, spelled the way repo ids spell them. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bsdxl\b/gi, "stable diffusion xl"],
  [/\bsd\s?3(\.5)?\b/gi, "stable diffusion 3$1"],
  [/\bsd\s?(1\.5|2\.1)\b/gi, "stable diffusion $1"],
];

export function expandAbbreviations(text: string): string {
  return ABBREVIATIONS.reduce((t, [re, to]) => t.replace(re, to), text);
}
