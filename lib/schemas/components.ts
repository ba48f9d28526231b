import { z } from "zod";

/**
 * What one part of a plan is: the kinds of `WorkloadSpec.components[].kind` and
 * `DeploymentPlan.deployments[].component` (one list for both).
 */
export const DEPLOYMENT_COMPONENTS = [
  "llm", "embeddings", "reranker", "image_generation", "speech", "vision", "vector_db", "notebooks", "tracking", "distributed",
  "training_job", "monitoring", "pipelines", "other",
] as const;

export const componentKindSchema = z.enum(DEPLOYMENT_COMPONENTS);
export type ComponentKind = (typeof DEPLOYMENT_COMPONENTS)[number];

/** Components that run a model (the rest are platforms and tools: vector DBs, tracking, notebooks …). */
export const MODEL_COMPONENTS: ReadonlySet<ComponentKind> = new Set(["llm", "embeddings", "reranker", "image_generation", "speech", "vision", "training_job", "other"]);

/** A part that runs a model: one with a model, or a model kind with no tool (sized on a reference model). */
export function isModelPart(c: { kind: ComponentKind; model?: unknown; tool?: string }): boolean {
  return !!c.model || (MODEL_COMPONENTS.has(c.kind) && !c.tool);
}
