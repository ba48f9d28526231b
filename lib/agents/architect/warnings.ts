import type { InstanceOption, ModelOption } from "@/lib/schemas/plan";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import { GPU_SPECS, resolveUserGpu } from "@/lib/gpu/specs";
import { gpusNeeded, type Precision } from "@/lib/sizing";
import { gpuCountLabel, logicalGpuCount } from "@/lib/gpu/slices";
import { generationName, requiredComputeCapability } from "./derive";
import { stalePriceWarning } from "./price-dates";
import type { ArchitectFacts } from "./types";

const usd = (x: number) => `$${x.toLocaleString("en-US", { maximumFractionDigits: x < 10 ? 2 : 0 })}`;
const describe = (r: InstanceOption) =>
  `${r.provider} ${r.instance_type} (${gpuCountLabel(r.gpu_count, r.gpu_model)}, ${r.gpu_memory_gb} GB) at ${usd(r.price_per_hour_usd)}/h ≈ ${usd(r.monthly_cost_usd)}/month`;

/** Licences that restrict commercial use or need acceptance before download. */
const RESTRICTIVE_LICENSE = /^(llama|gemma|other|cc-by-nc|openrail|creativeml|bigscience|deepseek|qwen|apple|nvidia-open|mrl|dbrx|falcon-llm)/i;

/** Real problems with the plan, each with what to do about it. */
export function planWarnings(f: ArchitectFacts, compute: InstanceOption[], models: ModelOption[]): string[] {
  const w: string[] = [];
  const budget = f.spec.budget_monthly_usd;
  const need = f.sizing.memory_gb_required;
  const g = f.spec.gpu;
  const pinned = !!(g?.model || g?.count || g?.memory_gb_per_gpu || f.extras.total_gpu_memory_gb);
  const onConstraint = pinned ? ` on your GPU constraint (${constraintLabel(f)})` : "";

  if (budget !== undefined && f.overBudget) {
    const cheapest = f.overBudget.results[0];
    if (cheapest) {
      w.push(`Over budget: nothing that holds ${need} GB${onConstraint} fits ${usd(budget)}/month (${usd(budget / HOURS_PER_MONTH)}/h). The cheapest fit is ${describe(cheapest)}, ${usd(cheapest.monthly_cost_usd - budget)}/month over.`);
    } else {
      w.push(`No instance in the catalog holds ${need} GB under your constraints, at any price.`);
    }
    const q = f.quantizedAlternative;
    if (q?.compute.results[0]) {
      w.push(`What fits the budget: ${q.precision} quantization (AWQ/GPTQ) cuts the need to ${q.memoryGb} GB — ${describe(q.compute.results[0])}. Expect a small quality loss.`);
    } else if (q) {
      w.push(`Even with ${q.precision} quantization (${q.memoryGb} GB) nothing fits ${usd(budget)}/month; consider a smaller model or a larger budget.`);
    }
  }

  let constraintWarned = false;
  if (g?.count && g.memory_gb_per_gpu) {
    const have = g.count * g.memory_gb_per_gpu;
    if (have * 0.9 < need) {
      w.push(`Your GPU constraint (${g.count}× ${g.memory_gb_per_gpu} GB = ${have} GB) is below the ${need} GB this workload needs at 90% utilisation; expect out-of-memory errors unless you reduce batch size, sequence length or precision.`);
      constraintWarned = true;
    }
  }
  // A pinned GPU without a memory size ("on an A100") can still be too small: check the option shown first.
  const top = compute[0];
  if (pinned && !constraintWarned && top && top.gpu_count > 0) {
    const perGpu = top.gpu_memory_gb_per_gpu ?? top.gpu_memory_gb / top.gpu_count;
    const n = gpusNeeded(f.sizing, perGpu);
    if (n === null || n > logicalGpuCount(top.gpu_count)) {
      const fix = n === null ? `no number of ${perGpu} GB GPUs holds it` : `it needs ${n}× ${perGpu} GB GPUs`;
      w.push(`${top.provider} ${top.instance_type} (${gpuCountLabel(top.gpu_count, top.gpu_model)}, ${top.gpu_memory_gb} GB) matches your GPU constraint but cannot hold the ${need} GB this workload needs (${fix}); expect out-of-memory errors unless you add GPUs or reduce precision, batch size or sequence length.`);
    }
  }

  const capabilityWarning = gpuCapabilityWarning(f);
  if (capabilityWarning) w.push(capabilityWarning);

  // The rows this plan shows: the ranked options and the alternatives named below.
  const shown = [...compute, f.overBudget?.results[0], f.quantizedAlternative?.compute.results[0], f.spotAlternative?.results[0]];
  const stale = stalePriceWarning(shown.filter((r): r is InstanceOption => !!r));
  if (stale) w.push(stale);

  for (const m of models.slice(0, 3)) {
    if (m.gated) w.push(`${m.id} is gated on Hugging Face: accept its licence on the model page and use an HF token to download it.`);
    else if (m.license && RESTRICTIVE_LICENSE.test(m.license)) w.push(`${m.id} uses the "${m.license}" licence: check its terms for your use (commercial use may be restricted).`);
  }

  if (f.spotAlternative?.results[0]) {
    const s = f.spotAlternative.results[0];
    w.push(`Spot option: ${s.provider} ${s.instance_type} at ${usd(s.price_per_hour_usd)}/h can be interrupted at any time; checkpoint regularly and keep serving replicas on on-demand capacity.`);
  } else if (f.spec.spot_ok) {
    w.push("You allowed spot capacity, but no spot offer matches these requirements in the catalog.");
  }

  if (f.computeQuery.providers?.length && !compute.length && !f.overBudget?.results.length) {
    w.push(`No ${f.computeQuery.providers.join("/")} instance matches; ${f.compute.suggestions?.map((s) => s.message).join("; ") || "try another provider"}.`);
  }
  return w;
}

