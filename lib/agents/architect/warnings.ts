import type { Deployment, InstanceOption, ModelOption, WarningDetail } from "@/lib/schemas/plan";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import { GPU_SPECS, resolveUserGpu } from "@/lib/gpu/specs";
import type { Precision } from "@/lib/sizing";
import { gpuCountLabel } from "@/lib/gpu/slices";
import { generationName, hardwarePinned, requiredComputeCapability } from "./derive";
import { stalePriceWarning } from "./price-dates";
import type { ArchitectFacts } from "./types";

const usd = (x: number) => `$${x.toLocaleString("en-US", { maximumFractionDigits: x < 10 ? 2 : 0 })}`;
export const describe = (r: InstanceOption) =>
  `${r.provider} ${r.instance_type} (${gpuCountLabel(r.gpu_count, r.gpu_model)}, ${r.gpu_memory_gb} GB) at ${usd(r.price_per_hour_usd)}/h ≈ ${usd(r.monthly_cost_usd)}/month`;

/** Licences that restrict commercial use or need acceptance before download. */
const RESTRICTIVE_LICENSE = /^(llama|gemma|other|openrail|creativeml|bigscience|deepseek|qwen|apple|nvidia-open|mrl|dbrx|falcon-llm)/i;
/** Licences that forbid commercial use outright. */
const NON_COMMERCIAL_LICENSE = /non-commercial|noncommercial|(^|-)nc(-|$)|cc-by-nc|research-only|mrl/i;

const SEVERITY_ORDER: Record<WarningDetail["severity"], number> = { blocker: 0, warning: 1, info: 2 };

/**
 * Real problems with the plan, each with what to do about it, most actionable first (blockers,
 * then warnings, then notes). Every one is about what the plan deploys, and none contradicts the
 * headline: memory verdicts come from deployments[0].fits, the same fact the summary states.
 */
