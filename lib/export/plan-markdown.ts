/**
 * The whole plan as a readable Markdown document (GET …/plan.md): summary, deployments, sizing,
 * instances, models, charts, steps, warnings and every deployment file. Made on request from the
 * stored plan; nothing here computes a number.
 */
import { gpuCountLabel } from "@/lib/gpu/slices";
import type { DeploymentPlan } from "@/lib/schemas/plan";

/** A table cell: no line breaks, pipes escaped. */
const cell = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v).replace(/\r?\n/g, " ").replace(/\|/g, "\\|"));
const table = (head: string[], rows: unknown[][], align?: string[]) =>
  [`| ${head.join(" | ")} |`, `|${(align ?? head.map(() => "---")).join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];

/** A fence longer than any backtick run in the content, so a file can never close it early. */
function fenced(lang: string, content: string): string[] {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${lang}`, content.replace(/\n$/, ""), fence];
}

export function planMarkdownDocument(plan: DeploymentPlan, meta: { title: string | null; createdAt: string }): string {
  const out: string[] = [`# ${meta.title ?? "Deployment plan"}`, "", `_Stack8s plan, ${meta.createdAt}_`, "", plan.summary, ""];
  const deps = plan.deployments ?? [];
  if (deps.length) {
    out.push("## Deployments", "");
    out.push(...table(
      ["Component", "Model", "Precision", "Engine", "Image", "Instance", "GPUs/replica", "Replicas", "TP", "PP", "Max len", "Fits"],
      deps.map((d) => [d.component, d.model_id, d.quantization ?? d.precision, d.engine, d.engine_image, d.instance ? `${d.instance.provider} ${d.instance.instance_type} (${d.instance.region})` : null, d.gpus_per_replica, d.replicas, d.tensor_parallel_size, d.pipeline_parallel_size, d.max_model_len, d.fits ? "yes" : "no"]),
    ), "");
  }
  const s = plan.sizing;
  out.push("## GPU memory", "", `**${s.memory_gb_required} GB** needed.`, "", ...table(["Part", "GB"], Object.entries(s.breakdown).map(([k, v]) => [k.replace(/_/g, " "), v]), ["---", "---:"]), "", `Formula: \`${s.formula}\``, "");
  if (s.assumptions.length) out.push(...s.assumptions.map((a) => `- ${a}`), "");
  if (plan.compute.length) {
    out.push("## Instances", "");
    out.push(...table(
      ["Provider", "Instance", "GPUs", "Region", "$/hour", "$/month", "Data as of"],
      plan.compute.map((r) => [r.provider, r.instance_type, `${gpuCountLabel(r.gpu_count, r.gpu_model)} (${r.gpu_memory_gb} GB)`, r.region, r.price_per_hour_usd, r.monthly_cost_usd, r.data_as_of]),
      ["---", "---", "---", "---", "---:", "---:", "---"],
    ), "");
    if (plan.estimated_monthly_cost_usd !== null) out.push(`Estimated cost: **$${plan.estimated_monthly_cost_usd}/month**${plan.fits_budget === null ? "" : plan.fits_budget ? " (within budget)" : " (over budget)"}.`, "");
  }
  if (plan.models.length) {
    out.push("## Models", "", ...table(["Model", "Task", "Params (B)", "Licence", "Downloads"], plan.models.map((m) => [`[${m.id}](${m.url})`, m.pipeline_tag, m.params_b, m.license, m.downloads])), "");
  }
  if (plan.packages.length) {
    out.push("## Helm charts", "", ...table(["Chart", "Version", "App version", "Licence"], plan.packages.map((p) => [`${p.repository}/${p.name}`, p.version, p.app_version, p.license])), "");
  }
  if (plan.steps.length) out.push("## Steps", "", ...plan.steps.map((x, i) => `${i + 1}. ${x}`), "");
  if (plan.warnings.length) out.push("## Warnings", "", ...plan.warnings.map((x) => `- ${x}`), "");
  const files = plan.artifacts ?? [];
  if (files.length) {
    out.push("## Files", "");
    for (const f of files) out.push(`### ${f.filename}`, "", f.description, "", ...fenced(f.media_type.includes("yaml") ? "yaml" : "bash", f.content), "");
  }
  return out.join("\n").trimEnd() + "\n";
}