/** "8× H100", "2× 24 GB", "≥ 140 GB in total": the user's GPU constraint in words. */
function constraintLabel(f: ArchitectFacts): string {
  const g = f.spec.gpu;
  const card = [g?.model, g?.memory_gb_per_gpu ? `${g.memory_gb_per_gpu} GB` : undefined].filter(Boolean).join(" ") || "GPU";
  const parts = g?.count || g?.model || g?.memory_gb_per_gpu ? [`${g?.count ?? 1}× ${card}`] : [];
  if (f.extras.total_gpu_memory_gb) parts.push(`≥ ${f.extras.total_gpu_memory_gb} GB in total`);
  return parts.join(", ");
}

/** What the chosen GPU can do instead, for the precision it cannot run. */
function insteadHint(needPrecision: Precision, what: string, cc: number, training: boolean): string {
  if (what !== needPrecision && what !== "QLoRA") return "Pick an Ampere-or-newer GPU for this checkpoint.";
  if (training) {
    return cc >= 7.0 ? "Train in fp16 mixed precision with loss scaling instead (same memory), or pick a newer GPU." : "Pick a Volta-or-newer GPU.";
  }
  switch (needPrecision) {
    case "bf16":
      return cc >= 7.0 ? "Serve in fp16 instead (same memory; vLLM --dtype half), or pick a newer GPU." : "Pick a Volta-or-newer GPU.";
    case "fp8":
      if (cc >= 8.0) return "Serve bf16 weights (about twice the weight memory) or an int4 AWQ/GPTQ checkpoint instead, or pick a newer GPU.";
      if (cc >= 7.5) return "Serve fp16 weights (about twice the weight memory) or an int4 AWQ/GPTQ checkpoint instead, or pick a newer GPU.";
      return cc >= 7.0 ? "Serve fp16 weights (about twice the weight memory) instead, or pick a newer GPU." : "Pick a Volta-or-newer GPU.";
    case "int4":
    case "int8":
      return cc >= 7.0 ? "Serve fp16 weights instead (2–4× the weight memory), or pick a Turing-or-newer GPU." : "Pick a Turing-or-newer GPU.";
    default:
      return "Pick a newer GPU.";
  }
}

/**
 * The GPU model the user chose is searched as given, even when it lacks what the precision needs
 * (bf16 on a V100/T4, fp8 on an A100, AWQ/GPTQ on a V100): say so, and what it can do instead.
 */
function gpuCapabilityWarning(f: ArchitectFacts): string | null {
  const named = f.spec.gpu?.model;
  if (!named) return null;
  const need = requiredComputeCapability(f.spec);
  if (!need) return null;
  // A family name ("V100") covers its memory variants, which share one architecture.
  const specs = resolveUserGpu(named).map((c) => GPU_SPECS[c]).filter((s) => s?.computeCapability != null);
  if (!specs.length) return null; // AMD or unknown: no CUDA compute capability to compare
  const cc = Math.min(...specs.map((s) => s.computeCapability as number));
  if (cc >= need.min - 1e-9) return null;
  const arch = specs[0].architecture ?? generationName(cc);
  const training = f.spec.task === "training" || f.spec.task === "fine_tuning";
  return `Your GPU choice (${named}: ${arch}, compute capability ${cc.toFixed(1)}) cannot run ${need.what} as planned: that needs compute capability ≥ ${need.min.toFixed(1)} (${generationName(need.min)} or newer). ${insteadHint(need.precision, need.what, cc, training)}`;
}
