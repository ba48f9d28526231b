/**
 * "Understanding people's words" (issue 12): requests typed the way people type them — in Spanish,
 * German and French, and in English with typos and negations — each declaring what must be
 * understood from it. The judge is pure: the conversation's answers in, a list of failure reasons
 * out (empty = pass). It reads only the answer's `spec` (lib/schemas/workload-spec.ts) and, for
 * excluded providers, `plan.compute[].provider`; a missing field is a failure, never a pass.
 *
 * Budgets: the engine reads "€" and "euros" as the same number of dollars (it states so), so a
 * euro budget is expected as that number.
 */
import type { ChatResponse } from "@/lib/schemas/chat";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";

export const LANGS = ["es", "de", "fr", "en_typos"] as const;
export type Lang = (typeof LANGS)[number];
export type Task = NonNullable<WorkloadSpec["task"]>;

export interface Understood {
  /** spec.budget_monthly_usd, exactly. */
  budget?: number;
  /** spec.task. */
  task?: Task;
  /** Each must match `model.name` or `model.hf_id` (family, then size). */
  model?: RegExp[];
  /** spec.fine_tune_method. */
  method?: "full" | "lora" | "qlora";
  /** spec.gpu: count and memory per GPU exactly, model by pattern. */
  gpu?: { count?: number; model?: RegExp; memory?: number };
  /** Every one must be in spec.providers. */
  providers?: string[];
  /** None may be in spec.providers, nor in any plan.compute[].provider (and the plan must offer compute). */
  excluded?: string[];
  /** spec.spot_ok. */
  spot?: boolean;
  /** Each must be in spec.tools. */
  tools?: string[];
  /** GPUs ruled out: none may be spec.gpu.model, nor any plan.compute[].gpu_model (and the plan must offer compute). */
  excludedGpus?: RegExp[];
  /** spec.precision must not be this (a precision ruled out). */
  notPrecision?: string;
}

export interface LanguageCase {
  lang: Lang;
  text: string;
  /**
   * Only where the request truly lacks something: what is missing, and how a user would answer a
   * question about it. Without it, a clarification is a failure; with it, the answer after the
   * reply is judged.
   */
  lacks?: { what: string; reply: string };
  expect: Understood;
}

// ── Recognisers: a family and a size, matched against the model's name or Hugging Face id ────
/** A parameter count written as "8B" / "8b" / "-8B-", not part of a longer number (18B, 3.8B). */
export const size = (b: string) => new RegExp(`(?<![\\d.])${b.replace(".", "\\.")}\\s*b(?![a-z0-9])`, "i");
const LLAMA31 = /llama[\s-]?3\.1/i;
const MISTRAL = /mistral(?!.*mixtral)/i;
const MIXTRAL = /mixtral/i;
const MIXTRAL_8X7 = /8x7b/i;
const QWEN25 = /qwen[\s-]?2\.5/i;
const GEMMA2 = /gemma[\s-]?2/i;
const PHI3_MINI = [/phi[\s-]?3/i, /mini/i];
const WHISPER_L3 = [/whisper/i, /large[\s-]?v3/i];
const H100 = /H100/i;
const A100 = /A100/i;
const L4 = /^(nvidia[\s-]?)?L4\b/i;
const T4 = /^T4$/i;

