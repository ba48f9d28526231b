/**
 * "No GPU" wishes: "CPU only", "on CPU", "no GPU", "without GPUs", "CPU instances" — other
 * languages' ("nur CPU", "sin GPU", "sans GPU") arrive in these words (lang/*.ts). Negated ("not CPU only") and questions about it ("is CPU enough?") are
 * not a wish.
 */
import { utterance, type Said } from "./utterance";

const CPU_ONLY: RegExp[] = [
  /\bcpu[\s-]*(?:only|based|bound|instances?|nodes?|machines?|servers?|boxes?|vms?|inference)\b/,
  /\b(?:only|just|purely|entirely)\s+(?:on\s+)?(?:the\s+)?cpus?\b/,
  /\b(?:on|using|with)\s+(?:a\s+|plain\s+|regular\s+|commodity\s+)?cpus?\b(?![\s-]*(?:friendly|heavy|intensive|bound|cores?\s+per))(?!\s*(?:and|\+|&|plus)\s*(?:an?\s+)?gpu)/,
  /\b(?:no|without|zero|w\/o)\s+(?:any\s+)?(?:gpus?|graphics\s+cards?|accelerators?)\b/,
  /\bgpu[\s-]*(?:less|free)\b/,
  /\b(?:don'?t|do\s+not|won'?t|can'?t|cannot)\s+(?:need|want|have|use|afford)\s+(?:a\s+|any\s+)?gpus?\b/,
];

const NOT_A_WISH = /\b(?:not|isn'?t|aren'?t)\s+(?:\w+\s+)?cpu[\s-]*only\b|\bis\s+(?:a\s+)?cpu\s+(?:enough|ok|fine|sufficient)\s*\?|\bcpu\s+(?:offload(?:ing)?|ram|cores?\s+per\s+gpu)\b/;

export function extractCpuOnly(said: Said): boolean | undefined {
  const t = utterance(said).lower;
  if (NOT_A_WISH.test(t) && !/\b(?:no|without)\s+gpus?\b/.test(t)) return undefined;
  return CPU_ONLY.some((re) => re.test(t)) || undefined;
}

export type SharingWish = "mig" | "time_slicing" | "shared";

/** How users may share GPUs: "one MIG slice each" → mig, "time-slicing is ok" → time_slicing, "GPUs shared between participants" → shared. */
export function extractGpuSharing(said: Said): SharingWish | undefined {
  const t = utterance(said).lower;
  if (/\bmig\b|\bmulti[\s-]instance\s+gpu\b/.test(t)) return "mig";
  if (/\btime[\s-]?slic(?:e|es|ed|ing)\b|\btimeslic/.test(t)) return "time_slicing";
  if (/\bshar(?:e|ed|ing)\s+(?:the\s+|a\s+|some\s+)?(?:gpus?|cards?)\b|\bgpus?\s+(?:are\s+|is\s+|can\s+be\s+)?shared\b|\bshared\s+gpus?\b/.test(t)) return "shared";
  return undefined;
}
