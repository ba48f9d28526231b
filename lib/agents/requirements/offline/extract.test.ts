import { describe, expect, it } from "vitest";
import { extractFromText } from "./extract";

describe("extractFromText: a model named with its use is run (inference)", () => {
  it.each([
    ["Whisper large for transcription", "inference"],
    ["Whisper large-v3 to translate podcasts", "inference"],
    ["YOLOv8 to detect defects on our assembly line", "inference"],
    ["Mistral 7B to summarize support tickets", "inference"],
    ["a 7B model to classify emails", "inference"],
    ["Llama 3.1 70B to answer questions about our docs", "inference"],
    ["bge-large to embed documents for search", "inference"],
    ["DeepSeek-R1 for reasoning", "inference"],
    ["Llama 3.1 8B for 200 concurrent users", "inference"],
    // Clearly offline bulk jobs are batch processing.
    ["transcribe 10,000 hours of audio with Whisper large-v3", "batch_processing"],
    ["embed our 5M documents with bge-large", "batch_processing"],
    ["transcription of 10k hours of calls with Whisper", "batch_processing"],
    // A training cue still wins over the use.
    ["fine-tune Whisper large for transcription of Dutch", "fine_tuning"],
    ["train YOLOv8 to detect defects", "training"],
  ])("%s → %s", (text, task) => {
    expect(extractFromText(text).spec.task).toBe(task);
  });

  it.each(["Whisper large", "Llama 3.1 8B", "Llama 3 8B on AWS", "object detection"])("no use, no task: %s", (text) => {
    expect(extractFromText(text).spec.task).toBeUndefined();
  });
});

describe("extractFromText: corrections", () => {
  it("a replacing clause wins over the value mentioned first", () => {
    expect(extractFromText("we use A100s today but want to switch to H100s").spec.gpu?.model).toBe("H100");
    expect(extractFromText("we serve Llama 3 8B now, but want to move to Qwen 2.5 7B").spec.model?.name).toBe("Qwen2.5 7B");
    expect(extractFromText("it runs in bf16 today, switch to fp8").spec.precision).toBe("fp8");
    expect(extractFromText("Qwen 2.5 72B instead of Llama 3.1 70B").spec.model?.name).toBe("Qwen2.5 72B");
    expect(extractFromText("GCP instead of AWS").spec.providers).toEqual(["gcp"]);
    expect(extractFromText("GCP instead of AWS").replace).toEqual(["providers"]);
  });
  it("without a correction, nothing changes", () => {
    const r = extractFromText("Serve Llama 3 8B on 2 A100s on AWS, in bf16");
    expect(r.spec).toMatchObject({ model: { name: "Llama 3 8B" }, gpu: { model: "A100", count: 2 }, precision: "bf16", providers: ["aws"] });
    expect(r.replace).toBeUndefined();
  });
});
