import { fmtGb, r1, type Sizing } from "./types";

export type BreakdownKey =
  | "weights"
  | "kv_cache"
  | "activations"
  | "gradients"
  | "optimizer_states"
  | "runtime_overhead"
  // measured-table sizings (a published total minus the weights):
  | "activations_and_runtime"
  | "training_state_and_activations";

/** One additive term: its breakdown key, size in GB and the formula text with numbers substituted. */
export interface Part {
  key: BreakdownKey;
  gb: number;
  /** e.g. "weights 70.6B × 2 B" — " = 141.1 GB" is appended. */
  text: string;
}

/**
 * Sum parts into a Sizing. Each part is rounded to 0.1 GB first, and the total is the sum of the
 * rounded parts, so the formula string always adds up exactly as printed.
 */
export function assemble(parts: Part[], assumptions: string[], source: Sizing["source"]): Sizing {
  const breakdown: Record<string, number> = {};
  let total = 0;
  for (const p of parts) {
    const gb = r1(p.gb);
    breakdown[p.key] = r1((breakdown[p.key] ?? 0) + gb);
    total += gb;
  }
  total = r1(total);
  const formula = `${parts.map((p) => `${p.text} = ${fmtGb(p.gb)}`).join(" + ")} → total ${fmtGb(total)}`;
  return { memory_gb_required: total, breakdown, formula, assumptions, source };
}
