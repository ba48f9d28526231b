/**
 * The command a training or fine-tuning run executes, shared by the Kubernetes Job, the SkyPilot
 * task and the docker run. Fine-tuning a catalog model uses TRL's SFT script (LoRA through PEFT)
 * on TRL's example dataset until DATASET is changed; training from scratch runs the user's
 * script (TRAIN_SCRIPT) with torchrun on every GPU of the node, passing the plan's model as
 * `--model_name_or_path`.
 */
import type { Deployment } from "@/lib/schemas/plan";

export const DEFAULT_DATASET = "trl-lib/Capybara";
export const OUTPUT_DIR = "/output";

export type TrainingTask = "training" | "fine_tuning";

export function trainingEnv(d: Deployment, task: TrainingTask): Record<string, string> {
  const env: Record<string, string> = { NUM_GPUS: String(Math.max(1, Math.ceil(d.gpus_per_replica))) };
  if (d.model_id) env.MODEL_ID = d.model_id;
  if (task === "fine_tuning" && d.model_id) env.DATASET = DEFAULT_DATASET;
  else env.TRAIN_SCRIPT = "train.py";
  return env;
}

/** A bash script body (reads the variables of trainingEnv). */
export function trainingScript(d: Deployment, task: TrainingTask): string {
  if (task === "fine_tuning" && d.model_id) {
    const bf16 = d.precision === "fp16" ? "--fp16" : "--bf16";
    return [
      "pip install --no-cache-dir 'trl>=0.19' peft datasets accelerate",
      `accelerate launch --num_processes "$NUM_GPUS" -m trl.scripts.sft --model_name_or_path "$MODEL_ID" --dataset_name "$DATASET" --use_peft --lora_r 16 --lora_alpha 32 ${bf16} --gradient_checkpointing --output_dir ${OUTPUT_DIR}`,
    ].join("\n");
  }
  // From scratch: the user's script, told which architecture / starting checkpoint the plan sized.
  return `torchrun --standalone --nproc_per_node "$NUM_GPUS" "$TRAIN_SCRIPT"${d.model_id ? ' --model_name_or_path "$MODEL_ID"' : ""}`;
}
