import { z } from "zod";
import { instanceOptionSchema, modelOptionSchema, packageOptionSchema } from "./plan";

const str = z.string().trim().min(1);

export const computeSearchBodySchema = z
  .object({
    gpu_model: str.max(100).optional(),
    min_gpu_count: z.number().int().min(0).max(64).optional(),
    min_gpu_memory_gb: z.number().min(0).max(10_000).optional().describe("per GPU"),
    min_total_gpu_memory_gb: z.number().min(0).max(100_000).optional(),
    max_price_per_hour_usd: z.number().positive().max(100_000).optional(),
    providers: z.array(str.max(50)).max(50).optional(),
    exclude_providers: z.array(str.max(50)).max(50).optional().describe("extension: providers to leave out"),
    exclude_gpu_models: z.array(str.max(100)).max(50).optional().describe("extension: GPU models to leave out (names or aliases, e.g. T4, A100-80GB)"),
    regions: z.array(str.max(100)).max(100).optional(),
    min_vcpus: z.number().min(0).max(10_000).optional(),
    min_memory_gb: z.number().min(0).max(100_000).optional(),
    gpu: z.enum(["required", "none", "any"]).default("required"),
    gpu_vendor: str.max(30).optional().describe("extension: only this vendor's GPUs (nvidia, amd)"),
    modern_gpus_only: z.boolean().optional().describe("extension: leave out pre-Volta cards (K80, M60, P4, P40, P100)"),
    min_compute_capability: z
      .number()
      .min(0)
      .max(20)
      .optional()
      .describe("extension: only NVIDIA GPUs with at least this CUDA compute capability (7.0 Volta, 7.5 Turing, 8.0 Ampere, 8.9 Ada, 9.0 Hopper)"),
    spot: z.boolean().optional(),
    top_k: z.number().int().min(1).max(100).default(10),
  })
  .strict();
export type ComputeSearchInput = z.input<typeof computeSearchBodySchema>;
export type ComputeSearchQuery = z.output<typeof computeSearchBodySchema>;

export const computeSearchResponseSchema = z.object({
  results: z.array(instanceOptionSchema),
  total_matches: z.number().int(),
  query: z.record(z.string(), z.unknown()),
  // Extensions:
  suggestions: z.array(z.object({ kind: z.string(), message: z.string(), query: z.record(z.string(), z.unknown()).optional() })).optional(),
  reason: z.string().optional().describe("why nothing matched"),
});

export const k8sSearchBodySchema = z
  .object({
    query: str.max(500),
    top_k: z.number().int().min(1).max(100).default(15),
    include_deprecated: z.boolean().default(false),
  })
  .strict();
export type K8sSearchQuery = z.output<typeof k8sSearchBodySchema>;

export const k8sSearchResponseSchema = z.object({
  results: z.array(packageOptionSchema),
  total_matches: z.number().int(),
});

export const hfSearchBodySchema = z
  .object({
    query: str.max(500),
    task: str.max(100).optional(),
    max_params_b: z.number().positive().max(100_000).optional(),
    license: str.max(100).optional(),
    popular_in_task: z.boolean().default(false).describe("extension: also consider the task's most popular models (needs task)"),
    top_k: z.number().int().min(1).max(50).default(5),
  })
  .strict();
export type HfSearchQuery = z.output<typeof hfSearchBodySchema>;

export const hfSearchResponseSchema = z.object({
  results: z.array(modelOptionSchema),
  total_matches: z.number().int(),
  retrieval: z.enum(["hybrid", "vector", "fulltext"]),
  // Extension: why retrieval is not hybrid.
  note: z.string().optional(),
});
