/**
 * Budget extraction. Grammar (on lower-cased text, thousands separators removed, number words
 * turned into digits):
 *   money  := CUR? NUM MAG? CURWORD?          e.g. "$1.5k", "10000 usd", "2 dollars", "€2000"
 *   range  := money ("-" | "to" | "and") money  (upper end is used)
 *   period := ("/" | "per" | "a" | "an" | "each" | "every")? UNIT | "monthly" | "hourly" | …
 * An amount counts as a budget when it has a currency, or a period plus a budget cue / a "k",
 * or sits right after the word "budget". Hourly × 730, daily × 30.4, weekly × 52/12, yearly / 12.
 * An amount for the whole job ("$500 for the whole fine-tune", "a one-off budget of $300", "$2k per
 * run", "$800 total") is a per-run budget, never a monthly one.
 */
import { applyMagnitude, round } from "./normalize";
import { utterance, type Said } from "./utterance";

export type BudgetPeriod = "hour" | "day" | "week" | "month" | "year";

export interface BudgetExtraction {
  budget_monthly_usd?: number;
  /** A budget for the whole run ("$500 for the whole fine-tune"). */
  budget_per_run_usd?: number;
  /** "no budget", "money is no object", "no fixed budget". */
  budget_none?: boolean;
  notes: string[];
  /** What was read, for debugging and tests. */
  amount?: number;
  period?: BudgetPeriod;
  currency?: "USD" | "EUR" | "GBP" | "other";
}

export const HOURS_PER_MONTH = 730;
const PER_MONTH: Record<BudgetPeriod, number> = { hour: HOURS_PER_MONTH, day: 30.4, week: 52 / 12, month: 1, year: 1 / 12 };

const CUR_PRE = String.raw`(?<pre>us\$|\$|€|£|usd|eur|gbp|chf|cad|aud)`;
const NUM = String.raw`(?<num>\d+(?:\.\d+)?)`;
const MAG = String.raw`(?:\s?(?<mag>k|thousand|grand|m|mm|million|mil)(?![a-z]))`;
const CUR_POST = String.raw`(?:\s?(?<post>usd|dollars?|bucks|eur|euros?|€|gbp|pounds?|£|\$|chf|cad|aud)(?![a-z]))`;
const MONEY_RE = new RegExp(String.raw`(?<![\w.])${CUR_PRE}?\s?${NUM}${MAG}?${CUR_POST}?(?![a-z0-9_])(?![\w.]*\d)`, "g");

const PERIOD_AFTER =
  /^\s*(?:(?:\/|per|a|an|each|every|in\s+a|for\s+a|for\s+the)\s*(?<unit>hours?|hrs?|h|days?|d|weeks?|wk|wks|months?|mo|mos|mth|mnth|m|years?|yrs?|yr|annum|y)\b|(?<adv>hourly|daily|weekly|monthly|yearly|annually|annual|p\.?m\.?|p\/m))/;
const PERIOD_BEFORE =
  /\b(?<adv>hourly|daily|weekly|monthly|yearly|annual|annually|per[\s-](?:hour|day|week|month|year)|a\s+(?:month|year|day|week))\b[^.;!?$€£\d]{0,30}$/;
/** After an amount: it pays for the whole job. */
const RUN_AFTER =
  /^\s*(?:for\s+(?:the|this|a|one|each|every)\s+(?:(?:whole|entire|full|complete|single)\s+)?(?:\w+\s+)?(?:run|job|training(?:\s+run)?|fine[\s-]?tun(?:e|ing)|finetun(?:e|ing)|experiment|project)|per\s+(?:run|job|training\s+run|experiment)|(?:in\s+)?total|all[\s-]in|(?:one|1)[\s-]?off|(?:one|1)[\s-]time)\b/;
/** Before an amount: "a one-off budget of", "total budget", "the whole run under". */
const RUN_BEFORE = /\b(?:(?:one|1)[\s-]?off|(?:one|1)[\s-]time|total|per[\s-]run|(?:whole|entire)\s+(?:run|job|training|fine[\s-]?tune))\s+(?:budget\s+)?(?:of|is|:|under|below|max(?:imum)?|up\s+to)?\s*$/;

const CUE_BEFORE =
  /\b(?:budget|budgeted|spend|spending|afford|cost|costs|pay|paying|price|pricing|max|maximum|up\s+to|under|below|less\s+than|no\s+more\s+than|at\s+most|within|around|about|approx(?:imately)?|roughly|cap|capped|limit|limited|keep\s+it|willing|can\s+do|allocate[d]?|have|got|between|from|total|~|<|<=)\b[^.;!?]{0,25}$|[~<≤]\s*$/;
