/**
 * Model extraction: finds model mentions ("Llama 3.1 8B", "mixtral-8x7b-instruct", "SDXL",
 * "meta-llama/Llama-3.1-8B-Instruct", "a 7B chat model") with a token grammar
 *   mention := HEAD (SEP? (VERSION | "v" NUMBER | SIZE | VARIANT | LETTER+NUMBER | QUANT))*
 * and interprets them with the family table (params, modality, context, size options).
 */
import type { Modality, ModelRef } from "../types";
import {
  COMMON_VARIANTS,
  FAMILIES,
  KNOWN_HF_ORGS,
  QUANT_TOKENS,
  TIGHT_ONLY_VARIANTS,
  formatMention,
  type ModelFamily,
  type RawMention,
} from "./model-vocab";
import { formatParams, round } from "./normalize";
import { utterance, type Said } from "./utterance";
import { parseSizeToken, tight, tokenize, type ParsedSize, type Token } from "./tokens";

export interface ModelMention {
  /** Family id, or null for a bare size ("a 7B model") or an unknown HF repo. */
  family: string | null;
  name?: string;
  hf_id?: string;
  params_b?: number;
  /** Params came from n × size for an unknown mixture-of-experts, or similar approximation. */
  note?: string;
  modality?: Modality;
  /** Full model names to offer when no size was given (e.g. "Llama 3.1 70B"). */
  size_options: string[];
  default_params_b?: number;
  max_context?: number;
  closed: boolean;
  /** The mention as written. */
  text?: string;
  raw: RawMention;
  start: number;
  end: number;
}

const SEPARATORS = new Set(["-", "_", ":", "."]);
const SCALE_WORDS: Record<string, number> = { billion: 1, bn: 1, b: 1, million: 0.001, m: 0.001 };
const PARAM_WORDS = new Set(["param", "params", "parameter", "parameters", "model", "models", "llm", "llms", "checkpoint"]);
const NOT_PARAM_NOUNS = new Set([
  "tokens", "token", "rows", "row", "records", "images", "image", "samples", "examples", "words",
  "documents", "docs", "requests", "queries", "users", "dollars", "usd", "vectors", "files",
  "pages", "hours", "minutes", "messages", "chunks", "embeddings", "pairs", "sentences",
]);

/** Next token index after skipping one tight separator; -1 when the chain is broken. */
function nextIndex(tokens: readonly Token[], i: number, text: string): number {
  const cur = tokens[i];
  const nxt = tokens[i + 1];
  if (!nxt) return -1;
  if (SEPARATORS.has(nxt.t)) {
    const after = tokens[i + 2];
    if (after && tight(cur, nxt) && tight(nxt, after)) return i + 2;
    return -1;
  }
  const between = text.slice(cur.end, nxt.start);
  if (between === "") return i + 1;
  if (/^[ \t]{1,2}$/.test(between)) return i + 1;
  return -1;
}

/** Whether tokens[j] is attached to tokens[i] (tight, or through one tight separator). */
function attached(tokens: readonly Token[], i: number, j: number): boolean {
  if (j === i + 1) return tight(tokens[i], tokens[j]);
  if (j === i + 2) return tight(tokens[i], tokens[i + 1]) && tight(tokens[i + 1], tokens[j]);
  return false;
}

interface HeadMatch {
  family: ModelFamily;
  guard: string;
  end: number; // index of last head token
}

function matchHead(tokens: readonly Token[], i: number, text: string): HeadMatch | null {
  let best: HeadMatch | null = null;
  for (const family of FAMILIES) {
    for (const head of family.heads) {
      let j = i;
      let ok = tokens[j]?.t === head.seq[0];
      for (let k = 1; ok && k < head.seq.length; k++) {
        const n = nextIndex(tokens, j, text);
        if (n < 0 || tokens[n].t !== head.seq[k]) {
          ok = false;
          break;
        }
        // Word-word pairs may be spaced; anything with digits or single letters must be attached.
        const spaced = !attached(tokens, j, n);
        if (spaced && (tokens[n].kind !== "word" || tokens[j].kind !== "word")) {
          ok = false;
          break;
        }
        j = n;
      }
      if (ok && (!best || j > best.end)) best = { family, guard: head.guard ?? "none", end: j };
    }
  }
  return best;
}

