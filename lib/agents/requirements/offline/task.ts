/**
 * Task extraction: scores cue phrases per task and picks the strongest. Strong cues (3) name the
 * task ("inference", "fine-tune", "train"), medium cues (2) imply it ("LoRA", "batch job"),
 * weak cues (1) are generic verbs ("deploy", "run", "host", "set up", "chatbot"). Ties go to the
 * more specific task: fine_tuning > training > batch_processing > inference > development.
 */
import type { FineTuneMethod, Task } from "../types";
import { utterance, type Said } from "./utterance";

interface Cue {
  task: Task;
  weight: number;
  re: RegExp;
}

const N = String.raw`(?:\d[\d.,]*\s?[km]?|hundreds|thousands|millions|lots|tons)`;

const CUES: Cue[] = [
  // fine-tuning ("fine-tuned" alone describes a model, so it is not a cue)
  { task: "fine_tuning", weight: 3, re: /\bfine[\s-]?tun(?:e|es|ing)\b/ },
  { task: "fine_tuning", weight: 3, re: /\bfinetun(?:e|es|ing)\b/ },
  { task: "fine_tuning", weight: 3, re: /\b(?:sft|peft|dpo|orpo|rlhf|grpo)\b/ },
  { task: "fine_tuning", weight: 3, re: /\b(?:instruction|instruct|preference)[\s-]tun(?:e|ing)\b/ },
  { task: "fine_tuning", weight: 3, re: /\bdreambooth\b|\btextual inversion\b/ },
  { task: "fine_tuning", weight: 4, re: /\btrain(?:ing)?\s+(?:a\s+|an\s+|my\s+|our\s+|some\s+)?(?:q?lora|adapters?)\b/ },
  { task: "fine_tuning", weight: 2, re: /\bq?lora\b/ },
  { task: "fine_tuning", weight: 2, re: /\b(?:domain\s+)?adapt(?:ation|ing)?\b(?!\s*(?:er|ive))/ },
  { task: "fine_tuning", weight: 2, re: /\bcontinued\s+pre-?training\b/ },
  { task: "fine_tuning", weight: 2, re: /\bcustomi[sz]e\s+(?:a|the|an)\s+(?:\w+\s+)?model\b/ },
  { task: "fine_tuning", weight: 1, re: /\btun(?:e|ing)\b/ },
  // training
  { task: "training", weight: 3, re: /\btrain(?:s|ing)?\b(?!\s+(?:data|set|dataset)\b)/ },
  { task: "training", weight: 3, re: /\bpre-?train(?:ing)?\b/ },
  { task: "training", weight: 3, re: /\bfrom\s+scratch\b/ },
  { task: "training", weight: 1, re: /\btraining\s+(?:data|set|dataset)\b/ },
  // batch processing
  { task: "batch_processing", weight: 3, re: /\bbatch(?:ed)?\s+(?:inference|processing|process|jobs?|pipelines?|scoring|predictions?|transcription|mode|workloads?|embedding|generation|runs?)\b/ },
  { task: "batch_processing", weight: 3, re: /\boffline\s+(?:inference|scoring|processing|batch|predictions?|evaluation)\b/ },
  { task: "batch_processing", weight: 3, re: /\b(?:bulk|backlog|backfill)\b/ },
  { task: "batch_processing", weight: 3, re: /\b(?:nightly|daily|weekly|hourly)\s+(?:jobs?|batch(?:es)?|runs?|pipelines?)\b/ },
  { task: "batch_processing", weight: 3, re: new RegExp(String.raw`\b(?:process|score|label|caption|classify|annotate|transcribe|embed|index|summari[sz]e|translate|tag|run\s+inference\s+on)\s+(?:a\s+|an\s+|the\s+|our\s+|my\s+|all\s+(?:of\s+)?(?:our\s+|my\s+|the\s+)?)?(?:${N}|archive|corpus|dataset|data\s?set|backlog|library|collection|batch)\b`) },
  // Noun form: "transcription of 10k hours", "summarization of our whole archive".
  { task: "batch_processing", weight: 3, re: new RegExp(String.raw`\b(?:transcription|translation|summari[sz]ation|classification|captioning|embedding|labell?ing|tagging|annotation|scoring|indexing)\s+of\s+(?:(?:a|an|the|our|my|all(?:\s+of)?|entire|whole)\s+)*(?:${N}|archive|corpus|dataset|data\s?set|backlog|library|collection|batch)\b`) },
  { task: "batch_processing", weight: 2, re: /\bbatch(?:es)?\b(?!\s*(?:size|sizes|_size|-size|=))/ },
  // development
  { task: "development", weight: 3, re: /\b(?:jupyter(?:hub|lab)?|notebooks?|colab)\b/ },
  { task: "development", weight: 3, re: /\bdev(?:elopment)?\s+(?:box|environment|env|machine|server|workstation|vm|instance)\b/ },
  { task: "development", weight: 3, re: /\b(?:experiment(?:s|ing|ation)?(?!\s+track)|prototyp(?:e|es|ing)|sandbox|playground|tinker(?:ing)?|research\s+environment)\b/ },
  { task: "development", weight: 2, re: /\b(?:vs\s?code|ssh\s+(?:into|access)|remote\s+dev)\b/ },
  // inference
  { task: "inference", weight: 3, re: /\binferenc(?:e|ing)\b/ },
  { task: "inference", weight: 3, re: /\bserv(?:e|es|ing)\b/ },
  { task: "inference", weight: 3, re: /\b(?:model\s+server|inference\s+server|real[\s-]?time|low[\s-]latency|online\s+(?:inference|predictions?))\b/ },
  { task: "inference", weight: 1, re: /\b(?:deploy(?:s|ed|ing|ment)?|host(?:s|ed|ing)?|self[\s-]?host(?:ed|ing)?|run(?:s|ning)?|chat\s?bots?|chat|api|apis|endpoints?|service|production|set\s+up|setup|spin\s+up|launch|generat(?:e|es|ing)|predict(?:ions?)?|assistant|rag)\b/ },
];

