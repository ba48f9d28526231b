import { describe, expect, it } from "vitest";
import { extractFineTuneMethod, extractTask } from "./task";

describe("extractTask", () => {
  it.each([
    ["I need to deploy Llama 70B for inference", "inference"],
    ["serve mistral behind an API", "inference"],
    ["host a chatbot for our support team", "inference"],
    ["run Llama 3 8B", "inference"],
    ["Help me set up Stable Diffusion XL", "inference"],
    ["self-hosted model endpoint for production", "inference"],
    ["Train object detection model, $3000/mo", "training"],
    ["training a ResNet from scratch on ImageNet", "training"],
    ["pretrain a 1B model", "training"],
    ["Fine-tune language model with MLflow", "fine_tuning"],
    ["finetune llama on our tickets", "fine_tuning"],
    ["QLoRA on Llama 3 70B", "fine_tuning"],
    ["train a LoRA for SDXL", "fine_tuning"],
    ["SFT then DPO on Qwen", "fine_tuning"],
    ["batch inference over 2M documents every night", "batch_processing"],
    ["transcribe a backlog of 10k hours of calls", "batch_processing"],
    ["embed a corpus of 5M passages", "batch_processing"],
    ["process 10k images a day", "batch_processing"],
    ["offline scoring job", "batch_processing"],
    ["a jupyter notebook with a GPU", "development"],
    ["dev box for experiments", "development"],
    ["deploy a jupyterhub for the team", "development"],
    ["serve my fine-tuned Llama", "inference"],
    ["serve Llama with LoRA adapters", "inference"],
  ])("%s → %s", (text, task) => {
    expect(extractTask(text).task).toBe(task);
  });

  it.each(["I need some GPUs", "Llama 3 8B on AWS", "what does it cost", "batch size 16"])("no task in %s", (text) => {
    expect(extractTask(text).task).toBeUndefined();
  });

  it.each([
    ["Whisper large for transcription", true],
    ["use Llama to answer customer questions", true],
    ["BGE to embed documents", true],
    ["SDXL to generate product images", true],
    ["Llama 3 8B on AWS", undefined],
    ["Whisper large", undefined],
  ])("usage named in %s → %s", (text, usage) => {
    expect(extractTask(text).usage).toBe(usage);
  });

  it.each([
    ["transcription of 10k hours of calls", "batch_processing"],
    ["summarization of our whole archive", "batch_processing"],
  ])("bulk noun form: %s → %s", (text, task) => {
    expect(extractTask(text).task).toBe(task);
  });

  it("flags from scratch", () => {
    expect(extractTask("train a small GPT from scratch").from_scratch).toBe(true);
  });
});

describe("extractFineTuneMethod", () => {
  it.each([
    ["fine-tune with QLoRA", "qlora"],
    ["LoRA fine-tuning", "lora"],
    ["PEFT adapters", "lora"],
    ["full fine-tuning of all weights", "full"],
    ["full-parameter fine-tune", "full"],
    ["just fine-tune it", undefined],
  ])("%s → %s", (text, method) => {
    expect(extractFineTuneMethod(text)).toBe(method);
  });
  it("sets the method with the task", () => {
    expect(extractTask("QLoRA Llama 3 70B on my data")).toMatchObject({ task: "fine_tuning", fine_tune_method: "qlora" });
  });
});

describe("negated fine-tuning methods", () => {
  it.each([
    ["Full fine-tune (not LoRA) of Llama 3.1 8B", "full"],
    ["fine-tune mistral 7b, no lora please", "full"],
    ["fine-tune without adapters, all weights", "full"],
    ["QLoRA instead of LoRA", "qlora"],
    ["LoRA, not QLoRA", "lora"],
    ["fine-tune with LoRA", "lora"],
  ])("%s → %s", (text, method) => expect(extractFineTuneMethod(text)).toBe(method));
});
