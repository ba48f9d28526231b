import { z } from "zod";
import { engineLabelsSchema, engineNotesSchema } from "./engines";

export const instanceOptionSchema = z
  .object({
    provider: z.string(),
    instance_type: z.string(),
    region: z.string(),
    gpu_model: z.string().nullable(),
    gpu_count: z.number(),
    gpu_memory_gb: z.number().describe("total GPU memory across the instance"),
    vcpus: z.number().nullable(),
    memory_gb: z.number().nullable(),
    price_per_hour_usd: z.number(),
    spot_price_per_hour_usd: z.number().nullable(),
    monthly_cost_usd: z.number().describe("hourly price x 730"),
    // Extensions:
    gpu_memory_gb_per_gpu: z.number().nullable().optional(),
    regions_available: z.number().int().optional().describe("regions where this type matches the filters"),
    data_as_of: z.string().optional(),
    gpu_slice: z
      .boolean()
      .optional()
      .describe("present (true) when the instance gets a fraction of one GPU (gpu_count < 1, e.g. AWS g6f = 1/8 L4); gpu_memory_gb is the slice's memory"),
  })
  .describe("InstanceOption");

export const modelOptionSchema = z
  .object({
    id: z.string(),
    pipeline_tag: z.string().nullable(),
    params_b: z.number().nullable(),
    license: z.string().nullable(),
    downloads: z.number().nullable(),
    likes: z.number().nullable(),
    relevance: z.number(),
    popularity: z.number(),
    score: z.number(),
    url: z.string(),
    // Extensions:
    gated: z.boolean().nullable().optional(),
    matched_text: z.string().optional().describe("best matching card passage"),
  })
  .describe("ModelOption");

export const packageOptionSchema = z
  .object({
    repository: z.string(),
    name: z.string(),
    version: z.string(),
    app_version: z.string().nullable(),
    description: z.string(),
    official: z.boolean(),
    stars: z.number().nullable(),
    score: z.number(),
    install_command: z.string(),
    // Extensions:
    repository_url: z.string().nullable().optional(),
    license: z.string().nullable().optional(),
    deprecated: z.boolean().optional(),
  })
  .describe("PackageOption");

export const sizingSchema = z.object({
  memory_gb_required: z.number(),
  breakdown: z.record(z.string(), z.number()),
  formula: z.string(),
  assumptions: z.array(z.string()),
  // Extensions:
  source: z.enum(["formula", "measured_table", "user_constraint"]).optional(),
  gpu_fit: z
    .array(z.object({ gpu_memory_gb: z.number(), gpus_needed: z.number().int().nullable(), note: z.string().optional() }))
    .optional(),
});

export const deploymentPlanSchema = z
  .object({
    summary: z.string(),
    sizing: sizingSchema,
    compute: z.array(instanceOptionSchema).max(10),
    models: z.array(modelOptionSchema).max(5),
    packages: z.array(packageOptionSchema).max(15),
    local_cluster: z.object({ connected: z.boolean(), message: z.string() }).passthrough(),
    estimated_monthly_cost_usd: z.number().nullable(),
    fits_budget: z.boolean().nullable(),
    steps: z.array(z.string()),
    warnings: z.array(z.string()),
    // Extensions:
    engine: z.enum(["llm", "offline"]).optional().describe("which engine wrote the prose"),
    assumptions: z.array(z.string()).optional(),
    engines: engineLabelsSchema.optional(),
    engine_notes: engineNotesSchema.optional(),
  })
  .describe("DeploymentPlan");

export type InstanceOption = z.infer<typeof instanceOptionSchema>;
export type ModelOption = z.infer<typeof modelOptionSchema>;
export type PackageOption = z.infer<typeof packageOptionSchema>;
export type Sizing = z.infer<typeof sizingSchema>;
export type DeploymentPlan = z.infer<typeof deploymentPlanSchema>;
