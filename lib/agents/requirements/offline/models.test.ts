import { describe, expect, it } from "vitest";
import { extractModel, extractModels, withSize } from "./models";

type Case = [text: string, name: string | undefined, params: number | undefined, modality: string | undefined];

describe("extractModel: names, sizes and modality", () => {
  const cases: Case[] = [
    ["I need to deploy Llama 70B for inference", "Llama 70B", 70, "llm"],
    ["llama-3.1-8b-instruct", "Llama 3.1 8B Instruct", 8, "llm"],
    ["serve Llama 3.3 70B please", "Llama 3.3 70B", 70, "llm"],
    ["Llama 3.3 on two GPUs", "Llama 3.3", 70, "llm"],
    ["Mixtral 8x7B", "Mixtral 8x7B", 46.7, "llm"],
    ["mixtral-8x22b-instruct-v0.1", "Mixtral 8x22B Instruct v0.1", 140.6, "llm"],
    ["Mistral 7B v0.3", "Mistral 7B v0.3", 7, "llm"],
    ["Mistral 7B", "Mistral 7B", 7, "llm"],
    ["Qwen2.5 72B", "Qwen2.5 72B", 72, "llm"],
    ["qwen 2.5 7b instruct", "Qwen2.5 7B Instruct", 7, "llm"],
    ["gemma 2 9b", "Gemma 2 9B", 9, "llm"],
    ["google's gemma-2-9b-it", "Gemma 2 9B IT", 9, "llm"],
    ["phi-3 mini", "Phi-3 Mini", 3.8, "llm"],
    ["Phi-3-mini-4k-instruct", "Phi-3 Mini 4k Instruct", 3.8, "llm"],
    ["DeepSeek R1", "DeepSeek R1", 671, "llm"],
    ["deepseek r1 distill qwen 7b", "DeepSeek R1 Distill Qwen 7B", 7, "llm"],
    ["DeepSeek V3", "DeepSeek V3", 671, "llm"],
    ["gpt-oss-120b", "gpt-oss-120b", 117, "llm"],
    ["gpt-oss 20b on a 4090", "gpt-oss-20b", 21, "llm"],
    ["SDXL", "SDXL", 3.5, "image_generation"],
    ["Help me set up Stable Diffusion XL", "SDXL", 3.5, "image_generation"],
    ["stable diffusion 1.5", "Stable Diffusion 1.5", 1.07, "image_generation"],
    ["SD 1.5 with controlnet", "Stable Diffusion 1.5", 1.07, "image_generation"],
    ["FLUX", "FLUX", 12, "image_generation"],
    ["flux dev", "FLUX Dev", 12, "image_generation"],
    ["Whisper large", "Whisper large", 1.55, "speech"],
    ["whisper-large-v3", "Whisper large-v3", 1.55, "speech"],
    ["whisper large v3 turbo", "Whisper large-v3-turbo", 0.809, "speech"],
    ["YOLOv8", "YOLOv8", 0.0259, "vision"],
    ["yolov8n on a jetson", "YOLOv8n", 0.0032, "vision"],
    ["YOLO11s", "YOLO11s", 0.0094, "vision"],
    ["SAM", "SAM vit huge", 0.636, "vision"],
    ["segment anything with SAM vit-b", "SAM vit base", 0.091, "vision"],
    ["SAM 2", "SAM 2", 0.224, "vision"],
    ["BERT", "BERT", 0.11, "embedding"],
    ["bert-large-uncased", "BERT Large Uncased", 0.34, "embedding"],
    ["CLIP", "CLIP", 0.428, "multimodal"],
    ["ResNet-50", "ResNet-50", 0.0256, "vision"],
    ["Llama 3.2 11B Vision", "Llama 3.2 11B Vision", 11, "multimodal"],
    ["Qwen2-VL 7B", "Qwen2 7B VL", 7, "multimodal"],
    ["Command R+", "Command R +", 104, "llm"],
    ["bge-m3 embeddings", "BGE M3", 0.568, "embedding"],
    ["Qwen3-30B-A3B", "Qwen3 30B A3B", 30, "llm"],
  ];
  it.each(cases)("%s", (text, name, params, modality) => {
    const r = extractModel(text);
    expect(r.model?.name).toBe(name);
    expect(r.model?.params_b).toBe(params);
    expect(r.modality).toBe(modality);
  });
});