interface TailResult {
  raw: RawMention;
  end: number;
  firstAfterHead?: string;
}

function parseTail(tokens: readonly Token[], head: HeadMatch, text: string): TailResult {
  const fam = head.family;
  const raw: RawMention = { variants: [] };
  let last = head.end;
  let firstAfterHead: string | undefined;
  const famVariants = new Set(fam.variants ?? []);
  const letters = new Set(fam.letterVariants ?? []);
  const compound = new Set(fam.compound ?? []);
  for (let steps = 0; steps < 12; steps++) {
    const n = nextIndex(tokens, last, text);
    if (n < 0) break;
    const tok = tokens[n];
    const isAttached = attached(tokens, last, n);
    if (steps === 0) firstAfterHead = tok.t;
    const following = tokens[n + 1];
    // v3 / V 2.5 → version
    if (tok.t === "v" && following && tight(tok, following) && following.kind === "number") {
      if (raw.version || !(fam.versions?.test(following.t) ?? false)) break;
      raw.version = following.t;
      last = n + 1;
      continue;
    }
    // DeepSeek R1, Kimi K2, BGE M3
    if (compound.has(tok.t) && following && tight(tok, following) && following.kind === "number") {
      raw.variants.push(tok.t + following.t);
      last = n + 1;
      continue;
    }
    // Qwen3-30B-A3B (active params)
    if (tok.t === "a" && following && tight(tok, following) && following.kind === "size" && raw.size) {
      raw.variants.push(`a${following.t}`);
      last = n + 1;
      continue;
    }
    if (tok.kind === "size" || tok.kind === "moe") {
      const size = parseSizeToken(tok);
      if (!size || raw.size) break;
      raw.size = size;
      last = n;
      continue;
    }
    if (tok.kind === "number") {
      // "70 billion" / "7-billion"
      const sn = nextIndex(tokens, n, text);
      const scale = sn > 0 ? SCALE_WORDS[tokens[sn].t] : undefined;
      if (scale !== undefined && !raw.size && (tokens[sn].t.length > 1 || tight(tok, tokens[sn]))) {
        const b = Number(tok.t) * scale;
        raw.size = { total_b: b, label: formatParams(b) };
        last = sn;
        continue;
      }
      if (!raw.version && !raw.size && fam.versions?.test(tok.t) && raw.variants.length === 0) {
        raw.version = tok.t;
        last = n;
        continue;
      }
      if (!raw.version && fam.versions?.test(tok.t) && isAttached) {
        raw.version = tok.t;
        last = n;
        continue;
      }
      break;
    }
    if (tok.kind === "kilo" && isAttached) {
      raw.variants.push(tok.t);
      last = n;
      continue;
    }
    if (tok.kind === "word" || tok.t === "+") {
      if (QUANT_TOKENS.has(tok.t)) {
        last = n;
        continue;
      }
      // "YOLOv8m", and after a variant word with a dash: "SAM ViT-H"
      const afterVariant = raw.variants.length > 0 && SEPARATORS.has(tokens[n - 1]?.t ?? "") && tight(tokens[n - 1], tok);
      if (letters.has(tok.t) && (isAttached || afterVariant)) {
        raw.variants.push(tok.t);
        last = n;
        continue;
      }
      const common = COMMON_VARIANTS.includes(tok.t);
      if (famVariants.has(tok.t) || (common && (!TIGHT_ONLY_VARIANTS.has(tok.t) || isAttached))) {
        raw.variants.push(tok.t);
        last = n;
        continue;
      }
    }
    break;
  }
  return { raw, end: last, firstAfterHead };
}

function guardOk(guard: string, tokens: readonly Token[], startIdx: number, headEnd: number, raw: RawMention): boolean {
  const qualified = !!(raw.version || raw.size || raw.variants.length);
  if (guard === "none") return true;
  if (guard === "qualifier") return qualified;
  const headRaw = tokens.slice(startIdx, headEnd + 1).filter((t) => t.kind === "word").map((t) => t.raw).join("");
  if (guard === "upper_or_qualifier") return qualified || (headRaw.length >= 2 && headRaw === headRaw.toUpperCase());
  if (guard === "capital_or_qualifier") return qualified || /^[A-Z]/.test(headRaw);
  return true;
}

