/**
 * Spot / preemptible preference: "spot is fine", "preemptible", "interruptible", "cheapest even
 * if interrupted" → true; "no spot", "on-demand only", "can't be interrupted" → false.
 */
import { utterance, type Said } from "./utterance";

const NEGATIVE =
  /\b(?:no|not|never|avoid|without|don'?t\s+(?:want|use)|can'?t\s+use|cannot\s+use)\s+(?:\w+\s+)?(?:spot|preemptible|interruptible)\b|\bon[\s-]?demand\s+(?:only|instances?\s+only)\b|\bonly\s+on[\s-]?demand\b|\b(?:can'?t|cannot|must\s+not|shouldn'?t|should\s+not|mustn'?t)\s+(?:be\s+)?(?:interrupted|preempted)\b|\bno\s+interruptions?\b|\b(?:reserved|dedicated)\s+(?:instances?|capacity)\s+only\b|\bspot\s+(?:is\s+)?(?:not\s+(?:ok|okay|fine|acceptable|allowed)|a\s+no[\s-]go)\b/;
const POSITIVE =
  /\bspot\b(?!\s+(?:on|check|checks)\b)|\bpre-?emptible\b|\binterruptible\b|\bpreemption\b|\b(?:ok|okay|fine|happy|tolerate|tolerates|accept|handle)\s+(?:with\s+)?(?:(?:some|occasional|the)\s+)?(?:interruptions?|preemptions?|being\s+interrupted)\b|\beven\s+if\s+(?:it(?:'s|\s+is|\s+gets)?\s+)?(?:interrupted|preempted)\b|\bcan\s+be\s+(?:interrupted|preempted)\b|\bcheckpoint(?:ing)?\s+(?:and\s+)?resume\b/;
const IDIOMS = /\b(?:sweet|hot|blind|soft|weak|bright|tight|parking)\s+spot\b|\bspot\s+on\b|\bon\s+the\s+spot\b/g;

export interface SpotExtraction {
  spot_ok?: boolean;
}

export function extractSpot(said: Said): SpotExtraction {
  const t = utterance(said).lower.replace(IDIOMS, " ");
  if (NEGATIVE.test(t)) return { spot_ok: false };
  if (POSITIVE.test(t)) return { spot_ok: true };
  return {};
}