export const CASES: LanguageCase[] = [
  // ── Spanish ────────────────────────────────────────────────────────────────────────────────
  { lang: "es", text: "Quiero servir Llama 3.1 8B Instruct en AWS, presupuesto de 800 dólares al mes",
    expect: { task: "inference", model: [LLAMA31, size("8")], providers: ["aws"], budget: 800 } },
  { lang: "es", text: "necesito hacer fine-tuning de Mistral 7B con LoRA, tengo 2 GPUs de 24GB y unos 1500 € al mes",
    expect: { task: "fine_tuning", method: "lora", model: [MISTRAL, size("7")], gpu: { count: 2, memory: 24 }, budget: 1500 } },
  { lang: "es", text: "Entrenar un modelo desde cero con 8 H100 en GCP, nada de instancias spot",
    lacks: { what: "which model (architecture, size)", reply: "un modelo tipo Llama de 7B parámetros, con unos 200 GB de datos" },
    expect: { task: "training", gpu: { count: 8, model: H100 }, providers: ["gcp"], spot: false } },
  { lang: "es", text: "¿Cuánto me cuesta desplegar Qwen2.5 72B Instruct? Máximo 5000 $ por mes, y que no sea en Azure",
    expect: { task: "inference", model: [QWEN25, size("72")], budget: 5000, excluded: ["azure"] } },
  { lang: "es", text: "ajuste fino completo (sin LoRA) de Llama 3.1 70B, presupuesto 20000 dólares mensuales",
    expect: { task: "fine_tuning", method: "full", model: [LLAMA31, size("70")], budget: 20000 } },
  { lang: "es", text: "procesamiento por lotes: transcribir 10000 horas de audio con Whisper large v3, 600 € al mes",
    expect: { task: "batch_processing", model: WHISPER_L3, budget: 600 } },
  { lang: "es", text: "quiero poner en producción gemma 2 9b para un chatbot, con una sola A100 de 80GB",
    expect: { task: "inference", model: [GEMMA2, size("9")], gpu: { count: 1, model: A100, memory: 80 } } },
  { lang: "es", text: "servir mixtral 8x7b en azure o gcp, con 4 GPUs, presupuesto 4000 al mes",
    expect: { task: "inference", model: [MIXTRAL, MIXTRAL_8X7], providers: ["azure", "gcp"], gpu: { count: 4 }, budget: 4000 } },
  { lang: "es", text: "QLoRA sobre Qwen2.5 14B con una RTX 4090, lo más barato posible",
    expect: { task: "fine_tuning", method: "qlora", model: [QWEN25, size("14")], gpu: { count: 1, model: /4090/ } } },
  { lang: "es", text: "Necesito inferencia para Phi-3 mini, sin AWS, menos de 300 dólares por mes",
    expect: { task: "inference", model: PHI3_MINI, excluded: ["aws"], budget: 300 } },
  { lang: "es", text: "afinar llama 3.1 8b con nuestros datos usando LoRA, en Lambda, 2000 $ al mes",
    expect: { task: "fine_tuning", method: "lora", model: [LLAMA31, size("8")], providers: ["lambda"], budget: 2000 } },

  { lang: "es", text: "necesito dos H100 para servir Llama 3.1 70B Instruct, cinco mil dólares al mes como máximo",
    expect: { task: "inference", model: [LLAMA31, size("70")], gpu: { count: 2, model: H100 }, budget: 5000 } },
  { lang: "es", text: "quiero desplegar Mistral 7B con vLLM, nada de T4, quinientos dólares al mes",
    expect: { task: "inference", model: [MISTRAL, size("7")], tools: ["vllm"], excludedGpus: [T4], budget: 500 } },

  // ── German ─────────────────────────────────────────────────────────────────────────────────
  { lang: "de", text: "Ich möchte Llama 3.1 8B Instruct auf AWS bereitstellen, Budget 1000 € pro Monat",
    expect: { task: "inference", model: [LLAMA31, size("8")], providers: ["aws"], budget: 1000 } },
  { lang: "de", text: "Fine-Tuning von Mistral 7B mit LoRA auf 2 GPUs mit 24 GB, maximal 1200 $ im Monat",
    expect: { task: "fine_tuning", method: "lora", model: [MISTRAL, size("7")], gpu: { count: 2, memory: 24 }, budget: 1200 } },
  { lang: "de", text: "Vollständiges Fine-Tuning (kein LoRA) von Qwen2.5 7B, wir haben 8x A100 80GB",
    expect: { task: "fine_tuning", method: "full", model: [QWEN25, size("7")], gpu: { count: 8, model: A100, memory: 80 } } },
  { lang: "de", text: "Wir wollen Mixtral 8x7B hosten, aber nicht bei Azure. Höchstens 3000 € pro Monat.",
    expect: { task: "inference", model: [MIXTRAL, MIXTRAL_8X7], excluded: ["azure"], budget: 3000 } },
  { lang: "de", text: "Batch-Verarbeitung: 2 Millionen Dokumente mit Llama 3.1 70B zusammenfassen, keine Spot-Instanzen",
    expect: { task: "batch_processing", model: [LLAMA31, size("70")], spot: false } },
  { lang: "de", text: "Whisper large-v3 als Transkriptions-API betreiben, auf GCP, Budget 500 $ pro Monat",
    expect: { task: "inference", model: WHISPER_L3, providers: ["gcp"], budget: 500 } },
  { lang: "de", text: "Training eines eigenen Modells von Grund auf mit 16 H100 GPUs",
    lacks: { what: "which model (architecture, size)", reply: "ein Llama-ähnliches Modell mit 1B Parametern, etwa 500 GB Trainingsdaten" },
    expect: { task: "training", gpu: { count: 16, model: H100 } } },
  { lang: "de", text: "Gemma 2 27B für unseren internen Chat, eine H100 reicht, nur Azure",
    expect: { task: "inference", model: [GEMMA2, size("27")], gpu: { count: 1, model: H100 }, providers: ["azure"] } },
  { lang: "de", text: "QLoRA-Fine-Tuning von Llama 3.1 70B mit 2 GPUs mit 48 GB, 2500 € im Monat",
    expect: { task: "fine_tuning", method: "qlora", model: [LLAMA31, size("70")], gpu: { count: 2, memory: 48 }, budget: 2500 } },
  { lang: "de", text: "Qwen2.5 14B Instruct bereitstellen, aber nicht auf AWS, unter 1500 $ monatlich",
    expect: { task: "inference", model: [QWEN25, size("14")], excluded: ["aws"], budget: 1500 } },
  { lang: "de", text: "Mistral 7B Instruct mit vLLM auf einer L4 betreiben, Budget 400 € pro Monat",
    expect: { task: "inference", model: [MISTRAL, size("7")], gpu: { count: 1, model: L4 }, budget: 400 } },

  { lang: "de", text: "zwei A100 mit 80 GB für das Feinabstimmen von Llama 3.1 8B, dreitausend Euro pro Monat",
    expect: { task: "fine_tuning", model: [LLAMA31, size("8")], gpu: { count: 2, model: A100, memory: 80 }, budget: 3000 } },
  { lang: "de", text: "Llama 3.1 8B mit Ollama bereitstellen, keine T4, achthundert Euro pro Monat",
    expect: { task: "inference", model: [LLAMA31, size("8")], tools: ["ollama"], excludedGpus: [T4], budget: 800 } },

  // ── French ─────────────────────────────────────────────────────────────────────────────────
  { lang: "fr", text: "Je veux déployer Llama 3.1 8B Instruct sur GCP avec un budget de 700 € par mois",
    expect: { task: "inference", model: [LLAMA31, size("8")], providers: ["gcp"], budget: 700 } },
  { lang: "fr", text: "fine-tuning LoRA de Mistral 7B sur 1 GPU de 24GB, 900 dollars par mois max",
    expect: { task: "fine_tuning", method: "lora", model: [MISTRAL, size("7")], gpu: { count: 1, memory: 24 }, budget: 900 } },
  { lang: "fr", text: "Fine-tuning complet de Qwen2.5 7B, pas de LoRA, avec 4 A100 80GB",
    expect: { task: "fine_tuning", method: "full", model: [QWEN25, size("7")], gpu: { count: 4, model: A100, memory: 80 } } },
  { lang: "fr", text: "Héberger Mixtral 8x7B Instruct, pas sur AWS, budget de 3500 € par mois",
    expect: { task: "inference", model: [MIXTRAL, MIXTRAL_8X7], excluded: ["aws"], budget: 3500 } },
  { lang: "fr", text: "Traitement par lots : classer 5 millions de tickets avec Llama 3.1 8B, pas d'instances spot",
    expect: { task: "batch_processing", model: [LLAMA31, size("8")], spot: false } },
  { lang: "fr", text: "Servir Whisper large v3 pour transcrire des appels, sur Azure, 400 $ par mois",
    expect: { task: "inference", model: WHISPER_L3, providers: ["azure"], budget: 400 } },
  { lang: "fr", text: "Entraîner un modèle from scratch sur 32 H100",
    lacks: { what: "which model (architecture, size)", reply: "un modèle de type Llama avec 3B paramètres, 1 To de données" },
    expect: { task: "training", gpu: { count: 32, model: H100 } } },
  { lang: "fr", text: "Mettre en production Gemma 2 9B avec 2 L4, uniquement chez GCP ou AWS",
    expect: { task: "inference", model: [GEMMA2, size("9")], gpu: { count: 2, model: L4 }, providers: ["gcp", "aws"] } },
  { lang: "fr", text: "QLoRA sur Llama 3.1 70B, budget 2000 € par mois",
    expect: { task: "fine_tuning", method: "qlora", model: [LLAMA31, size("70")], budget: 2000 } },
  { lang: "fr", text: "inférence de Qwen2.5 72B Instruct sur 8 GPU H100, tout sauf Azure",
    expect: { task: "inference", model: [QWEN25, size("72")], gpu: { count: 8, model: H100 }, excluded: ["azure"] } },
  { lang: "fr", text: "Déployer Phi-3 mini pour un assistant interne, moins de 250 € par mois, pas de spot",
    expect: { task: "inference", model: PHI3_MINI, budget: 250, spot: false } },

  { lang: "fr", text: "je veux deux H100 pour servir Qwen2.5 72B Instruct, trois mille euros par mois",
    expect: { task: "inference", model: [QWEN25, size("72")], gpu: { count: 2, model: H100 }, budget: 3000 } },
  { lang: "fr", text: "déployer Llama 3.1 8B avec Ollama, pas de T4, deux cents euros par mois",
    expect: { task: "inference", model: [LLAMA31, size("8")], tools: ["ollama"], excludedGpus: [T4], budget: 200 } },

  // ── English with typos and negations ───────────────────────────────────────────────────────
  { lang: "en_typos", text: "serve lama 3.1 8b on aws, budget $900/month",
    expect: { task: "inference", model: [LLAMA31, size("8")], providers: ["aws"], budget: 900 } },
  { lang: "en_typos", text: "mistrall 7b instruct for a chatbot, no AWS, under 600 a month",
    expect: { task: "inference", model: [MISTRAL, size("7")], excluded: ["aws"], budget: 600 } },
  { lang: "en_typos", text: "whsiper large v3 transcription api on gcp",
    expect: { task: "inference", model: WHISPER_L3, providers: ["gcp"] } },
  { lang: "en_typos", text: "full fine-tune, not LoRA, of llama 3.1 8b on 4x A100 80GB",
    expect: { task: "fine_tuning", method: "full", model: [LLAMA31, size("8")], gpu: { count: 4, model: A100, memory: 80 } } },
  { lang: "en_typos", text: "finetune qwen 2.5 7b with qlora, not on spot, $1200 per month",
    expect: { task: "fine_tuning", method: "qlora", model: [QWEN25, size("7")], spot: false, budget: 1200 } },
  { lang: "en_typos", text: "deploy mixtrl 8x7b instruct but not on azure or aws",
    expect: { task: "inference", model: [MIXTRAL, MIXTRAL_8X7], excluded: ["azure", "aws"] } },
  { lang: "en_typos", text: "gemma2 9b infernce on a single L4, no spot instances",
    expect: { task: "inference", model: [GEMMA2, size("9")], gpu: { count: 1, model: L4 }, spot: false } },
  { lang: "en_typos", text: "batch process 1M docs with llama 3.1 70b instrcut, budget 5000/month, not gcp",
    expect: { task: "batch_processing", model: [LLAMA31, size("70")], budget: 5000, excluded: ["gcp"] } },
  { lang: "en_typos", text: "train a model from scratch on 64 h100s, dont use spot",
    lacks: { what: "which model (architecture, size)", reply: "llama-style architecture, 7B parameters, about 1T tokens of data" },
    expect: { task: "training", gpu: { count: 64, model: H100 }, spot: false } },
  { lang: "en_typos", text: "I don't want LoRA — full finetuning of mistal 7b, 2 gpus with 80gb each, €3000 a month",
    expect: { task: "fine_tuning", method: "full", model: [MISTRAL, size("7")], gpu: { count: 2, memory: 80 }, budget: 3000 } },
  { lang: "en_typos", text: "serve llama 3.1 8b with vllm, no T4s, not fp8, $700/month",
    expect: { task: "inference", model: [LLAMA31, size("8")], tools: ["vllm"], excludedGpus: [T4], notPrecision: "fp8", budget: 700 } },
  { lang: "en_typos", text: "fine-tune mistral 7b with lora on two A1OO 80GB, kubeflwo pipelines and promethues",
    expect: { task: "fine_tuning", method: "lora", model: [MISTRAL, size("7")], gpu: { count: 2, model: A100, memory: 80 }, tools: ["kubeflow", "prometheus"] } },
  { lang: "en_typos", text: "quen2.5 14b instruct for our support bot, azure only, max 2000 dollars monthly",
    expect: { task: "inference", model: [QWEN25, size("14")], providers: ["azure"], budget: 2000 } },
];

