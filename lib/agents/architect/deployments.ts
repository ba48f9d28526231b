/**
 * plan.deployments[]: what is deployed, one entry per component. The first entry runs on
 * compute[0] with the layout found for it; the summary, models[0], the sizing and the steps are all
 * derived from it.
 */
import type { Deployment } from "@/lib/schemas/plan";
import { computeCapabilityOf } from "@/lib/gpu/specs";
import { vllmImageFor } from "@/lib/engines/vllm-versions";
import { teiImageFor } from "@/lib/engines/tei-image";
import { DEFAULT_MAX_UTILIZATION } from "@/lib/sizing";
import { architectureOf } from "./checkpoint";
import type { ArchitectFacts } from "./types";

const DEFAULT_CONTEXT = 4096;

/** The image for the primary component's engine, or null when its chart brings its own. */
function engineImage(f: ArchitectFacts, engine: string): string | null {
  const top = f.compute.results[0];
  switch (engine) {
    case "vllm":
      return vllmImageFor(architectureOf(f.sizedSpec)?.id);
    case "tei": {
      if (!top?.gpu_count) return teiImageFor(null);
      const cc = computeCapabilityOf(top.gpu_model ?? "");
      return cc === null ? null : teiImageFor(cc);
    }
    case "ollama": {
      const chart = f.components[0]?.charts.find((c) => c.name === "ollama");
      return chart?.app_version ? `ollama/ollama:${chart.app_version.replace(/^v/, "")}` : null;
    }
    default:
      return null;
  }
}

export function buildDeployments(f: ArchitectFacts): Deployment[] {
  const base = baseDeployments(f);
  const stack = f.stack;
  if (!stack) return base;
  return base.map((d, i) => {
    const p = stack.parts[i];
    const c = f.components[i]?.component;
    if (!p || !c) return d;
    const node = stack.nodes.find((n) => n.id === p.node) ?? null;
    const onModelNode = i === 0 && stack.kind === "gpu_model";
    const runsOwnModel = !!p.model_id && i > 0;
    const out: Deployment = {
      ...d,
      model_id: i === 0 ? d.model_id : p.model_id,
      precision: i === 0 ? d.precision : (p.precision ?? null),
      instance: node ? { provider: node.instance.provider, instance_type: node.instance.instance_type, region: node.instance.region } : onModelNode ? d.instance : null,
      gpus_per_replica: onModelNode ? d.gpus_per_replica : p.gpus_per_replica,
      replicas: onModelNode ? d.replicas : Math.max(1, p.replicas),
      memory_per_gpu_gb: onModelNode ? d.memory_per_gpu_gb : (p.memory_per_gpu_gb ?? null),
      fits: onModelNode ? d.fits : p.fits,
      tool: c.tool ?? null,
      role: c.part?.role ?? c.purpose,
      node: p.node,
      resources: p.resources,
      sizing_basis: p.basis,
    };
    if (runsOwnModel && c.engine === "tei") out.engine_image = teiImageFor(node?.instance.gpu_count ? computeCapabilityOf(node.instance.gpu_model ?? "") : null);
    if (i === 0 && stack.kind === "cpu_model" && c.engine === "tei") out.engine_image = teiImageFor(null);
    if (p.profiles) out.profiles = p.profiles;
    if (p.users !== undefined) out.users = p.users;
    return out;
  });
}

function baseDeployments(f: ArchitectFacts): Deployment[] {
  const top = f.compute.results[0];
  const layout = f.layouts[0];
  const out: Deployment[] = [];
  for (const [i, { component: c }] of f.components.entries()) {
    if (i === 0) {
      const serving = c.engine === "vllm";
      const precision = f.checkpoint.precision ?? f.sizedSpec.precision ?? null;
      out.push({
        component: c.component,
        model_id: f.checkpoint.modelId,
        precision: f.checkpoint.modelId || c.runsModel ? precision : null,
        quantization: f.checkpoint.quantization,
        engine: c.engine,
        engine_image: engineImage(f, c.engine),
        instance: top ? { provider: top.provider, instance_type: top.instance_type, region: top.region } : null,
        gpus_per_replica: layout?.gpus_per_replica ?? 0,
        // Every model replica the load needs: those of one instance × the instances (compute[0].instance_count).
        replicas: Math.max(1, layout?.replicas ?? 1) * (top?.instance_count ?? 1),
        tensor_parallel_size: serving ? (layout?.tensor_parallel_size ?? null) : null,
        pipeline_parallel_size: serving ? (layout?.pipeline_parallel_size ?? null) : null,
        max_model_len: serving ? (f.sizedSpec.context_length ?? DEFAULT_CONTEXT) : null,
        gpu_memory_utilization: serving ? DEFAULT_MAX_UTILIZATION : null,
        kv_cache_dtype: serving ? "auto" : null,
        memory_per_gpu_gb: layout ? { needed: layout.needed, usable: layout.usable } : null,
        fits: !!layout?.fits,
        ...(f.performance ? { performance: f.performance } : {}),
        ...(f.job ? { job: f.job } : {}),
      });
      continue;
    }
    // Supporting services (vector DB, tracking, Ray head, notebooks) run on CPU nodes.
    out.push({
      component: c.component, model_id: null, precision: null, quantization: null, engine: c.engine, engine_image: null, instance: null,
      gpus_per_replica: 0, replicas: 1, tensor_parallel_size: null, pipeline_parallel_size: null, max_model_len: null,
      gpu_memory_utilization: null, kv_cache_dtype: null, memory_per_gpu_gb: null, fits: true,
    });
  }
  return out;
}
