/**
 * Load: concurrency ("50 concurrent users", "100 requests in parallel", "concurrency of 8"),
 * batch size ("batch size 16", "bs=32"), users without "concurrent" ("a chatbot for 200 users")
 * and request rates ("10 requests per second", "600 rpm", "20 QPS").
 */
import { utterance, type Said } from "./utterance";

const N = String.raw`(?<n>\d+(?:\.\d+)?)\s?(?<mag>k)?`;
const CONCURRENT = [
  new RegExp(String.raw`(?<![\w.$])${N}\+?\s*(?:concurrent|simultaneous|parallel|active|at\s+once)\s*(?:users?|requests?|sessions?|connections?|streams?|chats?|conversations?|calls?|clients?|queries)?\b`, "g"),
  new RegExp(String.raw`(?<![\w.$])${N}\+?\s*(?:users?|requests?|sessions?|connections?|streams?|chats?|conversations?|calls?|clients?|queries)\s+(?:concurrently|in\s+parallel|at\s+(?:once|the\s+same\s+time)|simultaneously|at\s+a\s+time)\b`, "g"),
  new RegExp(String.raw`\b(?:concurrency|parallelism|max[_\s-]?num[_\s-]?seqs)\s*(?:of|=|:|is|around|about|~)?\s*${N}\b`, "g"),
];
const BATCH = [
  new RegExp(String.raw`\b(?:batch[\s_-]?size|bs|micro[\s_-]?batch(?:[\s_-]?size)?)\s*(?:of|=|:|is|around|about|~)?\s*${N}\b`, "g"),
  new RegExp(String.raw`(?<![\w.$])${N}\s*(?:per\s+batch|batch\s+size)\b`, "g"),
  new RegExp(String.raw`\bbatches\s+of\s+${N}\b`, "g"),
];
const USERS = new RegExp(String.raw`(?<![\w.$])${N}\+?(?:[\s-]*person\b)?\s*(?<kind>daily|monthly|weekly)?\s*(?:active\s+)?(?:(?:ml|ai|data|research|junior|senior|phd|deep\s+learning|internal|our)\s+){0,2}(?:ppl|participants?|attendees|users?|customers?|employees?|people|persons|seats|members|(?:data\s+)?scientists?|researchers?|engineers?|developers?|devs|students?|analysts?|learners)\b`, "g");
const RATE = new RegExp(String.raw`(?<![\w.$])${N}\s*(?:(?<qps>qps|rps|req/s|requests?/s(?:ec)?)|(?<rpm>rpm|requests?/min)|(?:requests?|queries|calls|prompts|generations|images)\s*(?:per|/|a|an|every)\s*(?<unit>second|sec|s|minute|min|hour|hr|day)\b)`, "g");

export interface ConcurrencyExtraction {
  concurrency?: number;
  batch_size?: number;
  users?: number;
  daily_users?: number;
  requests_per_second?: number;
}

function num(g: Record<string, string | undefined> | undefined): number {
  const n = Number(g?.n);
  return g?.mag ? n * 1000 : n;
}

export function extractConcurrency(said: Said): ConcurrencyExtraction {
  const t = utterance(said).numeric;
  const out: ConcurrencyExtraction = {};
  for (const re of CONCURRENT) {
    for (const m of t.matchAll(re)) {
      const v = Math.round(num(m.groups));
      if (v >= 1 && v <= 1_000_000) {
        out.concurrency = v;
        break;
      }
    }
    if (out.concurrency) break;
  }
  for (const re of BATCH) {
    for (const m of t.matchAll(re)) {
      const v = Math.round(num(m.groups));
      if (v >= 1 && v <= 100_000) {
        out.batch_size ??= v;
        break;
      }
    }
  }
  for (const m of t.matchAll(USERS)) {
    const before = t.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0);
    if (/\b(?:concurrent|simultaneous)\s*$/.test(before)) continue;
    const v = Math.round(num(m.groups));
    if (!(v >= 1)) continue;
    if (m.groups?.kind) out.daily_users ??= m.groups.kind === "daily" ? v : m.groups.kind === "weekly" ? Math.round(v / 7) : Math.round(v / 30);
    else if (!/\b(?:concurrent|simultaneous|parallel|at\s+once|at\s+the\s+same\s+time|concurrently|simultaneously|in\s+parallel)\b/.test(t.slice(m.index ?? 0, (m.index ?? 0) + m[0].length + 25))) out.users ??= v;
  }
  // "a 50-person hackathon", "a 12 person team"
  if (out.users === undefined) {
    const m = /(?<![\w.$])(\d+)[\s-]+(?:person|people|member|seat)\b/.exec(t);
    if (m && Number(m[1]) >= 1) out.users = Number(m[1]);
  }
  for (const m of t.matchAll(RATE)) {
    const v = num(m.groups);
    const g = m.groups ?? {};
    const unit = g.qps ? "s" : g.rpm ? "min" : (g.unit ?? "s");
    const per = /^s/.test(unit) ? 1 : /^min/.test(unit) ? 60 : /^h/.test(unit) ? 3600 : 86400;
    if (v > 0) {
      out.requests_per_second = Math.round((v / per) * 1000) / 1000;
      break;
    }
  }
  return out;
}