const CUE_AFTER = /^[^.;!?]{0,20}\b(?:budget|max|maximum|tops|or\s+less|limit|cap|ceiling)\b/;
const BUDGET_WORD_BEFORE = /\bbudget\b\s*(?:is|of|=|:|at|around|about|~|roughly|approx(?:imately)?|max(?:imum)?|up\s+to|under|below|cap(?:ped)?\s+at)?\s*(?:is\s+)?(?:around|about|~|roughly)?\s*$/;

const NO_BUDGET =
  /\b(?:no|without|without\s+a|without\s+any|not\s+a|don'?t\s+have\s+a|no\s+fixed|no\s+specific|no\s+set|no\s+real|unlimited|infinite|flexible|open)\s+budget\b|\bbudget\s+(?:is\s+)?(?:(?:not|isn'?t)\s+(?:an?\s+|really\s+an?\s+)?(?:issue|concern|constraint|problem)|doesn'?t\s+matter|is\s+flexible|is\s+open|is\s+unlimited|no\s+(?:issue|object|concern))\b|\bmoney\s+is\s+no\s+(?:object|issue)\b|\bcost\s+(?:is\s+)?(?:not\s+(?:an?\s+)?(?:issue|concern)|doesn'?t\s+matter)\b|\bwhatever\s+it\s+costs\b|\bno\s+(?:cost|price|spending)\s+(?:limit|cap|constraint|ceiling)s?\b/;

interface Money {
  amount: number;
  currency?: string;
  start: number;
  end: number;
  hasMag: boolean;
}

function currencyOf(pre?: string, post?: string): string | undefined {
  const c = (pre ?? post ?? "").toLowerCase();
  if (!c) return undefined;
  if (c === "$" || c === "us$" || c === "usd" || c.startsWith("dollar") || c === "bucks") return "USD";
  if (c === "€" || c === "eur" || c.startsWith("euro")) return "EUR";
  if (c === "£" || c === "gbp" || c.startsWith("pound")) return "GBP";
  return c.toUpperCase();
}

function periodOf(unit?: string, adv?: string): BudgetPeriod | undefined {
  const u = (unit ?? adv ?? "").toLowerCase().replace(/[\s.-]/g, "");
  if (!u) return undefined;
  if (/^(hours?|hrs?|h|hourly|perhour)$/.test(u)) return "hour";
  if (/^(days?|d|daily|perday|aday)$/.test(u)) return "day";
  if (/^(weeks?|wks?|wk|weekly|perweek|aweek)$/.test(u)) return "week";
  if (/^(months?|mos?|mth|mnth|m|monthly|pm|p\/m|permonth|amonth)$/.test(u)) return "month";
  if (/^(years?|yrs?|yr|annum|y|yearly|annual|annually|peryear|ayear)$/.test(u)) return "year";
  return undefined;
}

function scanMoney(t: string): Money[] {
  const out: Money[] = [];
  for (const m of t.matchAll(MONEY_RE)) {
    const g = m.groups ?? {};
    const amount = applyMagnitude(Number(g.num), g.mag);
    if (!(amount > 0)) continue;
    // A bare "m" after a number is minutes/meters unless money is explicit.
    const currency = currencyOf(g.pre, g.post);
    if (g.mag && /^m$/i.test(g.mag) && !currency) continue;
    out.push({ amount, currency, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, hasMag: !!g.mag });
  }
  return out;
}

interface Candidate {
  monthly: number;
  /** The amount pays for the whole run, not a month. */
  run?: boolean;
  amount: number;
  period: BudgetPeriod;
  currency?: string;
  notes: string[];
  cue: boolean;
  start: number;
}

function describe(amount: number, currency: string | undefined, period: BudgetPeriod): string {
  const sym = currency === "EUR" ? "€" : currency === "GBP" ? "£" : "$";
  return `${sym}${round(amount, 2)}/${period === "hour" ? "hr" : period}`;
}

