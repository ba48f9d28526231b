/**
 * The size of a training or fine-tuning job: how many examples ("50k examples", "10,000 samples",
 * "2M rows"), how long each is ("~512 tokens each", "average 1k tokens per example"), how many
 * tokens in all ("2T tokens of data", "train on 500M tokens") and how many epochs ("3 epochs").
 * Numbers past what any job holds ("10^30 tokens") are reported as out of range (a question),
 * never passed on.
 */
import { utterance, type Said } from "./utterance";

/** The most a job can plausibly hold; past it, the number is asked about. */
export const JOB_LIMITS = { examples: 1e10, tokens: 1e14, example_tokens: 1e6, epochs: 1000 } as const;

const MAG: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, trillion: 1e12 };
/** A number with an optional magnitude or power of ten: "50k", "2.5 million", "1e9", "10^30". */
const NUM = String.raw`(?<num>\d+(?:\.\d+)?)(?:\s*(?:e|\*\s*10\^|x\s*10\^|\^)(?<exp>\d{1,3}))?\s?(?<mag>k|thousand|mm|m|million|bn|b|billion|t|trillion)?`;

const EXAMPLE_NOUN = String.raw`(?:training\s+|labell?ed\s+|annotated\s+|fine[\s-]?tuning\s+|instruction\s+|chat\s+)?(?:examples?|samples?|rows|pairs|conversations|dialogues|dialogs|instructions|records|prompts?|q&?a\s+pairs|images|photos|pictures|clips|utterances|transcripts)`;
const EXAMPLES = new RegExp(String.raw`(?<![\w.$])${NUM}\s+${EXAMPLE_NOUN}\b`, "g");
const TOKENS = new RegExp(
  String.raw`(?<![\w.$])${NUM}[\s-]*tokens?\s+(?:of\s+)?(?:training\s+)?(?:data|text|corpus|dataset|training)\b|\b(?:train(?:ed|ing)?|fine[\s-]?tun(?:e|ed|ing)|pre-?train(?:ed|ing)?)\s+(?:\w+\s+){0,4}?on\s+${NUM}[\s-]*tokens?\b|\b(?:dataset|corpus|data)\s+(?:of|with|is|:)\s+(?:about\s+|around\s+|~)?${NUM}[\s-]*tokens?\b`,
  "g",
);
const EXAMPLE_TOKENS = new RegExp(
  String.raw`(?:~|about\s+|around\s+|roughly\s+|avg\.?\s+|average\s+(?:of\s+)?)?(?<![\w.$])${NUM}[\s-]*tokens?\s+(?:each|per\s+(?:example|sample|row|conversation|record|prompt)|long|on\s+average|avg)\b|\b(?:average|avg\.?|mean)\s+(?:example\s+|sample\s+|sequence\s+)?(?:length|size)\s+(?:of\s+|is\s+|:\s*|=\s*)?(?:about\s+|around\s+|~)?${NUM}[\s-]*(?:tokens?)?\b`,
  "g",
);
const EPOCHS = /(?<![\w.$])(?<n>\d+(?:\.\d+)?)\s*epochs?\b|\bepochs?\s*(?:=|:|of)?\s*(?<n2>\d+(?:\.\d+)?)\b/;

export interface JobDataExtraction {
  dataset_examples?: number;
  avg_example_tokens?: number;
  dataset_tokens?: number;
  epochs?: number;
  /** A number past what any job holds: asked about, not used. */
  out_of_range?: { field: "dataset_examples" | "dataset_tokens" | "avg_example_tokens" | "epochs" | "concurrency"; written: string };
}

function value(g: Record<string, string | undefined>): number {
  const n = Number(g.num);
  const exp = g.exp !== undefined ? Number(g.exp) : 0;
  // "10^30" is ten to the thirtieth; "2e9" is two times ten to the ninth.
  const base = g.exp !== undefined && /\^/.test(g.raw ?? "") && n === 10 ? 1 : n;
  return base * 10 ** exp * (g.mag ? (MAG[g.mag.toLowerCase()] ?? 1) : 1);
}

/** The number as written, with its unit ("10^30 tokens" out of "pretrain a 7b model on 10^30 tokens"). */
const WRITTEN = /\d+(?:\.\d+)?(?:\s*(?:e|\*\s*10\^|x\s*10\^|\^)\d{1,3})?\s?(?:k|thousand|mm|m|million|bn|b|billion|t|trillion)?[\s-]*[a-z&]+(?:\s+[a-z]+)?$/i;

function first(re: RegExp, t: string): { v: number; written: string } | undefined {
  for (const m of t.matchAll(re)) {
    const g: Record<string, string | undefined> = { ...(m.groups ?? {}), raw: m[0] };
    if (g.num === undefined) continue;
    const v = value(g);
    const written = (WRITTEN.exec(m[0].trim())?.[0] ?? m[0]).trim();
    return { v: Number.isFinite(v) && v > 0 ? v : Infinity, written };
  }
  return undefined;
}

/** "-5 examples", "0 epochs", "zero users": a count that cannot be. */
const NOT_A_COUNT = /(?<![\w.])(?<n>-\s*\d+(?:\.\d+)?|0+(?:\.0+)?)\s*(?:concurrent\s+|training\s+)?(?<what>users?|requests?|examples?|samples?|epochs?|rows|conversations)\b/;

export function extractJobData(said: Said): JobDataExtraction {
  const t = utterance(said).numeric;
  const out: JobDataExtraction = {};
  const bad = NOT_A_COUNT.exec(t);
  if (bad) {
    const what = bad.groups?.what ?? "";
    const field = /^epoch/.test(what) ? "epochs" : /^(?:users?|requests?)$/.test(what) ? "concurrency" : "dataset_examples";
    out.out_of_range = { field, written: bad[0].trim() };
  }
  const check = (field: "dataset_examples" | "dataset_tokens" | "avg_example_tokens", hit: { v: number; written: string } | undefined, max: number, integer: boolean) => {
    if (!hit) return;
    if (!(hit.v <= max) || !(hit.v >= (integer ? 1 : Number.MIN_VALUE))) {
      out.out_of_range ??= { field, written: hit.written };
      return;
    }
    out[field] = integer ? Math.round(hit.v) : hit.v;
  };
  check("dataset_examples", first(EXAMPLES, t), JOB_LIMITS.examples, true);
  check("dataset_tokens", first(TOKENS, t), JOB_LIMITS.tokens, true);
  check("avg_example_tokens", first(EXAMPLE_TOKENS, t), JOB_LIMITS.example_tokens, true);
  const e = EPOCHS.exec(t);
  if (e) {
    const n = Number(e.groups?.n ?? e.groups?.n2);
    if (n > 0 && n <= JOB_LIMITS.epochs) out.epochs = n;
    else out.out_of_range ??= { field: "epochs", written: e[0] };
  }
  return out;
}
