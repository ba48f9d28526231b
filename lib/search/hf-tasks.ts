/** Hub pipeline tags a task filter accepts (users and the architect say "text-generation", "llm", "asr"…). */
const TASK_GROUPS: Record<string, string[]> = {
  "text-generation": ["text-generation", "text2text-generation", "conversational"],
  llm: ["text-generation", "text2text-generation", "conversational"],
  "text-to-image": ["text-to-image", "image-to-image"],
  image_generation: ["text-to-image", "image-to-image"],
  "automatic-speech-recognition": ["automatic-speech-recognition"],
  speech: ["automatic-speech-recognition", "text-to-speech", "audio-classification"],
  asr: ["automatic-speech-recognition"],
  "object-detection": ["object-detection"],
  vision: ["object-detection", "image-classification", "image-segmentation", "mask-generation", "zero-shot-object-detection"],
  "image-classification": ["image-classification"],
  "image-segmentation": ["image-segmentation", "mask-generation"],
  embedding: ["feature-extraction", "sentence-similarity"],
  "feature-extraction": ["feature-extraction", "sentence-similarity"],
  "sentence-similarity": ["sentence-similarity", "feature-extraction"],
  multimodal: ["image-text-to-text", "visual-question-answering", "image-to-text", "any-to-any"],
  "image-text-to-text": ["image-text-to-text", "visual-question-answering", "image-to-text"],
};

/** The pipeline tags that satisfy a task filter (the tag itself when we have no group for it). */
export function pipelineTagsFor(task: string): string[] {
  const key = task.trim().toLowerCase();
  return TASK_GROUPS[key] ?? [key];
}
