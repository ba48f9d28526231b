import type { Clarification, WorkloadSpec } from "@/lib/schemas/workload-spec";

export type Task = NonNullable<WorkloadSpec["task"]>;
export type Modality = NonNullable<WorkloadSpec["modality"]>;
export type Precision = NonNullable<WorkloadSpec["precision"]>;
export type FineTuneMethod = NonNullable<WorkloadSpec["fine_tune_method"]>;
export type ModelRef = NonNullable<WorkloadSpec["model"]>;
export type GpuRef = NonNullable<WorkloadSpec["gpu"]>;

/** Broad geographic areas a user can ask for ("in Europe", "US only"). */
export type RegionArea =
  | "us"
  | "canada"
  | "south_america"
  | "eu"
  | "middle_east"
  | "africa"
  | "asia"
  | "india"
  | "oceania";

/**
 * Where the user wants (or does not want) to run. `codes` are concrete provider region codes the
 * user typed ("us-east-1", "europe-west4"); `areas` are broad wishes ("in Europe" → ["eu"]);
 * `countries` are ISO-3166 alpha-2 codes ("Germany" → "DE"); `prefixes` are the catalog search
 * terms for the wish (prefixes / whole words such as "eu-", "de", "germany", "eu-central-1"; see
 * `regionSearchTerms`): a superset, checked exactly per region by `regionMatchesIntent`.
 */
export interface RegionIntent {
  codes: string[];
  /** The first (main) area asked for, if any. */
  area?: RegionArea;
  areas: RegionArea[];
  countries: string[];
  prefixes: string[];
  excluded_areas: RegionArea[];
  /** Countries ruled out ("in Europe but not Germany"): their regions only, not their area. */
  excluded_countries?: string[];
}

export interface ReferenceModel {
  name: string;
  hf_id?: string;
  params_b: number;
}

/**
 * Everything the offline engine understood that has no field in the WorkloadSpec contract.
 * Returned next to the spec; never stored inside it.
 */
export interface RequirementsExtras {
  /** Providers the user ruled out ("not AWS", "anything but azure"), lower-case ids. */
  excluded_providers: string[];
  /** GPU models the user ruled out ("no T4s", "anything but H100"), catalog names. */
  excluded_gpus?: string[];
  region_intent: RegionIntent | null;
  /** The user said there is no fixed budget ("no budget", "money is no object"). */
  budget_none: boolean;
  /** Parsing approximations worth telling the user ("€ treated as USD", "$2/hr × 730 h"). */
  notes: string[];
  /** Question ids the user explicitly left to us ("no preference", "you pick"). */
  open_questions: string[];
  /** Other models mentioned besides the primary one, by display name. */
  model_alternatives: string[];
  /** Other GPU models mentioned besides the primary one. */
  gpu_alternatives: string[];
  /** Family id of the primary model ("llama", "qwen", "sdxl" …). */
  model_family?: string;
  /** Known sizes (e.g. ["8B", "70B", "405B"]) when a model was named without a size. */
  model_size_options: string[];
  /** The family's usual size when none was given (used as a default, with an assumption). */
  model_default_params_b?: number;
  /** The model family's maximum context length in tokens, when known. */
  model_max_context?: number;
  /** The model is a hosted API model (GPT-4, Claude, Gemini …) that cannot be self-hosted. */
  closed_model?: string;
  /** Users mentioned without "concurrent" ("a chatbot for 200 users"). */
  users?: number;
  /** Daily active users ("1000 daily users"), per day. */
  daily_users?: number;
  requests_per_second?: number;
  batch_size?: number;
  /** Total GPU memory across all GPUs ("140GB of VRAM in total"). */
  total_gpu_memory_gb?: number;
  /** GPU memory was given as a minimum ("at least 80GB"). */
  gpu_memory_is_minimum?: boolean;
  /** The user mentioned their own hardware / on-prem / local cluster. */
  on_prem?: boolean;
  /** "from scratch" / "pretrain" was said. */
  from_scratch?: boolean;
  /** Some turn said what the model is used for (transcribe, chat, summarize …) without naming a task. */
  usage?: boolean;
  /** How the team may share GPUs ("one MIG slice each", "time-slicing is ok", "shared GPUs"). */
  gpu_sharing?: "mig" | "time_slicing" | "shared";
  /** A word close to several model families ("lamma": Llama or Gemma): asked, not guessed. */
  model_ambiguous?: { typed: string; options: string[] };
  /** "Fast" / "real-time" said without numbers: the faster service target applies (stated). */
  fast_target?: boolean;
  /** A number past what any workload holds ("10^30 tokens"): asked about, never used. */
  out_of_range?: { field: string; written: string };
  /** A product name the user asked to deploy that no vocabulary knows ("install zorblaxdb"). */
  unknown_name?: string;
  /** Typical model used for sizing when the user named no model (set by applyDefaults). */
  reference_model?: ReferenceModel | null;
}

export type TextExtras = Partial<RequirementsExtras>;

/** List-like fields a follow-up can replace instead of extending ("use GCP instead"). */
export type ReplaceField = "providers" | "regions" | "gpu" | "model" | "tools";

/** What one piece of user text yields. */
export interface TextExtraction {
  spec: WorkloadSpec;
  extras: TextExtras;
  /** Fields this text replaces ("actually use GCP instead") rather than adds to; absent = none. */
  replace?: ReplaceField[];
}

export interface ConversationTurn {
  role: "user" | "assistant";
  content: string;
  clarification?: Clarification | null;
  spec?: WorkloadSpec | null;
}

export function emptyExtras(): RequirementsExtras {
  return {
    excluded_providers: [],
    region_intent: null,
    budget_none: false,
    notes: [],
    open_questions: [],
    model_alternatives: [],
    gpu_alternatives: [],
    model_size_options: [],
  };
}