export function planWarningDetails(f: ArchitectFacts, deployments: Deployment[]): WarningDetail[] {
  const w: WarningDetail[] = [];
  const add = (severity: WarningDetail["severity"], code: string, message: string, component?: string) =>
    w.push({ severity, code, message, ...(component ? { component } : {}) });
  const compute = f.compute.results;
  const d = deployments[0];
  const budget = f.spec.budget_monthly_usd;
  const need = f.sizing.memory_gb_required;
  const pinned = hardwarePinned(f.spec, f.extras);
  const onConstraint = pinned ? ` on your GPU constraint (${constraintLabel(f)})` : "";
  const top = compute[0];

  if (d && !d.fits && top && d.memory_per_gpu_gb) {
    const fix = f.cheapestFit ? ` The cheapest configuration that fits is ${describe(f.cheapestFit.instance)}.` : " No catalog instance holds it at any price.";
    add("blocker", "does_not_fit", `${top.provider} ${top.instance_type} (${gpuCountLabel(top.gpu_count, top.gpu_model)}) matches your GPU constraint but cannot hold ${label(f)}: it needs ${d.memory_per_gpu_gb.needed} GB per GPU and each GPU has ${d.memory_per_gpu_gb.usable} GB usable${f.checkpoint.quantization ? "" : ", and no official quantized checkpoint fits either"}.${fix}`, d.component);
  } else if (d && !top && f.stack && f.stack.kind !== "gpu_model") {
    add("blocker", "no_instance", `No instance in the catalog matches these constraints for ${f.stack.kind === "dev" ? "the team's notebooks" : f.stack.kind === "cpu_model" ? `${label(f)} on CPUs` : "the platform"}; relax the provider or region filters.`, d.component);
  } else if (d && !top && d.component !== "notebooks") {
    add("blocker", "no_instance", `No instance in the catalog holds ${label(f)} (${need} GB) under your constraints, at any price; a smaller or quantized model, or multi-node serving, is needed.`, d.component);
  }

  if (budget !== undefined && f.overBudget) {
    if (top && top.monthly_cost_usd > budget) {
      add("warning", "over_budget", `Over budget: nothing that holds ${label(f)} (${need} GB)${onConstraint} fits ${usd(budget)}/month (${usd(budget / HOURS_PER_MONTH)}/h). The cheapest fit is ${describe(top)}, ${usd(top.monthly_cost_usd - budget)}/month over.`);
    }
    const q = f.quantizedAlternative;
    if (q?.compute.results[0]) {
      add("info", "quantized_alternative", `What fits the budget: ${q.precision} quantization (AWQ/GPTQ) cuts the need to ${q.memoryGb} GB — ${describe(q.compute.results[0])}. Expect a small quality loss.`);
    } else if (q) {
      add("info", "quantized_alternative", `Even with ${q.precision} quantization (${q.memoryGb} GB) nothing fits ${usd(budget)}/month; consider a smaller model or a larger budget.`);
    }
  }

  const stack = f.stack;
  if (stack && budget !== undefined && !f.overBudget) {
    const cost = stack.nodes.reduce((a, n) => a + n.monthly_cost_usd, 0);
    if (stack.nodes.length && cost > budget) {
      add("warning", "over_budget", `Over budget: the whole stack (${stack.nodes.map((n) => `${n.count > 1 ? `${n.count}× ` : ""}${n.instance.provider} ${n.instance.instance_type}`).join(" + ")}) costs ${usd(cost)}/month, ${usd(cost - budget)} over your ${usd(budget)}/month.`);
    }
  }
  for (const note of stack?.notes ?? []) add(/not reasonable|too slow|slower than/i.test(note) ? "warning" : "info", "stack_layout", note);

  const swapped = f.checkpoint.baseId;
  if (swapped && f.checkpoint.modelId) {
    const why = f.checkpoint.reason === "quantized_budget" ? "it fits your budget" : f.checkpoint.reason === "quantized_hardware" ? "it fits your GPUs" : `you asked for ${f.spec.precision}`;
    add("info", "quantized_checkpoint", `Deploying ${f.checkpoint.modelId} (${f.checkpoint.quantization?.toUpperCase()} ${f.checkpoint.precision}, the official quantized checkpoint of ${swapped}) because ${why}; expect a small quality loss against the 16-bit weights.`, d?.component);
  }

  const capabilityWarning = gpuCapabilityWarning(f);
  if (capabilityWarning) add("warning", "gpu_capability", capabilityWarning, d?.component);

  const stale = stalePriceWarning(compute);
  if (stale) add("warning", "stale_prices", stale);

  for (const m of deployedModels(f, deployments)) {
    if (m.license && NON_COMMERCIAL_LICENSE.test(m.license)) {
      add("warning", "non_commercial_license", `${m.id} is licensed for non-commercial use only ("${m.license}"): you may not use it in a commercial product or service without a separate licence from its publisher.`, m.component);
    } else if (m.license && RESTRICTIVE_LICENSE.test(m.license)) {
      add("info", "license_terms", `${m.id} uses the "${m.license}" licence: check its terms for your use (it is not a plain open-source licence).`, m.component);
    }
    if (m.gated) add("info", "gated_model", `${m.id} is gated on Hugging Face: accept its licence on the model page and use an HF token to download it.`, m.component);
  }

  if (f.spotAlternative?.results[0]) {
    const s = f.spotAlternative.results[0];
    add("info", "spot_option", `Spot option: ${s.provider} ${s.instance_type} at ${usd(s.price_per_hour_usd)}/h can be interrupted at any time; checkpoint regularly and keep serving replicas on on-demand capacity.`);
  } else if (f.spec.spot_ok) {
    add("info", "no_spot_offer", "You allowed spot capacity, but no spot offer matches these requirements in the catalog.");
  }

  if (f.computeQuery.providers?.length && !compute.length) {
    add("warning", "provider_unavailable", `No ${f.computeQuery.providers.join("/")} instance matches; ${f.compute.suggestions?.map((s) => s.message).join("; ") || "try another provider"}.`);
  }
  if (f.skippedStacks.length) {
    add("info", "one_serving_stack", `${f.skippedStacks.join(", ")} not installed: the plan serves with ${d?.engine ?? "one stack"} only (one serving stack per deployment).`);
  }
  return w.map((x, i) => ({ x, i })).sort((a, b) => SEVERITY_ORDER[a.x.severity] - SEVERITY_ORDER[b.x.severity] || a.i - b.i).map(({ x }) => x);
}


/** The catalog entries of the checkpoints the plan deploys (licence and gating apply to these only). */
function deployedModels(f: ArchitectFacts, deployments: Deployment[]): (ModelOption & { component: string })[] {
  return deployments.flatMap((d) => {
    const m = d.model_id ? f.models.results.find((x) => x.id === d.model_id) : undefined;
    return m ? [{ ...m, component: d.component }] : [];
  });
}

function label(f: ArchitectFacts): string {
  return f.checkpoint.modelId ?? workloadName(f);
}

function workloadName(f: ArchitectFacts): string {
  return f.spec.model?.name ?? f.spec.model?.hf_id ?? f.spec.workload ?? f.extras.reference_model?.name ?? "the workload";
}

/** "8× H100", "2× 24 GB", "≥ 140 GB in total": the user's GPU constraint in words. */
export function constraintLabel(f: ArchitectFacts): string {
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
