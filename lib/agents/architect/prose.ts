import { gpuCountLabel } from "@/lib/gpu/slices";
import type { Deployment, DeploymentPlan } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { ArchitectFacts } from "./types";
import { chosenCompute } from "./plan";
import { buildDeployments } from "./deployments";
import { constraintLabel, describe } from "./warnings";
import { stackSentence, stackSummary } from "./stack-prose";
import { budgetVerdict } from "./verdict";

const usd = (x: number) => `$${x.toLocaleString("en-US", { maximumFractionDigits: x < 10 ? 2 : 0 })}`;

const TASK_VERB: Record<string, string> = {
  inference: "serve",
  training: "train",
  fine_tuning: "fine-tune",
  batch_processing: "run batch jobs with",
  development: "develop with",
  other: "run",
};

export function workloadLabel(spec: WorkloadSpec, f?: ArchitectFacts): string {
  const m = spec.model?.name ?? spec.model?.hf_id;
  if (m) return m;
  const ref = f?.extras.reference_model?.name;
  if (spec.workload) return ref ? `${spec.workload} (sized on ${ref})` : spec.workload;
  return ref ?? "your workload";
}

const PRECISION_LABEL = (d: Deployment) =>
  [d.quantization && d.quantization !== d.precision ? d.quantization.toUpperCase() : null, d.precision].filter(Boolean).join(" ");

/**
 * The offline engine's summary, derived from deployments[0]: what is deployed, whether it fits
 * and where. When the pinned hardware cannot hold it, the first sentence says so and names the
 * cheapest configuration that fits.
 */
export function offlineSummary(f: ArchitectFacts): string {
  const spec = f.spec;
  const deployments = buildDeployments(f);
  if (f.stack && f.stack.kind !== "gpu_model") return stackSummary(f, deployments);
  const d = deployments[0];
  const top = chosenCompute(f)[0];
  const need = f.sizing.memory_gb_required;
  const what = d?.model_id ? `**${d.model_id}**${PRECISION_LABEL(d) ? ` (${PRECISION_LABEL(d)})` : ""}` : workloadLabel(spec, f);
  const parts: string[] = [];
  if (d && top && !d.fits && d.memory_per_gpu_gb) {
    const alt = f.cheapestFit ? `the cheapest configuration that fits is **${describe(f.cheapestFit.instance)}**` : "no catalog instance holds it at any price";
    parts.push(`**It does not fit your GPU constraint (${constraintLabel(f)})**: ${what} needs ${d.memory_per_gpu_gb.needed} GB per GPU there and each GPU has ${d.memory_per_gpu_gb.usable} GB usable — ${alt}.`);
    parts.push(`Shown first is ${top.provider} ${top.instance_type} as you asked; it will run out of memory.`);
    return parts.join(" ");
  }
  if (!top) {
    parts.push(`No catalog instance matches these constraints${d?.model_id ? ` for ${what} (${need} GB)` : ""}; see the warnings for what would.`);
    return parts.join(" ");
  }
  const v = budgetVerdict(spec, top, f.stack?.nodes ?? [], deployments, f.job);
  const job = f.job;
  // A job leads with the whole run: its cost and how long it takes; $/month comes second.
  if (job) {
    const onBudget = v.basis === "run" || v.basis === "run_spot"
      ? `, ${v.fits ? "within" : "**over**"} your ${usd(spec.budget_per_run_usd!)} budget for the run${v.basis === "run_spot" ? " at spot prices" : ""}`
      : "";
    parts.push(`The whole run costs about **${usd(job.run_cost_usd)}**${job.run_cost_spot_usd !== null ? ` (${usd(job.run_cost_spot_usd)} on spot)` : ""} and takes about **${duration(job.wall_clock_hours)}** (${job.gpu_hours.toLocaleString("en-US")} GPU-hours)${onBudget}.`);
  }
  parts.push(`To ${TASK_VERB[spec.task ?? "inference"]} ${what} you need about **${need} GB** of GPU memory.`);
  const monthlyBasis = v.basis === "on_demand" || v.basis === "spot";
  const within =
    !monthlyBasis || spec.budget_monthly_usd === undefined
      ? ""
      : `, ${v.fits ? "within" : "**over**"} your ${usd(spec.budget_monthly_usd)}/month budget${v.basis === "spot" && v.monthlySpot !== null ? ` at spot prices (${usd(v.monthlySpot)}/month)` : ""}`;
  const count = top.instance_count ? `${top.instance_count} × ` : "";
  const layout = d?.tensor_parallel_size && d.memory_per_gpu_gb
    ? ` — tensor parallel ${d.tensor_parallel_size}${d.pipeline_parallel_size && d.pipeline_parallel_size > 1 ? ` × pipeline ${d.pipeline_parallel_size}` : ""}, ${d.memory_per_gpu_gb.needed} of ${d.memory_per_gpu_gb.usable} GB usable per GPU`
    : "";
  parts.push(`The cheapest fit is **${count}${top.provider} ${top.instance_type}** (${gpuCountLabel(top.gpu_count, top.gpu_model)}, ${top.gpu_memory_gb} GB) in ${top.region} at ${usd(top.price_per_hour_usd)}/h ≈ ${usd(top.monthly_cost_usd * (top.instance_count ?? 1))}/month${within}${layout}.`);
  const perf = f.performance;
  if (perf) {
    parts.push(perf.meets_target === false
      ? `**This GPU cannot reach ${perf.target_tokens_per_s_per_sequence} tokens/s per sequence**: one sequence alone gets about ${perf.decode_tokens_per_s_per_sequence} tokens/s (first token in about ${perf.ttft_ms} ms).`
      : `Each replica serves ${perf.batch_per_replica ?? 1} sequences at ${perf.target_tokens_per_s_per_sequence} tokens/s or more each (first token in about ${perf.ttft_ms} ms); the load needs ${perf.replicas_needed} replica${perf.replicas_needed === 1 ? "" : "s"}, about ${usd(perf.cost_per_million_output_tokens_usd)} per million output tokens.`);
  }
  if (f.checkpoint.baseId) parts.push(`It runs the official ${PRECISION_LABEL(d!)} checkpoint of ${f.checkpoint.baseId}.`);
  const stack = stackSentence(f, deployments);
  if (stack) parts.push(stack);
  if (f.local.connected && f.local.fits) parts.push("Your local cluster has free GPUs that fit it, at no cloud cost.");
  return parts.join(" ");
}