function interpret(family: ModelFamily, raw: RawMention, start: number, end: number): ModelMention {
  let params = family.params?.(raw);
  let note: string | undefined;
  if (params === undefined && raw.size) {
    params = raw.size.total_b;
    if (raw.size.experts) {
      note = `${raw.size.label} read as about ${formatParams(round(raw.size.total_b, 1))} total parameters (${raw.size.experts} × ${formatParams(raw.size.each_b ?? 0)}; shared layers make the true total somewhat lower)`;
    }
  }
  const options = params === undefined ? (family.sizeOptions?.(raw) ?? []) : [];
  if (params === undefined && options.length === 1) params = options[0].params_b;
  const size_options =
    params === undefined
      ? options.map((o) => formatMention(family, { ...raw, ...o.patch, variants: mergeVariants(raw.variants, o.patch.variants) }))
      : [];
  return {
    family: family.id,
    name: family.closed ? undefined : formatMention(family, raw),
    params_b: params === undefined ? undefined : round(params, 4),
    note,
    modality: family.modalityFor?.(raw) ?? family.modality,
    size_options,
    default_params_b: params === undefined ? family.defaultParams?.(raw) : undefined,
    max_context: family.maxContext?.(raw),
    closed: !!family.closed,
    raw,
    start,
    end,
  };
}

function mergeVariants(a: string[], b: string[] | undefined): string[] {
  return [...new Set([...(b ?? []), ...a])];
}

/** Parses family mentions in a token list. `relaxed` skips guards (inside an HF repo name). */
function familyMentions(text: string, relaxed: boolean, offset = 0, tokens: readonly Token[] = tokenize(text)): ModelMention[] {
  const out: ModelMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Heads must start at a word boundary: "ollama" is not "llama", "yolov8" is fine.
    if (i > 0 && tight(tokens[i - 1], tokens[i]) && tokens[i - 1].kind === "word") continue;
    const head = matchHead(tokens, i, text);
    if (!head) continue;
    const tail = parseTail(tokens, head, text);
    if (!relaxed) {
      if (tail.firstAfterHead && head.family.stopAfter?.includes(tail.firstAfterHead)) continue;
      const nextTok = tokens[head.end + 2];
      if (tokens[head.end + 1]?.t === "." && nextTok && head.family.stopAfter?.includes(nextTok.t)) continue;
      if (!guardOk(head.guard, tokens, i, head.end, tail.raw)) continue;
    }
    const mention = interpret(head.family, tail.raw, offset + tokens[i].start, offset + tokens[tail.end].end);
    mention.text = text.slice(tokens[i].start, tokens[tail.end].end);
    out.push(mention);
    i = tail.end;
  }
  return out;
}

/** Bare sizes not inside a family mention: "a 7B chat model", "70 billion parameters". */
function sizeMentions(text: string, taken: [number, number][], tokens: readonly Token[] = tokenize(text)): ModelMention[] {
  const out: ModelMention[] = [];
  const inside = (pos: number) => taken.some(([s, e]) => pos >= s && pos < e);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (inside(tok.start)) continue;
    const prev = tokens[i - 1];
    if (prev && /^[$€£]$/.test(prev.t)) continue;
    if (prev && tight(prev, tok) && (prev.kind === "word" || prev.t === "/")) continue;
    let size: ParsedSize | null = null;
    let end = i;
    if (tok.kind === "size" || tok.kind === "moe") {
      size = parseSizeToken(tok);
      // "5m" is usually minutes/meters: a lower-case m needs a parameter word after it.
      if (size && /m$/.test(tok.raw) && !/M$/.test(tok.raw)) {
        const nx = tokens[i + 1];
        if (!nx || !PARAM_WORDS.has(nx.t)) size = null;
      }
    } else if (tok.kind === "number") {
      let j = i + 1;
      if (tokens[j]?.t === "-") j++;
      const scale = tokens[j] ? SCALE_WORDS[tokens[j].t] : undefined;
      if (scale !== undefined && tokens[j].t.length > 1) {
        let k = j + 1;
        if (tokens[k]?.t === "-") k++;
        if (tokens[k] && PARAM_WORDS.has(tokens[k].t)) {
          const b = Number(tok.t) * scale;
          size = { total_b: b, label: formatParams(b) };
          end = k;
        }
      }
    }
    if (!size) continue;
    let k = end + 1;
    if (tokens[k]?.t === "-") k++;
    if (tokens[k] && NOT_PARAM_NOUNS.has(tokens[k].t)) continue;
    if (tokens[k] && (tokens[k].t === "of" || tokens[k].t === "per")) continue;
    out.push({
      family: null,
      params_b: round(size.total_b, 4),
      note: size.experts
        ? `${size.label} read as about ${formatParams(round(size.total_b, 1))} total parameters (${size.experts} × ${formatParams(size.each_b ?? 0)}, approximate)`
        : undefined,
      size_options: [],
      closed: false,
      raw: { size, variants: [] },
      start: tok.start,
      end: tokens[end].end,
    });
    i = end;
  }
  return out;
}

