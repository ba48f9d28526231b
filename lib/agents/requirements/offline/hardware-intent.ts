/**
 * "No GPU" wishes: "CPU only", "on CPU", "no GPU", "without GPUs", "CPU instances" — and the same
 * in German, Spanish, French, Italian and Portuguese ("nur CPU", "ohne GPU", "sin GPU", "solo CPU",
 * "sans GPU", "sem GPU"). Negated ("not CPU only") and questions about it ("is CPU enough?") are
 * not a wish.
 */
import { cleanText } from "./normalize";

const CPU_ONLY: RegExp[] = [
  /\bcpu[\s-]*(?:only|based|bound|instances?|nodes?|machines?|servers?|boxes?|vms?|inference)\b/,
  /\b(?:only|just|purely|entirely)\s+(?:on\s+)?(?:the\s+)?cpus?\b/,
  /\b(?:on|using|with)\s+(?:a\s+|plain\s+|regular\s+|commodity\s+)?cpus?\b(?![\s-]*(?:friendly|heavy|intensive|bound|cores?\s+per))(?!\s*(?:and|\+|&|plus)\s*(?:an?\s+)?gpu)/,
  /\b(?:no|without|zero|w\/o)\s+(?:any\s+)?(?:gpus?|graphics\s+cards?|accelerators?)\b/,
  /\bgpu[\s-]*(?:less|free)\b/,
  /\b(?:don'?t|do\s+not|won'?t|can'?t|cannot)\s+(?:need|want|have|use|afford)\s+(?:a\s+|any\s+)?gpus?\b/,
  // de / es / fr / it / pt
  /\b(?:nur|ausschlie(?:ß|ss)lich)\s+(?:auf\s+)?(?:der\s+)?cpus?\b|\bohne\s+(?:eine\s+)?gpus?\b|\bkeine\s+gpus?\b/,
  /\b(?:s[oó]lo|solamente|[uú]nicamente)\s+(?:en\s+|con\s+)?cpus?\b|\bsin\s+gpus?\b/,
  /\b(?:uniquement|seulement)\s+(?:sur\s+)?(?:le\s+|des\s+)?cpus?\b|\bsans\s+(?:de\s+)?gpus?\b|\bpas\s+de\s+gpus?\b/,
  /\bsenza\s+gpus?\b|\bsolo\s+cpu\b/,
  /\bsem\s+gpus?\b|\bapenas\s+cpus?\b/,
];

const NOT_A_WISH = /\b(?:not|isn'?t|aren'?t)\s+(?:\w+\s+)?cpu[\s-]*only\b|\bis\s+(?:a\s+)?cpu\s+(?:enough|ok|fine|sufficient)\s*\?|\bcpu\s+(?:offload(?:ing)?|ram|cores?\s+per\s+gpu)\b/;

export function extractCpuOnly(text: string): boolean | undefined {
  const t = cleanText(text).toLowerCase();
  if (NOT_A_WISH.test(t) && !/\b(?:no|without)\s+gpus?\b/.test(t)) return undefined;
  return CPU_ONLY.some((re) => re.test(t)) || undefined;
}

export type SharingWish = "mig" | "time_slicing" | "shared";

/** How users may share GPUs: "one MIG slice each" → mig, "time-slicing is ok" → time_slicing, "GPUs shared between participants" → shared. */
export function extractGpuSharing(text: string): SharingWish | undefined {
  const t = cleanText(text).toLowerCase();
  if (/\bmig\b|\bmulti[\s-]instance\s+gpu\b/.test(t)) return "mig";
  if (/\btime[\s-]?slic(?:e|es|ed|ing)\b|\btimeslic/.test(t)) return "time_slicing";
  if (/\bshar(?:e|ed|ing)\s+(?:the\s+|a\s+|some\s+)?(?:gpus?|cards?)\b|\bgpus?\s+(?:are\s+|is\s+|can\s+be\s+)?shared\b|\bshared\s+gpus?\b|\bgpus?\s+compartid[ao]s?\b|\bcompartir\s+(?:las\s+)?gpus?\b|\bgpus?\s+partag[ée]e?s?\b|\bpartager\s+(?:les\s+)?gpus?\b|\bgeteilte[n]?\s+gpus?\b|\bgpus?\s+teilen\b/.test(t)) return "shared";
  return undefined;
}