/** "14 h", "3.2 days", "25 min". */
function duration(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours)} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** The assistant message as markdown (what API clients and the UI show). */
export function planMarkdown(plan: DeploymentPlan): string {
  const lines: string[] = [plan.summary, ""];
  const s = plan.sizing;
  if (s.memory_gb_required > 0) lines.push(`**GPU memory needed: ${s.memory_gb_required} GB** — ${Object.entries(s.breakdown).map(([k, v]) => `${k.replace(/_/g, " ")} ${v} GB`).join(", ")}`);
  else lines.push("**No GPU needed.**");
  lines.push("", `\`${s.formula}\``, "");
  if (plan.compute.length) {
    lines.push("| Provider | Instance | GPUs | Region | $/h | $/month |", "|---|---|---|---|---:|---:|");
    for (const r of plan.compute.slice(0, 5)) {
      const hw = r.gpu_count ? `${gpuCountLabel(r.gpu_count, r.gpu_model)} (${r.gpu_memory_gb} GB)` : `CPU: ${r.vcpus ?? "?"} vCPU, ${r.memory_gb ?? "?"} GB RAM`;
      lines.push(`| ${r.provider} | ${r.instance_type}${r.instance_count ? ` × ${r.instance_count}` : ""} | ${hw} | ${r.region} | ${r.price_per_hour_usd} | ${r.monthly_cost_usd.toLocaleString("en-US")} |`);
    }
    lines.push("");
  }
  if (plan.nodes && (plan.nodes.length > 1 || (plan.deployments?.length ?? 0) > 1)) {
    lines.push("| Part | Runs on | Resources |", "|---|---|---|");
    for (const d of plan.deployments ?? []) {
      const r = d.resources;
      lines.push(`| ${d.model_id ?? d.tool ?? d.engine} (${d.component.replace(/_/g, " ")}) | ${d.node ?? "—"} | ${r ? `${r.vcpus} vCPU, ${r.memory_gb} GB RAM, ${r.storage_gb} GB disk${d.gpus_per_replica ? `, ${d.gpus_per_replica} GPU` : ""}${d.replicas > 1 ? ` × ${d.replicas}` : ""}` : "—"} |`);
    }
    if (plan.estimated_stack_monthly_cost_usd != null) lines.push("", `**Whole stack:** $${plan.estimated_stack_monthly_cost_usd.toLocaleString("en-US")}/month (${plan.nodes.map((n) => `${n.count}× ${n.instance.instance_type}`).join(" + ")})`);
    lines.push("");
  }
  if (plan.models.length) lines.push(`**Models:** ${plan.models.map((m) => `[${m.id}](${m.url})`).join(", ")}`, "");
  if (plan.packages.length) lines.push(`**Helm charts:** ${plan.packages.map((p) => `${p.repository}/${p.name}`).join(", ")}`, "");
  if (plan.steps.length) lines.push("**Steps**", ...plan.steps.map((x, i) => `${i + 1}. ${x}`), "");
  if (plan.warnings.length) lines.push("**Warnings**", ...plan.warnings.map((x) => `- ⚠️ ${x}`));
  return lines.join("\n").trim();
}