const HF_ID_RE = /(?<![\w./:-])([A-Za-z0-9][\w.-]{0,95})\/([A-Za-z0-9][\w.-]*[A-Za-z0-9])(?![\w/])/g;
const NOT_ORG = /^(and|or|per|vs|fp\d+|bf\d+|int\d|tgi|vllm|a\d+|h\d+|l\d+|t\d|v\d+|rtx|gpu|cpu|s|hr|h|mo|day|yr|inference|training|serving|train|fine|usd|eur|tcp|udp|http|https|www|aws|gcp|azure|k8s|ci|cd|dev|prod)$/i;
const REGION_LIKE = /^(?:us|eu|ap|ca|sa|me|af|il|mx|uk|europe|asia|australia|northamerica|southamerica|africa)-[a-z]+-?\d+[a-z]?$/i;

/** "meta-llama/Llama-3.1-8B-Instruct" style ids (also inside huggingface.co URLs). */
function hfMentions(text: string): ModelMention[] {
  const out: ModelMention[] = [];
  const src = text.replace(/https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(?:models\/)?/gi, (m) => " ".repeat(m.length));
  for (const m of src.matchAll(HF_ID_RE)) {
    const org = m[1];
    const repo = m[2];
    const known = KNOWN_HF_ORGS.has(org.toLowerCase());
    if (!known) {
      if (NOT_ORG.test(org) || NOT_ORG.test(repo)) continue;
      if (REGION_LIKE.test(org) || REGION_LIKE.test(repo)) continue;
      if (!/[a-z]/i.test(org) || !/[a-z]/i.test(repo)) continue;
      if (!/[-_.]/.test(repo) || !/\d/.test(repo)) continue;
      // "llama-3/mistral-7b" is a list of alternatives, not an org.
      if (familyMentions(org, false).length > 0) continue;
    }
    const start = m.index ?? 0;
    const inner = familyMentions(repo, true)[0];
    const size = inner ? undefined : sizeMentions(repo, [])[0];
    const hf_id = `${org}/${repo}`;
    out.push({
      family: inner?.family ?? null,
      name: repo,
      hf_id,
      params_b: inner?.params_b ?? size?.params_b,
      note: inner?.note ?? size?.note,
      modality: inner?.modality,
      size_options: inner?.size_options ?? [],
      default_params_b: inner?.default_params_b,
      max_context: inner?.max_context,
      closed: false,
      raw: inner?.raw ?? { variants: [] },
      start,
      end: start + hf_id.length,
    });
  }
  return out;
}

/** All model mentions in text order. */
export function extractModels(said: Said): ModelMention[] {
  const u = utterance(said);
  const hf = hfMentions(u.text);
  const masked = hf.reduce((t, m) => t.slice(0, m.start) + " ".repeat(m.end - m.start) + t.slice(m.end), u.text);
  // The message's own tokens unless repo ids were masked out of it.
  const tokens = hf.length ? tokenize(masked) : u.tokens;
  const fams = familyMentions(masked, false, 0, tokens);
  const taken: [number, number][] = [...hf, ...fams].map((m) => [m.start, m.end]);
  const sizes = sizeMentions(masked, taken, tokens);
  return [...hf, ...fams, ...sizes].sort((a, b) => a.start - b.start);
}

