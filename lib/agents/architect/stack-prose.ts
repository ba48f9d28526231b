/**
 * Summary sentences and steps for the parts of a stack and its node pools: platforms, a team's
 * notebooks, models on CPUs, and the whole stack's cost. Derived from plan.deployments and
 * ArchitectFacts.stack only.
 */
import { gpuCountLabel } from "@/lib/gpu/slices";
import type { Deployment, StackNode } from "@/lib/schemas/plan";
import type { ArchitectFacts } from "./types";

const usd = (x: number) => `$${x.toLocaleString("en-US", { maximumFractionDigits: x < 10 ? 2 : 0 })}`;

export function nodeLabel(n: StackNode): string {
  const x = n.instance;
  const hw = x.gpu_count ? `${gpuCountLabel(x.gpu_count, x.gpu_model)}, ${x.gpu_memory_gb} GB` : `${x.vcpus ?? "?"} vCPU, ${x.memory_gb ?? "?"} GB RAM`;
  return `${n.count > 1 ? `${n.count}× ` : ""}**${x.provider} ${x.instance_type}** (${hw}) in ${x.region}`;
}

export const stackCost = (nodes: StackNode[]) => Math.round(nodes.reduce((a, n) => a + n.monthly_cost_usd, 0) * 100) / 100;

function partName(d: Deployment): string {
  if (d.model_id) return d.model_id;
  return d.tool ?? d.engine;
}

function budgetClause(f: ArchitectFacts, cost: number): string {
  const b = f.spec.budget_monthly_usd;
  if (b === undefined) return "";
  return cost <= b ? `, within your ${usd(b)}/month budget` : `, **over** your ${usd(b)}/month budget`;
}

/** The summary of a plan that deploys no model on GPUs (platforms, notebooks, CPU serving). */
export function stackSummary(f: ArchitectFacts, deployments: Deployment[]): string {
  const stack = f.stack!;
  const nodes = stack.nodes;
  if (!nodes.length) return `No catalog instance matches these constraints for ${deployments.map(partName).join(" + ")}; see the warnings.`;
  const cost = stackCost(nodes);
  const where = nodes.map(nodeLabel).join(" plus ");
  if (stack.kind === "dev") {
    const nb = deployments[0];
    const prof = nb.profiles?.find((p) => p.default) ?? nb.profiles?.[0];
    const share = prof
      ? prof.gpus > 0
        ? prof.gpu_sharing === "mig" ? ` with a MIG ${prof.mig_profile} slice (${prof.gpu_memory_gb} GB)` : prof.gpu_sharing === "time_slicing" ? ` with a time-sliced share of a GPU (${prof.gpu_memory_gb} GB)` : ` with ${prof.gpus === 1 ? "a GPU" : `${prof.gpus} GPUs`} (${prof.gpu_memory_gb} GB)`
        : ` with ${prof.vcpus} vCPU and ${prof.memory_gb} GB RAM (no GPU)`
      : "";
    return `JupyterHub for **${nb.users ?? "your"} users**, each server${share} and culled when idle: ${where} ≈ ${usd(cost)}/month${budgetClause(f, cost)}.`;
  }
  if (stack.kind === "cpu_model") {
    const d = deployments[0];
    const r = d.resources;
    const what = d.model_id ?? (d.engine === "mlserver" ? `your ${f.spec.workload === "tabular ML" ? "classical ML" : ""} model with KServe MLServer`.replace("  ", " ") : partName(d));
    return `Serve **${what}** on CPUs only${f.spec.requests_per_second ? ` at ${f.spec.requests_per_second} requests/s` : ""}: ${d.replicas > 1 ? `${d.replicas} replicas × ` : ""}${r?.vcpus ?? "?"} vCPU and ${r?.memory_gb ?? "?"} GB RAM${deployments.length > 1 ? `, with ${deployments.slice(1).map(partName).join(", ")}` : ""} on ${where} ≈ ${usd(cost)}/month${budgetClause(f, cost)}. No GPU.`;
  }
  const parts = deployments.map((d) => `${partName(d)} (${d.resources ? `${d.resources.vcpus} vCPU, ${d.resources.memory_gb} GB RAM, ${d.resources.storage_gb} GB disk` : "sized by its chart"}${d.gpus_per_replica ? `, ${d.gpus_per_replica} GPU` : ""})`);
  const gpu = nodes.some((n) => n.role === "gpu");
  return `No model to deploy: ${parts.join(" + ")} on ${where} ≈ ${usd(cost)}/month${budgetClause(f, cost)}.${gpu ? "" : " No GPU is needed."}`;
}

/** For a GPU-model plan with other parts: where they run and what the whole stack costs. */
export function stackSentence(f: ArchitectFacts, deployments: Deployment[]): string | null {
  const stack = f.stack;
  if (!stack || deployments.length < 2 || !stack.nodes.length) return null;
  const cost = stackCost(stack.nodes);
  const others = deployments.slice(1).map(partName).join(", ");
  const split = stack.nodes.length > 1 ? ` on ${stack.nodes.slice(1).map(nodeLabel).join(" and ")}` : " on the same node";
  return `With ${others}${split}, the whole stack is ≈ ${usd(cost)}/month${budgetClause(f, cost)}.`;
}

/** One provisioning step per node pool (the model's GPU pool is provisioned by the classic step). */
export function nodeSteps(f: ArchitectFacts, skipFirst: boolean): string[] {
  const nodes = f.stack?.nodes ?? [];
  return nodes.slice(skipFirst ? 1 : 0).map((n) => {
    const x = n.instance;
    const hw = x.gpu_count ? gpuCountLabel(x.gpu_count, x.gpu_model) : `${x.vcpus ?? "?"} vCPU / ${x.memory_gb ?? "?"} GB RAM`;
    const label = `${n.role === "gpu" ? "GPU" : "CPU"} node pool "${n.id}"`;
    return `Provision ${n.count > 1 ? `${n.count}× ` : ""}${x.provider} \`${x.instance_type}\` (${hw}) in ${x.region} ($${x.price_per_hour_usd}/h each) as the ${label} for ${n.components.join(", ") || "the services"}.`;
  });
}