/** How many separate things a case checks (a case that checks fewer than two is too weak to count). */
export function checkCount(u: Understood): number {
  return (
    (u.budget !== undefined ? 1 : 0) + (u.task ? 1 : 0) + (u.model?.length ?? 0) + (u.method ? 1 : 0) +
    (u.gpu ? Object.values(u.gpu).filter((v) => v !== undefined).length : 0) +
    (u.providers?.length ?? 0) + (u.excluded?.length ?? 0) + (u.spot !== undefined ? 1 : 0) +
    (u.tools?.length ?? 0) + (u.excludedGpus?.length ?? 0) + (u.notPrecision ? 1 : 0)
  );
}

const show = (v: unknown) => (v === undefined ? "nothing" : JSON.stringify(v));

/** What the spec (and the compute options, for exclusions) got wrong against what was said. */
export function judgeSpec(u: Understood, r: ChatResponse): string[] {
  const f: string[] = [];
  const s: WorkloadSpec = r.spec ?? {};
  if (u.budget !== undefined && s.budget_monthly_usd !== u.budget) f.push(`budget: expected ${u.budget}/month, understood ${show(s.budget_monthly_usd)}`);
  if (u.task && s.task !== u.task) f.push(`task: expected ${u.task}, understood ${show(s.task)}`);
  if (u.model) {
    const names = [s.model?.name, s.model?.hf_id].filter((x): x is string => !!x);
    const missed = u.model.filter((re) => !names.some((n) => re.test(n)));
    if (!names.length) f.push(`model: expected one matching ${u.model.join(" ")}, understood nothing`);
    else if (missed.length) f.push(`model: ${show(s.model?.name)} / ${show(s.model?.hf_id)} does not match ${missed.join(" ")}`);
  }
  if (u.method && s.fine_tune_method !== u.method) f.push(`fine-tune method: expected ${u.method}, understood ${show(s.fine_tune_method)}`);
  if (u.gpu) {
    const g = s.gpu ?? {};
    if (u.gpu.count !== undefined && g.count !== u.gpu.count) f.push(`GPU count: expected ${u.gpu.count}, understood ${show(g.count)}`);
    if (u.gpu.model && !(g.model && u.gpu.model.test(g.model))) f.push(`GPU model: expected ${u.gpu.model}, understood ${show(g.model)}`);
    if (u.gpu.memory !== undefined && g.memory_gb_per_gpu !== u.gpu.memory) f.push(`GPU memory: expected ${u.gpu.memory} GB per GPU, understood ${show(g.memory_gb_per_gpu)}`);
  }
  const provs = (s.providers ?? []).map((p) => p.toLowerCase());
  for (const p of u.providers ?? []) if (!provs.includes(p)) f.push(`provider: expected ${p} among the providers, understood ${show(s.providers)}`);
  if (u.excluded?.length) {
    for (const p of u.excluded) if (provs.includes(p)) f.push(`excluded provider ${p} is among the wanted providers ${show(s.providers)}`);
    const compute = r.plan?.compute ?? [];
    if (r.type === "plan" && !compute.length) f.push("exclusion cannot be checked: the plan offers no compute");
    const leaked = [...new Set(compute.map((c) => c.provider.toLowerCase()).filter((p) => u.excluded!.includes(p)))];
    if (leaked.length) f.push(`excluded provider(s) ${leaked.join(", ")} offered in plan.compute`);
  }
  if (u.spot !== undefined && s.spot_ok !== u.spot) f.push(`spot: expected spot_ok=${u.spot}, understood ${show(s.spot_ok)}`);
  for (const t of u.tools ?? []) if (!(s.tools ?? []).includes(t)) f.push(`tool: expected ${t} among the tools, understood ${show(s.tools)}`);
  if (u.excludedGpus?.length) {
    if (s.gpu?.model && u.excludedGpus.some((re) => re.test(s.gpu!.model!))) f.push(`excluded GPU is the GPU asked for: ${s.gpu.model}`);
    const compute = r.plan?.compute ?? [];
    if (r.type === "plan" && !compute.length) f.push("GPU exclusion cannot be checked: the plan offers no compute");
    const leaked = [...new Set(compute.map((c) => c.gpu_model ?? "").filter((g) => g && u.excludedGpus!.some((re) => re.test(g))))];
    if (leaked.length) f.push(`excluded GPU(s) ${leaked.join(", ")} offered in plan.compute`);
  }
  if (u.notPrecision && s.precision === u.notPrecision) f.push(`precision: ${u.notPrecision} was ruled out, understood ${show(s.precision)}`);
  return f;
}

/**
 * The whole judgement for one conversation: `answers` are the responses in order (the first, then
 * the one after the reply when the case allows a reply). A clarification is a failure unless the
 * request truly lacks something; the final answer must be a plan and its spec must hold every
 * understood thing.
 */
export function judgeLanguageCase(c: LanguageCase, answers: ChatResponse[]): string[] {
  if (!answers.length) return ["no answer"];
  const f: string[] = [];
  const first = answers[0];
  const questions = (r: ChatResponse) => (r.clarification?.questions ?? []).map((q) => `“${q.question}”`).join(" ");
  if (first.type === "clarification" && !c.lacks) f.push(`asked although nothing is missing: ${questions(first)}`);
  const last = answers[answers.length - 1];
  if (last.type !== "plan" || !last.plan) f.push(`final answer is a ${last.type}${last.type === "clarification" ? `: ${questions(last)}` : ""}, not a plan`);
  f.push(...judgeSpec(c.expect, last));
  return f;
}