describe("extractModel: Hugging Face ids", () => {
  it("meta-llama/Llama-3.1-8B-Instruct", () => {
    const r = extractModel("deploy meta-llama/Llama-3.1-8B-Instruct on vllm");
    expect(r.model).toEqual({ name: "Llama-3.1-8B-Instruct", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8 });
    expect(r.modality).toBe("llm");
    expect(r.max_context).toBe(131072);
  });
  it("ids inside a huggingface.co URL", () => {
    const r = extractModel("https://huggingface.co/black-forest-labs/FLUX.1-dev");
    expect(r.model?.hf_id).toBe("black-forest-labs/FLUX.1-dev");
    expect(r.modality).toBe("image_generation");
  });
  it("unknown org with a sized repo name", () => {
    expect(extractModel("try acme-ai/super-chat-13b").model).toEqual({ name: "super-chat-13b", hf_id: "acme-ai/super-chat-13b", params_b: 13 });
  });
  it("quantized repo keeps params", () => {
    expect(extractModel("TheBloke/Llama-2-13B-chat-GPTQ").model?.params_b).toBe(13);
  });
  it.each(["fp16/bf16", "A100/H100", "us-east-1/eu-west-1", "TGI/vLLM", "24/7", "$2/hr"])("not an HF id: %s", (text) => {
    expect(extractModel(text).model?.hf_id).toBeUndefined();
  });
});

describe("extractModel: bare sizes", () => {
  it.each([
    ["a 7B chat model", 7],
    ["any 13b model is fine", 13],
    ["a 70 billion parameter model", 70],
    ["run a 350M model", 0.35],
  ])("%s → %s", (text, params) => {
    expect(extractModel(text).model).toEqual({ params_b: params });
  });
  it("8x13B of an unknown family is n × size, with a note", () => {
    const r = extractModel("some 8x13B MoE");
    expect(r.model?.params_b).toBe(104);
    expect(r.notes.join(" ")).toMatch(/approximate/);
  });
  it("a size elsewhere in the text fills a family without one", () => {
    expect(extractModel("Llama 3.1, the 70B one").model).toEqual({ name: "Llama 3.1 70B", params_b: 70 });
  });
});

describe("extractModel: things that are not models or sizes", () => {
  it.each([
    "Llama 3",
    "things are in flux right now",
    "I use llama index for retrieval",
    "trained on 15B tokens",
    "sam altman said so",
    "every 5m",
    "phi is a greek letter",
    "8 H100s and $3000/mo",
  ])("%s", (text) => {
    const r = extractModel(text);
    if (text === "Llama 3") {
      // A model, but no size: "Llama 3" must never read as 3B.
      expect(r.model).toEqual({ name: "Llama 3" });
      expect(r.size_options).toEqual(["Llama 3 8B", "Llama 3 70B"]);
    } else {
      expect(r.model).toBeUndefined();
    }
  });
  it("YOLOv8 never reads as 8B", () => {
    expect(extractModel("YOLOv8 object detection").model?.params_b).toBeLessThan(0.1);
  });
  it("llama.cpp is a tool, the model after it is the model", () => {
    expect(extractModel("llama.cpp with mistral").model?.name).toBe("Mistral");
  });
  it("hosted API models are flagged, not used", () => {
    const r = extractModel("something like ChatGPT for our docs");
    expect(r.model).toBeUndefined();
    expect(r.closed_model).toBe("ChatGPT");
    expect(r.modality).toBe("llm");
  });
});

describe("extractModels / size options", () => {
  it("lists alternatives after the primary", () => {
    const r = extractModel("Llama 3 8B or Mistral 7B");
    expect(r.model?.name).toBe("Llama 3 8B");
    expect(r.alternatives).toEqual(["Mistral 7B"]);
  });
  it("size options for an unsized family", () => {
    const r = extractModel("deploy llama");
    expect(r.size_options).toEqual(["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B"]);
    expect(r.default_params_b).toBe(8);
  });
  it("a generative model leads over an embedding helper (RAG)", () => {
    const r = extractModel("embed with bge-large, then serve Llama 3.1 8B");
    expect(r.model?.name).toBe("Llama 3.1 8B");
    expect(r.alternatives).toEqual(["BGE Large"]);
  });
  it("keeps text order", () => {
    expect(extractModels("SDXL then whisper small").map((m) => m.family)).toEqual(["sdxl", "whisper"]);
  });
  it("withSize replaces or appends a size", () => {
    expect(withSize("Llama 3.1 70B Instruct", 8)).toBe("Llama 3.1 8B Instruct");
    expect(withSize("Qwen2.5", 72)).toBe("Qwen2.5 72B");
  });
});