/**
 * Verbs and nouns that say what a model will be USED for ("Whisper large for transcription", "use
 * Llama to answer questions", "BGE to embed documents"). They name no task, but next to a named
 * model they mean running it: inference (the caller decides, see extract.ts). Training cues still
 * win ("fine-tune Whisper for transcription").
 */
const USAGE =
  /\b(?:service|api|endpoint|transcri(?:be|bes|bing|ption|ptions)|translat(?:e|es|ing|ion|ions)|caption(?:s|ing)?|summari[sz](?:e|es|ing|ation|ations)|classif(?:y|ies|ying|ication|ier)|categori[sz](?:e|es|ing|ation)|detect(?:s|ing|ion|ions)?|recogni[sz](?:e|es|ing|ion)|segment(?:s|ing|ation)?|generat(?:e|es|ing)|chat(?:s|ting|bots?)?|answer(?:s|ing)?\s+(?:\w+\s+)?questions|question[\s-]answering|q\s?&\s?a|embed(?:s|ding|dings)?|rerank(?:s|ing)?|retriev(?:e|al)|extract(?:s|ing|ion)?|ocr|speech[\s-]to[\s-]text|text[\s-]to[\s-](?:speech|image|video)|tts|asr|stt|serv(?:e|es|ing)|host(?:s|ing)?|run(?:s|ning)?|use\s+(?:it|them)\s+(?:for|to)|completions?|coding|reasoning|assistant|copilot|agents?|agentic|rag)\b/;

const PRIORITY: Task[] = ["fine_tuning", "training", "batch_processing", "inference", "development"];

export interface TaskExtraction {
  task?: Task;
  fine_tune_method?: FineTuneMethod;
  from_scratch?: boolean;
  /** Score of the winning task (1 weak … 4 explicit). */
  strength?: number;
  /** The text says what the model is used for (transcribe, chat, summarize …), see USAGE. */
  usage?: boolean;
}

/** "not LoRA", "no LoRA", "without adapters", "instead of QLoRA", "(not LoRA)". */
const NEGATED_METHOD = /\b(?:not|no|without|instead\s+of|rather\s+than|never|avoid|don'?t\s+(?:want|need|use)|do\s+not\s+(?:want|need|use))\s+(?:a\s+|an\s+|using\s+|with\s+|to\s+use\s+)?(q?lora|adapters?|peft)\b/g;

export function extractFineTuneMethod(said: Said): FineTuneMethod | undefined {
  const lower = utterance(said).lower;
  const negated = [...lower.matchAll(NEGATED_METHOD)].map((m) => m[1]);
  const t = lower.replace(NEGATED_METHOD, " ");
  // Ruling LoRA out and naming nothing else leaves full fine-tuning.
  if (negated.some((m) => m === "lora" || m.startsWith("adapter") || m === "peft") && !/\bqlora\b/.test(t)) return "full";
  if (negated.includes("qlora") && !/\b(?:lora|full)\b/.test(t)) return "full";
  if (/\bqlora\b|\b(?:4|8)[\s-]?bit\s+lora\b/.test(t)) return "qlora";
  if (/\blora\b|\b(?:peft|adapters?)\b/.test(t)) return "lora";
  if (/\bfull[\s-]+(?:parameter\s+|param\s+|weight\s+)?(?:fine[\s-]?tun|finetun|sft|training|tune)|\bfull\s+ft\b|\ball\s+(?:the\s+)?(?:weights|parameters)\b/.test(t)) {
    return "full";
  }
  return undefined;
}

export function extractTask(said: Said): TaskExtraction {
  const u = utterance(said);
  const t = u.lower;
  const scores = new Map<Task, number>();
  for (const cue of CUES) {
    if (cue.re.test(t)) scores.set(cue.task, Math.max(scores.get(cue.task) ?? 0, cue.weight));
  }
  const from_scratch = /\bfrom\s+scratch\b|\bpre-?train(?:ing)?\b/.test(t) || undefined;
  const out: TaskExtraction = { from_scratch, usage: USAGE.test(t) || undefined };
  if (scores.size > 0) {
    const best = Math.max(...scores.values());
    out.task = PRIORITY.find((p) => scores.get(p) === best);
    out.strength = best;
  }
  const method = extractFineTuneMethod(u);
  if (method && (out.task === "fine_tuning" || out.task === undefined || out.task === "training")) {
    out.fine_tune_method = method;
    if (out.task === "training" && method !== "full") out.task = "fine_tuning";
  }
  return out;
}
