import { z } from "zod";
import { componentKindSchema } from "./components";

export const TASKS = ["inference", "training", "fine_tuning", "batch_processing", "development", "other"] as const;
export const MODALITIES = ["llm", "vision", "image_generation", "speech", "embedding", "multimodal", "other"] as const;
export const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"] as const;

const modelRefSchema = z.object({
  name: z.string().optional(),
  hf_id: z.string().optional(),
  params_b: z.number().positive().optional(),
});

/** One named part of the workload (extension): a model to serve, a tool or platform to install. */
export const workloadComponentSchema = z
  .object({
    kind: componentKindSchema,
    model: modelRefSchema.optional(),
    tool: z.string().optional().describe("the tool or platform, lower case: mlflow, qdrant, jupyterhub, ray, ollama, prometheus …"),
    role: z.string().optional().describe("what it does in the stack, in words (\"embeddings for retrieval\", \"answers questions\")"),
  })
  .describe("WorkloadComponent");
export type WorkloadComponent = z.infer<typeof workloadComponentSchema>;

export const taskSchema = z.enum(TASKS);
export const modalitySchema = z.enum(MODALITIES);
export const precisionSchema = z.enum(PRECISIONS);

/** What the requirements agent understood. Field names are the wire contract (../shared/CONTRACT.md). */
export const workloadSpecSchema = z
  .object({
    task: taskSchema.optional(),
    modality: modalitySchema.optional(),
    model: modelRefSchema.optional(),
    precision: precisionSchema.optional(),
    gpu: z
      .object({
        count: z.number().int().positive().optional(),
        memory_gb_per_gpu: z.number().positive().optional(),
        model: z.string().optional(),
      })
      .optional(),
    budget_monthly_usd: z.number().positive().optional(),
    providers: z.array(z.string()).optional(),
    regions: z.array(z.string()).optional(),
    spot_ok: z.boolean().optional(),
    tools: z.array(z.string()).optional(),
    context_length: z.number().int().positive().optional(),
    concurrency: z.number().int().positive().optional(),
    // Extensions (optional, additive to the contract):
    /** Fine-tuning method when task is fine_tuning. */
    fine_tune_method: z.enum(["full", "lora", "qlora"]).optional(),
    /** Free-text description of the workload when no model was named ("object detection"). */
    workload: z.string().optional(),
    /** Every named part of the workload, the primary (model) part first. */
    components: z.array(workloadComponentSchema).optional(),
    /** The user asked for no GPU at all ("CPU only"). */
    cpu_only: z.boolean().optional(),
    /** People using it (notebook users, tracking users, chat users). */
    users: z.number().int().positive().optional(),
    /** Request rate to serve, per second. */
    requests_per_second: z.number().positive().optional(),
    /** Size of the data to store, index or train on, GB. */
    data_gb: z.number().positive().optional(),
    /** A budget for the whole run of a training or fine-tuning job, USD ("$500 for the whole fine-tune"). */
    budget_per_run_usd: z.number().positive().max(1e9).optional(),
    /** Training / fine-tuning examples ("50k examples"). */
    dataset_examples: z.number().int().positive().max(1e10).optional(),
    /** Average tokens per example ("~512 tokens each"). */
    avg_example_tokens: z.number().int().positive().max(1e6).optional(),
    /** Tokens of training data in all ("2T tokens"), when given instead of examples. */
    dataset_tokens: z.number().positive().max(1e14).optional(),
    /** Passes over the data ("3 epochs"). */
    epochs: z.number().positive().max(1000).optional(),
    /** Output speed each sequence must get, tokens/s ("30 tokens/s each"). */
    target_tokens_per_s: z.number().positive().max(10_000).optional(),
    /** Time to first token to meet, ms ("TTFT under 500 ms"). */
    target_ttft_ms: z.number().positive().max(600_000).optional(),
    /** Typical prompt length, tokens. */
    avg_prompt_tokens: z.number().int().positive().max(10_000_000).optional(),
    /** Typical answer length, tokens. */
    avg_output_tokens: z.number().int().positive().max(10_000_000).optional(),
  })
  .describe("WorkloadSpec");

export type WorkloadSpec = z.infer<typeof workloadSpecSchema>;

export const clarificationQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.string()),
});

export const clarificationSchema = z
  .object({ questions: z.array(clarificationQuestionSchema).min(1).max(3) })
  .describe("Clarification");

export type Clarification = z.infer<typeof clarificationSchema>;
export type ClarificationQuestion = z.infer<typeof clarificationQuestionSchema>;