export function extractBudget(said: Said): BudgetExtraction {
  const t = utterance(said).numeric;
  const notes: string[] = [];
  const budget_none = NO_BUDGET.test(t) || undefined;
  const monies = scanMoney(t);
  const candidates: Candidate[] = [];
  for (let i = 0; i < monies.length; i++) {
    let m = monies[i];
    let lower: Money | undefined;
    // Range: "$2000-3000/mo", "2k to 3k a month", "between $500 and $2000".
    const next = monies[i + 1];
    if (next && /^\s*(?:-|to|and|or)\s*$/.test(t.slice(m.end, next.start))) {
      lower = m;
      m = { ...next, currency: next.currency ?? lower.currency };
      if (!lower.hasMag && next.hasMag && lower.amount < next.amount / 100) lower = { ...lower, amount: applyMagnitude(lower.amount, "k") };
      i++;
    }
    const before = t.slice(Math.max(0, (lower ?? m).start - 60), (lower ?? m).start);
    const after = t.slice(m.end, m.end + 40);
    const pa = PERIOD_AFTER.exec(after);
    const pb = PERIOD_BEFORE.exec(before);
    let period = periodOf(pa?.groups?.unit, pa?.groups?.adv) ?? periodOf(undefined, pb?.groups?.adv);
    // "$500 for the whole fine-tune": the run's budget (a stated period wins over "total").
    if (!period && (m.currency || BUDGET_WORD_BEFORE.test(before) || CUE_BEFORE.test(before)) && (RUN_AFTER.test(after) || RUN_BEFORE.test(before))) {
      candidates.push({ monthly: 0, run: true, amount: m.amount, period: "month", currency: m.currency, notes: m.currency && m.currency !== "USD" ? [`Budget given in ${m.currency}: treated as roughly the same amount in USD.`] : [], cue: true, start: m.start });
      continue;
    }
    // "/m" after a money amount is per month; after a bare number it is too ambiguous.
    if (pa?.groups?.unit === "m" && !m.currency) period = undefined;
    const cue = CUE_BEFORE.test(before) || CUE_AFTER.test(after) || BUDGET_WORD_BEFORE.test(before);
    const budgetWord = BUDGET_WORD_BEFORE.test(before) || /^\s*(?:budget|usd\s+budget)\b/.test(after);
    // What follows must not be a unit of something else ("24 GB", "50 users", "8 GPUs").
    if (!m.currency && /^\s*(?:x\b|gb|gib|tb|mb|%|gpus?|users?|requests?|tokens?|images?|hours?\s+of|nodes?|cores?|vcpus?|b\b|params?)/.test(after) && !pa) continue;
    let accept = false;
    if (m.currency) accept = true;
    else if (period && (m.hasMag || cue || ((period === "month" || period === "year") && m.amount >= 50))) accept = true;
    else if (budgetWord) accept = true;
    if (!accept) continue;
    const cNotes: string[] = [];
    if (!period) {
      if (m.amount < 20) {
        period = "hour";
        cNotes.push(`Read "${m.currency === "USD" || !m.currency ? "$" : ""}${m.amount}" without a period as per hour.`);
      } else {
        period = "month";
        if (!budgetWord && !m.currency) cNotes.push(`Read ${m.amount} as a monthly budget in USD.`);
        else if (!/month/.test(before)) cNotes.push(`No period given for the budget: assumed per month.`);
      }
    }
    if (m.currency && m.currency !== "USD") {
      cNotes.push(`Budget given in ${m.currency}: treated as roughly the same amount in USD.`);
    }
    if (lower) cNotes.push(`Budget range ${round(lower.amount)}–${round(m.amount)}: used the upper end.`);
    const monthly = round(m.amount * PER_MONTH[period], 2);
    if (period !== "month") cNotes.push(`${describe(m.amount, m.currency, period)} ≈ $${monthly}/month (${period === "hour" ? "730 h" : period === "day" ? "30.4 days" : period === "week" ? "52/12 weeks" : "÷ 12"}).`);
    candidates.push({ monthly, amount: m.amount, period, currency: m.currency, notes: cNotes, cue: cue || !!m.currency, start: m.start });
  }
  const run = candidates.find((c) => c.run);
  const perRun = run ? { budget_per_run_usd: round(run.amount, 2) } : {};
  const monthly = candidates.filter((c) => !c.run);
  // Prefer an amount with a budget cue; otherwise the first one.
  const best = monthly.find((c) => c.cue && c.currency) ?? monthly.find((c) => c.cue) ?? monthly[0];
  if (!best || !(best.monthly > 0)) return { budget_none: run ? undefined : budget_none, notes: run?.notes ?? notes, ...perRun };
  return {
    ...perRun,
    budget_monthly_usd: best.monthly,
    budget_none: undefined,
    notes: best.notes,
    amount: best.amount,
    period: best.period,
    currency: best.currency === "USD" || !best.currency ? "USD" : best.currency === "EUR" ? "EUR" : best.currency === "GBP" ? "GBP" : "other",
  };
}

/** A bare reply to a budget question ("2000", "~1.5k", "2"): monthly unless tiny. */
export function budgetFromBareNumber(said: Said): number | undefined {
  const t = utterance(said).numeric.trim();
  const m = /^(?:around|about|approx(?:imately)?|roughly|maybe|~|under|max|up\s+to)?\s*\$?\s*(\d+(?:\.\d+)?)\s*(k|thousand|grand)?\s*(?:usd|dollars?|bucks)?\s*\.?$/.exec(t);
  if (!m) return undefined;
  const n = applyMagnitude(Number(m[1]), m[2]);
  if (!(n > 0)) return undefined;
  return n < 20 ? round(n * HOURS_PER_MONTH, 2) : n;
}
