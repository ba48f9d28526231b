/**
 * Reads a user reply in the light of the questions the assistant just asked: picks options by
 * text or number ("2"), reads bare numbers for budget/size questions ("2000", "70"), free text
 * for a "what do you want to run" question, and "no / not sure / you pick" as an explicit skip.
 */
import type { ClarificationQuestion } from "@/lib/schemas/workload-spec";
import type { TextExtraction, TextExtras } from "../types";
import { budgetFromBareNumber } from "./budget";
import { compactSpec, extractFromText } from "./extract";
import { withSize } from "./models";
import { normalizeText } from "./normalize";
import { utteranceOf } from "./utterance";

const DECLINE =
  /^(?:no|nope|nah|none|n\/?a|skip|pass|not\s+sure|unsure|don'?t\s+know|dunno|idk|no\s+idea|no\s+preference|any|anything|whatever|doesn'?t\s+matter|does\s+not\s+matter|don'?t\s+care|you\s+(?:decide|choose|pick|tell\s+me)|up\s+to\s+you|your\s+call|either|not\s+really|no\s+clue|nothing|default|defaults|recommend(?:\s+(?:one|something))?|surprise\s+me|later|not\s+yet)\b/;
const DECLINE_ANYWHERE =
  /\b(?:no\s+preference|up\s+to\s+you|you\s+(?:decide|choose|pick)|not\s+sure|don'?t\s+know|no\s+idea|whatever\s+(?:is|works)|doesn'?t\s+matter|your\s+(?:call|choice|recommendation)|recommend\s+(?:one|something|a\s+model)|pick\s+(?:one|for\s+me)|(?:cheapest|anything)\s+(?:that\s+)?works)\b/;

/** Which spec fields answer which question id. */
export function isAnswered(id: string, spec: TextExtraction["spec"], extras: TextExtras): boolean {
  switch (id) {
    case "task":
      return !!spec.task;
    case "workload":
      return !!(spec.workload || spec.modality || spec.model?.name || spec.model?.hf_id || spec.model?.params_b);
    case "model":
    case "model_size":
      return !!(spec.model?.params_b || spec.model?.hf_id);
    case "budget":
      return spec.budget_monthly_usd !== undefined || !!extras.budget_none;
    case "gpu":
      return !!(spec.gpu?.count || spec.gpu?.model || spec.gpu?.memory_gb_per_gpu);
    case "providers":
    case "provider":
      return !!(spec.providers?.length || extras.excluded_providers?.length);
    case "region":
    case "regions":
      return !!(spec.regions?.length || extras.region_intent);
    case "precision":
      return !!spec.precision;
    case "fine_tune_method":
      return !!spec.fine_tune_method;
    case "concurrency":
    case "budget_per_run_usd":
    case "dataset_examples":
    case "avg_example_tokens":
    case "dataset_tokens":
    case "epochs":
    case "target_tokens_per_s":
    case "target_ttft_ms":
    case "avg_prompt_tokens":
    case "avg_output_tokens":
      return (spec as Record<string, unknown>)[id] !== undefined;
    default:
      return false;
  }
}

/** Option labels and reply segments compared as words (both already in English). */
const norm = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9$€£.]+/g, " ")
    .trim();

/** Option texts the reply picks ("Inference / serving", "2", "fine-tuning (lora)"); `reply` is normalized (normalize.ts). */
export function matchOptions(reply: string, questions: ClarificationQuestion[]): string[] {
  const picked: string[] = [];
  const segments = reply
    .split(/[,;\n]|\band\b/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const seg of segments) {
    const n = norm(seg);
    if (!n) continue;
    // "2" / "option 2" / "#2": an option of the first question (the one read first).
    const idx = /^(?:option\s*|#)?(\d)$/.exec(n);
    if (idx && (questions.length === 1 || segments.length === 1)) {
      const opt = questions[0]?.options[Number(idx[1]) - 1];
      if (opt) {
        picked.push(opt);
        continue;
      }
    }
    for (const q of questions) {
      const hit = q.options.find((o) => {
        const on = norm(o);
        return on === n || (n.length >= 5 && on.startsWith(n));
      });
      if (hit) picked.push(hit);
    }
  }
  return picked;
}

export interface ReplyInterpretation extends TextExtraction {
  /** Question ids the user explicitly left open. */
  declined: string[];
}

/**
 * Extracts a reply given the open questions. `prevModelName` lets a bare size ("70B") or
 * number ("70") update the model asked about.
 */
export function interpretReply(reply: string, questions: ClarificationQuestion[], prevModelName?: string): ReplyInterpretation {
  // The reply is normalized once; the options it picks are appended in English.
  const said = normalizeText(reply);
  const picked = matchOptions(said.text, questions);
  const base = extractFromText(picked.length ? { ...said, text: `${said.text}\n${picked.join(". ")}` } : said);
  const spec = { ...base.spec };
  const extras: TextExtras = { ...base.extras };
  const declined: string[] = [];
  const t = said.text.toLowerCase().trim();
  const ids = questions.map((q) => q.id);

  const segments = t
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s && !(picked.length > 0 && /^(?:option\s*|#)?\d$/.test(s)));
  const wantsSize = (ids.includes("model") || ids.includes("model_size")) && !spec.model?.params_b;
  const wantsBudget = ids.includes("budget") && !isAnswered("budget", spec, extras);
  for (const seg of segments) {
    // "70" / "70B" / "the 8 one" answers a size question; money-looking numbers answer budget.
    const size = /^(?:the\s+)?(\d+(?:\.\d+)?)\s*(?:b|billion)?(?:\s+(?:one|version|model))?$/.exec(seg);
    const money = /[$€£k]|dollar|usd|bucks|month|hour|\/mo|\/hr/.test(seg);
    if (wantsSize && size && !money && Number(size[1]) > 0 && Number(size[1]) < 1000 && !spec.model?.params_b) {
      const params = Number(size[1]);
      spec.model = { ...(spec.model ?? {}), params_b: params };
      if (prevModelName && !spec.model.name) spec.model.name = withSize(prevModelName, params);
      continue;
    }
    if (wantsBudget && spec.budget_monthly_usd === undefined) {
      const v = budgetFromBareNumber(utteranceOf({ text: seg, language: said.language }));
      if (v !== undefined) spec.budget_monthly_usd = v;
    }
  }
  if (wantsBudget && spec.budget_monthly_usd === undefined && !extras.budget_none) {
    if (/^(?:no|none|nope|nah|n\/?a|unlimited|flexible|doesn'?t\s+matter|no\s+limit)\b/.test(t)) {
      extras.budget_none = true;
      declined.push("budget");
    }
  }
  const nothingFound = !spec.task && !spec.workload && !spec.modality && !spec.model && !spec.budget_monthly_usd && !spec.gpu && !spec.providers && !spec.tools;
  const declinedAll = DECLINE.test(t) || DECLINE_ANYWHERE.test(t);
  if (ids.includes("workload") && !isAnswered("workload", spec, extras) && nothingFound && !declinedAll) {
    const free = said.text.trim().replace(/[.!?]+$/, "");
    if (free.length >= 3 && free.length <= 80 && /[a-z]/i.test(free)) spec.workload = free;
  }
  if (declinedAll) {
    for (const id of ids) if (!isAnswered(id, spec, extras) && !declined.includes(id)) declined.push(id);
  }
  return { spec: compactSpec(spec), extras, declined, ...(base.replace ? { replace: base.replace } : {}) };
}