export interface ModelExtraction {
  model?: ModelRef;
  modality?: Modality;
  notes: string[];
  family?: string;
  size_options: string[];
  default_params_b?: number;
  max_context?: number;
  alternatives: string[];
  closed_model?: string;
}

/**
 * The hyphenated repo-style name a family mention sits in, when it is clearly longer than the
 * mention (four or more dash-joined parts): "distilbert-base-uncased-finetuned-sst-2-english".
 */
export function repoNameAround(text: string, start: number, end: number): string | null {
  let a = start;
  let b = end;
  while (a > 0 && /[A-Za-z0-9._-]/.test(text[a - 1])) a--;
  while (b < text.length && /[A-Za-z0-9._-]/.test(text[b])) b++;
  const token = text.slice(a, b).replace(/^[._-]+|[._-]+$/g, "");
  if (token.includes("/") || token.split("-").filter(Boolean).length < 4 || token.length <= end - start + 4) return null;
  return token;
}

/** Replaces (or appends) the size in a model name: ("Llama 3.1 70B", 8) → "Llama 3.1 8B". */
export function withSize(name: string, params_b: number): string {
  const label = formatParams(params_b);
  if (/\b\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?[BbMm]\b/.test(name)) {
    return name.replace(/\b\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?[BbMm]\b/, label);
  }
  return `${name} ${label}`;
}

/**
 * The primary model of a text: the first named model (HF id or family). A bare size elsewhere in
 * the text ("Llama 3 … the 70B one") fills a missing size; a bare size alone gives params only.
 */
export function extractModel(said: Said): ModelExtraction {
  const u = utterance(said);
  const all = extractModels(u);
  const closed = all.find((m) => m.closed);
  // The same family named twice ("segment anything with SAM ViT-B"): the more specific mention counts.
  const specific = (m: ModelMention) => m.raw.variants.length + (m.raw.size ? 2 : 0) + (m.raw.version ? 1 : 0);
  const named = all
    .filter((m) => !m.closed && (m.family || m.hf_id))
    .filter((m, _, list) => !list.some((o) => o !== m && !!m.family && o.family === m.family && !o.hf_id && !m.hf_id && specific(o) > specific(m)));
  const bare = all.filter((m) => !m.family && !m.hf_id);
  const notes: string[] = [];
  const res: ModelExtraction = { notes, size_options: [], alternatives: [] };
  if (closed) {
    res.closed_model = closed.text ?? closed.family ?? "This model";
    res.modality = closed.modality;
    notes.push(`${res.closed_model} is a hosted API model and cannot be self-hosted; an open-weights alternative will be suggested.`);
  }
  // Several models in one pipeline (RAG, voice assistant): the language model leads, then any
  // generative/vision model; embedding and speech helpers come last.
  const primary =
    named.find((m) => m.modality === "llm" || m.modality === "multimodal") ??
    named.find((m) => m.modality !== "embedding") ??
    named[0];
  if (primary) {
    let params = primary.params_b;
    let name = primary.name;
    let options = primary.size_options;
    if (params === undefined && bare.length > 0) {
      params = bare[0].params_b;
      if (name && params !== undefined && !primary.hf_id) name = withSize(name, params);
      options = [];
    }
    // A repo name written without its organisation ("distilbert-base-uncased-finetuned-sst-2-english")
    // is the name to resolve: the family alone would lose the fine-tune.
    const written = primary.hf_id ? null : repoNameAround(u.text, primary.start, primary.end);
    if (written) name = written;
    res.model = { name, hf_id: primary.hf_id, params_b: params };
    res.modality = primary.modality ?? res.modality;
    res.family = primary.family ?? undefined;
    res.size_options = options;
    res.default_params_b = params === undefined ? primary.default_params_b : undefined;
    res.max_context = primary.max_context;
    if (primary.note) notes.push(primary.note);
    res.alternatives = named.filter((m) => m !== primary).map((m) => m.name ?? m.hf_id ?? "").filter((n) => n && n !== name);
  } else if (bare.length > 0) {
    res.model = { params_b: bare[0].params_b };
    if (bare[0].note) notes.push(bare[0].note);
  }
  if (res.model) {
    for (const k of Object.keys(res.model) as (keyof ModelRef)[]) if (res.model[k] === undefined) delete res.model[k];
  }
  return res;
}
