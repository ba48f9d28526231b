/**
 * Decides whether the spec is good enough for a plan or which 1–3 questions to ask. Only what
 * blocks a good plan is asked:
 *  - "workload": nothing says what will run (no model, workload or modality), unless it is a dev box;
 *  - "task": the task is unknown (phrased around the model/workload when known), unless a model
 *    is named together with a budget (then serving it is assumed; a use such as "for
 *    transcription" already sets the task during extraction);
 *  - "model": a model family was named without a size and its sizes differ a lot (Llama 8B…405B).
 * Budget is asked only next to one of those, never alone. An asked id is never asked again.
 */
import type { Clarification, ClarificationQuestion, WorkloadSpec } from "@/lib/schemas/workload-spec";
import { extractModel } from "./offline/models";
import type { RequirementsExtras } from "./types";
import { isPlatformOnly } from "./parts";
import { describeGpuPin } from "./offline/gpu-pin";

export const BUDGET_OPTIONS = ["Under $500/month", "$500–$2,000/month", "$2,000–$10,000/month", "No fixed budget"];

const TASK_OPTIONS_GENERIC = ["Inference / serving", "Fine-tuning", "Training from scratch", "Batch processing", "Development / notebooks"];

const WORKLOAD_OPTIONS: Record<string, string[]> = {
  none: [
    "A chat / text LLM",
    "Image generation (text-to-image)",
    "Computer vision (object detection, classification)",
    "Speech-to-text (transcription)",
    "Embeddings / RAG search",
  ],
  inference: [
    "A chat LLM (e.g. Llama 3.1 8B)",
    "Image generation (SDXL)",
    "Speech-to-text (Whisper)",
    "Object detection (YOLO)",
    "Embeddings for RAG / search",
  ],
  fine_tuning: ["An LLM (e.g. Llama 3.1 8B)", "An image model (SDXL)", "Whisper (speech-to-text)", "A vision model (YOLO)"],
  training: ["Object detection / computer vision", "An LLM from scratch", "Image classification", "Speech recognition"],
  batch_processing: [
    "LLM over documents (summarization)",
    "Transcribe audio (Whisper)",
    "Embed a corpus (embeddings)",
    "Image generation",
    "Image or video analysis (computer vision)",
  ],
};

const WORKLOAD_QUESTION: Record<string, string> = {
  none: "What do you want to run on the GPUs?",
  inference: "Which model or workload do you want to serve?",
  fine_tuning: "Which model (or kind of model) do you want to fine-tune?",
  training: "What are you training?",
  batch_processing: "What will the batch job run?",
};

function modelLabel(spec: WorkloadSpec): string | undefined {
  return spec.model?.name ?? spec.model?.hf_id;
}

function workloadQuestion(spec: WorkloadSpec): ClarificationQuestion {
  const key = spec.task && spec.task in WORKLOAD_OPTIONS ? spec.task : "none";
  return { id: "workload", question: WORKLOAD_QUESTION[key], options: WORKLOAD_OPTIONS[key] };
}

function taskQuestion(spec: WorkloadSpec): ClarificationQuestion {
  const name = modelLabel(spec);
  if (name) {
    if (spec.modality === "vision" || spec.modality === "embedding") {
      return {
        id: "task",
        question: `Do you want to run ${name} as a service (inference) or train it on your own data?`,
        options: ["Inference / serving", "Training on my data", "Batch processing"],
      };
    }
    return {
      id: "task",
      question: `Do you want to serve ${name} (inference) or fine-tune it?`,
      options: ["Inference / serving", "Fine-tuning (LoRA)", "Full fine-tuning", "Batch processing"],
    };
  }
  if (spec.workload || spec.modality) {
    const what = spec.workload ?? (spec.modality === "llm" ? "the model" : `the ${spec.modality?.replace("_", " ")} model`);
    return {
      id: "task",
      question: `For ${what}: is this serving (inference), training, or fine-tuning an existing model?`,
      options: ["Inference / serving", "Training from scratch", "Fine-tuning a pretrained model", "Batch processing"],
    };
  }
  return { id: "task", question: "What will you do with it?", options: TASK_OPTIONS_GENERIC };
}

/** Whether the size choice changes the hardware a lot (8B vs 70B does; Whisper small vs large does not). */
export function sizesMatter(options: string[]): boolean {
  const params = options.map((o) => extractModel(o).model?.params_b).filter((p): p is number => typeof p === "number" && p > 0);
  if (params.length < 2) return false;
  const max = Math.max(...params);
  const min = Math.min(...params);
  return max > 20 && max / min >= 3;
}

function sizeQuestion(spec: WorkloadSpec, extras: RequirementsExtras): ClarificationQuestion {
  const name = modelLabel(spec) ?? "the model";
  return { id: "model", question: `Which size of ${name}?`, options: extras.model_size_options.slice(0, 5) };
}

const wasAsked = (id: string, asked: string[], extras: RequirementsExtras) => asked.includes(id) || extras.open_questions.includes(id);

