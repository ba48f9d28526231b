import { z } from "zod";
import { engineLabelsSchema, engineNotesSchema } from "./engines";
import { artifactSchema } from "./artifacts";
import { componentKindSchema } from "./components";

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
    instance_count: z
      .number()
      .int()
      .min(2)
      .optional()
      .describe("present when the plan needs several of this instance (a team's notebook nodes, a large CPU pool); the options are then ranked by price × instance_count"),
    on_demand_price_per_hour_usd: z
      .number()
      .nullable()
      .optional()
      .describe("spot searches only (where price_per_hour_usd is the spot price): the on-demand price, null when the type is sold as spot only"),
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

export { DEPLOYMENT_COMPONENTS } from "./components";

/** CPU, memory and storage one replica requests (extension). */
export const resourcesSchema = z
  .object({
    vcpus: z.number().positive(),
    memory_gb: z.number().positive(),
    storage_gb: z.number().min(0),
    gpus: z.number().min(0).describe("whole GPUs, or a share of one (time-slicing / MIG) for notebook profiles"),
  })
  .describe("Resources");

/** A per-user notebook profile (JupyterHub profileList), for development environments. */
export const notebookProfileSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    gpus: z.number().min(0).describe("GPUs per user: 1, or a share of one GPU"),
    gpu_sharing: z.enum(["none", "time_slicing", "mig"]),
    mig_profile: z.string().nullable().describe("e.g. 3g.40gb when gpu_sharing is mig"),
    gpu_memory_gb: z.number().min(0).describe("GPU memory a user gets"),
    vcpus: z.number().positive(),
    memory_gb: z.number().positive(),
    default: z.boolean(),
  })
  .describe("NotebookProfile");

/** One node pool of the stack: the instance type, how many, what runs there (extension). */
export const stackNodeSchema = z
  .object({
    id: z.string().describe("referenced by deployments[].node"),
    role: z.enum(["gpu", "cpu"]),
    instance: instanceOptionSchema,
    count: z.number().int().min(1),
    components: z.array(z.string()).describe("deployments[].component values placed on it"),
    monthly_cost_usd: z.number().describe("instance monthly cost × count"),
  })
  .describe("StackNode");

const nonNegative = z.number().min(0);

/** How fast a served model runs on its instance: a documented roofline estimate (extension). */
export const performanceSchema = z
  .object({
    prefill_tokens_per_s: nonNegative,
    decode_tokens_per_s_per_sequence: nonNegative.describe("one sequence alone on a replica (the most one user gets); at the served batch each gets at least the target"),
    aggregate_tokens_per_s: nonNegative.describe("output tokens/s of all replicas_needed replicas at the stated load"),
    ttft_ms: nonNegative.describe("time to first token of an average prompt, no queueing"),
    replicas_needed: z.number().int().min(1),
    cost_per_million_output_tokens_usd: nonNegative,
    cost_per_million_output_tokens_spot_usd: nonNegative.nullable(),
    binding_constraint: z.enum(["memory", "throughput", "latency", "budget"]).describe("which constraint decided the configuration"),
    assumptions: z.array(z.string()),
    // Extensions:
    gpu: z.string().optional().describe("the GPU (and form factor) the figures are for, e.g. H100 SXM"),
    batch_per_replica: z.number().int().min(1).optional().describe("sequences one replica serves at the target speed"),
    target_tokens_per_s_per_sequence: z.number().positive().optional(),
    target_ttft_ms: z.number().positive().optional(),
    meets_target: z.boolean().optional().describe("false when even one sequence misses the speed or TTFT target on this GPU"),
  })
  .describe("Performance");

/** The whole training or fine-tuning run on its instance (extension). */
export const jobSchema = z
  .object({
    tokens: z.number().positive(),
    total_flops: z.number().positive(),
    mfu: z.number().positive().max(1),
    gpu_hours: z.number().positive(),
    wall_clock_hours: z.number().positive(),
    run_cost_usd: nonNegative,
    run_cost_spot_usd: nonNegative.nullable(),
    assumptions: z.array(z.string()),
  })
  .describe("Job");

