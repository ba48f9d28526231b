import { describe, expect, it } from "vitest";
import { extractWorkload } from "./workload";

describe("extractWorkload", () => {
  it.each([
    ["Train object detection model", "object detection", "vision"],
    ["image classification for product photos", "image classification", "vision"],
    ["semantic segmentation of road scenes", "image segmentation", "vision"],
    ["speech recognition for call centers", "speech recognition", "speech"],
    ["transcription of podcasts", "speech recognition", "speech"],
    ["text to speech voices", "text to speech", "speech"],
    ["text-to-image generation", "text to image", "image_generation"],
    ["generate product images", "text to image", "image_generation"],
    ["embeddings for semantic search", "embeddings", "embedding"],
    ["RAG over our docs", "RAG", "llm"],
    ["a chatbot for support", "chatbot", "llm"],
    ["recommendation system", "recommendation", "other"],
    ["Fine-tune language model", "LLM", "llm"],
    ["Computer vision (object detection, classification)", "object detection", "vision"],
    ["vision-language model for invoices", "vision-language", "multimodal"],
    ["time series forecasting", "time series forecasting", "other"],
  ])("%s → %s", (text, workload, modality) => {
    const r = extractWorkload(text);
    expect(r.workload).toBe(workload);
    expect(r.modality).toBe(modality);
  });
  it.each(["I need some GPUs", "Llama 70B on AWS", "batch size 16"])("nothing in %s", (text) => {
    expect(extractWorkload(text).workload).toBeUndefined();
  });
});
