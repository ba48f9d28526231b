import { gpuCountLabel } from "@/lib/gpu/slices";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { ArchitectFacts } from "./types";
import { chosenCompute } from "./plan";

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

/** The offline engine's summary: the same facts the LLM would get, in a fixed template. */
export function offlineSummary(f: ArchitectFacts): string {
  const spec = f.spec;
  const compute = chosenCompute(f);
  const top = compute[0];
  const need = f.sizing.memory_gb_required;
  const parts: string[] = [];
  parts.push(`To ${TASK_VERB[spec.task ?? "inference"]} ${workloadLabel(spec, f)} you need about **${need} GB** of GPU memory.`);
  if (top) {
    const within =
      spec.budget_monthly_usd === undefined
        ? ""
        : top.monthly_cost_usd <= spec.budget_monthly_usd
          ? `, within your ${usd(spec.budget_monthly_usd)}/month budget`
          : `, **over** your ${usd(spec.budget_monthly_usd)}/month budget`;
    parts.push(
      `The cheapest fit is **${top.provider} ${top.instance_type}** (${gpuCountLabel(top.gpu_count, top.gpu_model)}, ${top.gpu_memory_gb} GB) in ${top.region} at ${usd(top.price_per_hour_usd)}/h ≈ ${usd(top.monthly_cost_usd)}/month${within}.`,
    );
  } else {
    parts.push("No catalog instance matches these constraints; see the warnings for what would.");
  }
  if (f.local.connected && f.local.fits) parts.push("Your local cluster has free GPUs that fit it, at no cloud cost.");
  const m = f.models.results[0];
  if (m) parts.push(`Suggested model: ${m.id}.`);
  return parts.join(" ");
}

/** The assistant message as markdown (what API clients and the UI show). */
export function planMarkdown(plan: DeploymentPlan): string {
  const lines: string[] = [plan.summary, ""];
  const s = plan.sizing;
  lines.push(`**GPU memory needed: ${s.memory_gb_required} GB** — ${Object.entries(s.breakdown).map(([k, v]) => `${k.replace(/_/g, " ")} ${v} GB`).join(", ")}`);
  lines.push("", `\`${s.formula}\``, "");
  if (plan.compute.length) {
    lines.push("| Provider | Instance | GPUs | Region | $/h | $/month |", "|---|---|---|---|---:|---:|");
    for (const r of plan.compute.slice(0, 5)) {
      lines.push(`| ${r.provider} | ${r.instance_type} | ${gpuCountLabel(r.gpu_count, r.gpu_model)} (${r.gpu_memory_gb} GB) | ${r.region} | ${r.price_per_hour_usd} | ${r.monthly_cost_usd.toLocaleString("en-US")} |`);
    }
    lines.push("");
  }
  if (plan.models.length) lines.push(`**Models:** ${plan.models.map((m) => `[${m.id}](${m.url})`).join(", ")}`, "");
  if (plan.packages.length) lines.push(`**Helm charts:** ${plan.packages.map((p) => `${p.repository}/${p.name}`).join(", ")}`, "");
  if (plan.steps.length) lines.push("**Steps**", ...plan.steps.map((x, i) => `${i + 1}. ${x}`), "");
  if (plan.warnings.length) lines.push("**Warnings**", ...plan.warnings.map((x) => `- ⚠️ ${x}`));
  return lines.join("\n").trim();
}