/** Options for a number given out of range, by the field it was meant for. */
const RANGE_OPTIONS: Record<string, { what: string; options: string[] }> = {
  dataset_examples: { what: "number of training examples", options: ["About 10k examples", "About 100k examples", "About 1M examples"] },
  dataset_tokens: { what: "amount of training data", options: ["About 1B tokens of data", "About 100B tokens of data", "About 1T tokens of data"] },
  avg_example_tokens: { what: "length of one example", options: ["About 512 tokens each", "About 2k tokens each", "About 8k tokens each"] },
  epochs: { what: "number of epochs", options: ["1 epoch", "3 epochs", "10 epochs"] },
  concurrency: { what: "number of users", options: ["10 concurrent users", "100 concurrent users", "1000 concurrent users"] },
  target_tokens_per_s: { what: "speed per user", options: ["10 tokens/s each", "30 tokens/s each", "100 tokens/s each"] },
  target_ttft_ms: { what: "time to first token", options: ["TTFT under 2 s", "TTFT under 1 s", "TTFT under 500 ms"] },
  avg_prompt_tokens: { what: "prompt length", options: ["prompts of about 500 tokens", "prompts of about 2k tokens", "prompts of about 8k tokens"] },
  avg_output_tokens: { what: "answer length", options: ["answers of about 200 tokens", "answers of about 500 tokens", "answers of about 2k tokens"] },
};

function rangeQuestion(r: { field: string; written: string }): ClarificationQuestion {
  const o = RANGE_OPTIONS[r.field] ?? { what: "value", options: [] };
  const tooFew = /(?<![\w.])(?:-\s*\d|0+(?:\.0+)?\s*[a-z])/i.test(r.written);
  return { id: r.field, question: `"${r.written}" is ${tooFew ? "not a possible" : "more than any workload holds for the"} ${o.what}. What did you mean?`, options: o.options };
}

/** "CPU only" and GPUs in the same request: which one? */
function hardwareQuestion(spec: WorkloadSpec): ClarificationQuestion {
  const gpus = describeGpuPin(spec.gpu);
  return {
    id: "hardware",
    question: `You asked for CPU only and also for ${gpus}. Which should the plan use?`,
    options: ["CPU only (no GPU)", `${gpus[0].toUpperCase()}${gpus.slice(1)}`],
  };
}

function unknownQuestion(name: string): ClarificationQuestion {
  return {
    id: "workload",
    question: `I don't recognise "${name}": it is not a model, tool or Helm chart I know. What is it, or what should it run?`,
    options: ["A model to serve (give its Hugging Face id)", "A tool with a Helm chart (give the chart name)", "A chat / text LLM", "Embeddings / RAG search"],
  };
}

export function decideClarification(spec: WorkloadSpec, asked: string[], extras: RequirementsExtras): Clarification | null {
  const questions: ClarificationQuestion[] = [];
  if (spec.cpu_only && (spec.gpu?.count || spec.gpu?.model || spec.gpu?.memory_gb_per_gpu) && !wasAsked("hardware", asked, extras)) questions.push(hardwareQuestion(spec));
  const platformOnly = isPlatformOnly(spec);
  const whatKnown = !!(spec.model?.name || spec.model?.hf_id || spec.model?.params_b || spec.workload || spec.modality || spec.components?.length);
  if (!spec.model?.name && !spec.model?.hf_id && extras.model_ambiguous && !wasAsked("model", asked, extras)) {
    const a = extras.model_ambiguous;
    questions.push({ id: "model", question: `Which model did you mean by "${a.typed}"?`, options: [...a.options, "Something else (give its Hugging Face id)"] });
  }
  // "10^30 tokens": a number no workload holds is asked about first, never used.
  if (extras.out_of_range && !wasAsked(extras.out_of_range.field, asked, extras)) questions.push(rangeQuestion(extras.out_of_range));
  if (!whatKnown && extras.unknown_name && !wasAsked("workload", asked, extras)) {
    questions.push(unknownQuestion(extras.unknown_name));
    return { questions };
  }
  // "Distributed training with Ray" names the platform, not what it trains: the workers are sized on that.
  const trainsOnCluster = platformOnly && (spec.task === "training" || spec.task === "fine_tuning") && !!spec.components?.some((c) => c.kind === "distributed");
  if ((!whatKnown || trainsOnCluster) && spec.task !== "development" && !wasAsked("workload", asked, extras)) questions.push(workloadQuestion(spec));
  // A named model with a budget is enough to plan: serving it is the default (stated as an
  // assumption). Only a bare model name with nothing about its use asks serve-or-train.
  const modelNamed = !!(spec.model?.name || spec.model?.hf_id || spec.model?.params_b);
  const budgetKnown = spec.budget_monthly_usd !== undefined || spec.budget_per_run_usd !== undefined || extras.budget_none;
  const taskBlocks = !(modelNamed && budgetKnown) && !platformOnly;
  if (!spec.task && taskBlocks && !wasAsked("task", asked, extras)) questions.push(taskQuestion(spec));
  const sizeUnknown = !!spec.model?.name && spec.model.params_b === undefined && !spec.model.hf_id;
  if (sizeUnknown && extras.model_size_options.length >= 2 && sizesMatter(extras.model_size_options) && !wasAsked("model", asked, extras)) {
    questions.push(sizeQuestion(spec, extras));
  }
  if (questions.length > 0 && questions.length < 3 && !budgetKnown && !wasAsked("budget", asked, extras)) {
    questions.push({ id: "budget", question: "Do you have a monthly budget for this?", options: BUDGET_OPTIONS });
  }
  return questions.length ? { questions: questions.slice(0, 3) } : null;
}