export const deploymentSchema = z
  .object({
    component: componentKindSchema,
    model_id: z.string().nullable().describe("the exact catalog repo deployed; null for vector DBs, notebooks, tracking…"),
    precision: z.enum(["fp32", "bf16", "fp16", "fp8", "int8", "int4"]).nullable(),
    quantization: z.enum(["awq", "gptq", "fp8", "bnb-nf4", "gguf"]).nullable(),
    engine: z.string().describe("vllm, tei, ollama, diffusers, pytorch, jupyterhub, mlflow, qdrant, ray…"),
    engine_image: z.string().nullable().describe("container image, a version that supports the model's architecture"),
    instance: z.object({ provider: z.string(), instance_type: z.string(), region: z.string() }).nullable().describe("compute[0] for the first deployment"),
    gpus_per_replica: z.number().int().min(0).describe("0 for CPU"),
    replicas: z.number().int().min(1),
    tensor_parallel_size: z.number().int().min(1).nullable(),
    pipeline_parallel_size: z.number().int().min(1).nullable(),
    max_model_len: z.number().int().positive().nullable(),
    gpu_memory_utilization: z.number().positive().max(1).nullable(),
    kv_cache_dtype: z.string().nullable(),
    memory_per_gpu_gb: z.object({ needed: z.number(), usable: z.number() }).nullable().describe("usable = N GiB × gpu_memory_utilization − CUDA context, in GB"),
    fits: z.boolean(),
    // Extensions:
    tool: z.string().nullable().optional().describe("the tool or platform deployed (mlflow, qdrant, jupyterhub …)"),
    role: z.string().nullable().optional().describe("what it does in the stack"),
    node: z.string().nullable().optional().describe("nodes[].id it runs on"),
    resources: resourcesSchema.nullable().optional().describe("what one replica requests"),
    sizing_basis: z.array(z.string()).optional().describe("how the resources were sized, with the figures used"),
    profiles: z.array(notebookProfileSchema).optional().describe("notebooks: the per-user profiles offered"),
    users: z.number().int().positive().nullable().optional(),
    performance: performanceSchema.optional().describe("served LLMs: speed, replicas for the load and $/1M tokens on the deployment's instance"),
    job: jobSchema.optional().describe("training and fine-tuning: tokens, GPU-hours, duration and the cost of the whole run"),
  })
  .describe("Deployment");

export const warningDetailSchema = z
  .object({
    severity: z.enum(["blocker", "warning", "info"]),
    code: z.string(),
    message: z.string(),
    component: z.string().optional(),
  })
  .describe("WarningDetail");

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
    deployments: z.array(deploymentSchema).optional().describe("what is deployed; the first entry is the one the summary talks about"),
    warning_details: z.array(warningDetailSchema).optional().describe("the warnings with severity and code, same order as warnings"),
    nodes: z.array(stackNodeSchema).optional().describe("every node pool the stack runs on (GPU and CPU), with its cost"),
    estimated_stack_monthly_cost_usd: z
      .number()
      .nullable()
      .optional()
      .describe("the whole stack per month: the sum of nodes[].monthly_cost_usd; fits_budget uses it when the plan has more than one component"),
    artifacts: z.array(artifactSchema).optional().describe("deployment files generated from deployments[] (Helm values, manifests, Jobs, SkyPilot task, docker run, install.sh)"),
    estimated_monthly_cost_spot_usd: nonNegative
      .nullable()
      .optional()
      .describe("the same configuration at spot prices (estimated_monthly_cost_usd stays on-demand); null when the instance has no spot price"),
    budget_basis: z
      .enum(["on_demand", "spot", "run", "run_spot"])
      .optional()
      .describe("what fits_budget compared: the monthly cost on demand or at spot prices (spot_ok), or the whole run's cost against budget_per_run_usd"),
  })
  .describe("DeploymentPlan");

export type InstanceOption = z.infer<typeof instanceOptionSchema>;
export type ModelOption = z.infer<typeof modelOptionSchema>;
export type PackageOption = z.infer<typeof packageOptionSchema>;
export type Sizing = z.infer<typeof sizingSchema>;
export type DeploymentPlan = z.infer<typeof deploymentPlanSchema>;
export type Deployment = z.infer<typeof deploymentSchema>;
export type Resources = z.infer<typeof resourcesSchema>;
export type NotebookProfile = z.infer<typeof notebookProfileSchema>;
export type StackNode = z.infer<typeof stackNodeSchema>;
export type WarningDetail = z.infer<typeof warningDetailSchema>;
export type Performance = z.infer<typeof performanceSchema>;
export type Job = z.infer<typeof jobSchema>;
