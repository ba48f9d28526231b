/**
 * Generic workloads named without a model ("object detection", "RAG", "text to image"). The
 * earliest mention in the text wins; each maps to a canonical workload label and a modality.
 */
import type { Modality } from "../types";
import { utterance, type Said } from "./utterance";

interface WorkloadCue {
  workload: string;
  modality: Modality;
  re: RegExp;
  /** Broad label; a more specific workload mentioned anywhere wins over it. */
  generic?: boolean;
}

const CUES: WorkloadCue[] = [
  // vision
  { workload: "object detection", modality: "vision", re: /\b(?:object|defect|vehicle|person|people|face)[\s-]+detect(?:ion|or|ors)?\b|\bdetect(?:ing)?\s+(?:objects|defects|vehicles|people|faces)\b|\bbounding[\s-]box(?:es)?\b/ },
  { workload: "image classification", modality: "vision", re: /\bimage[\s-]+(?:classification|classifier|recognition|tagging)\b|\bclassify(?:ing)?\s+(?:images|photos|pictures)\b/ },
  { workload: "image segmentation", modality: "vision", re: /\b(?:(?:instance|semantic|panoptic|image|medical(?:\s+image)?)[\s-]+)?segmentation\b|\bsegment(?:ing)?\s+(?:images|objects|scans)\b/ },
  { workload: "OCR", modality: "vision", re: /\bocr\b|\boptical\s+character\b|\btext\s+recognition\b/ },
  { workload: "pose estimation", modality: "vision", re: /\bpose[\s-]+estimation\b/ },
  { workload: "face recognition", modality: "vision", re: /\bface[\s-]+recognition\b|\bfacial\s+recognition\b/ },
  { workload: "video analytics", modality: "vision", re: /\bvideo[\s-]+(?:analytics|analysis|understanding|surveillance)\b|\bobject\s+tracking\b/ },
  { workload: "depth estimation", modality: "vision", re: /\bdepth[\s-]+estimation\b/ },
  { workload: "computer vision", modality: "vision", re: /\bcomputer[\s-]+vision\b|\bcv\s+models?\b|\bvision\s+models?\b/, generic: true },
  // speech
  { workload: "speech recognition", modality: "speech", re: /\bspeech[\s-]+(?:recognition|to[\s-]+text)\b|\b(?:asr|stt)\b|\btranscri(?:be|bing|ption|ptions)\b|\bdiari[sz]ation\b|\bsubtitl(?:e|es|ing)\b/ },
  { workload: "text to speech", modality: "speech", re: /\btext[\s-]+to[\s-]+speech\b|\btts\b|\bvoice[\s-]+(?:cloning|synthesis|generation|clone)\b|\bspeech\s+synthesis\b/ },
  { workload: "audio", modality: "speech", re: /\baudio\s+(?:classification|generation|models?|processing)\b|\bmusic\s+generation\b/, generic: true },
  // image generation
  { workload: "video generation", modality: "image_generation", re: /\b(?:text|image)[\s-]+to[\s-]+video\b|\bvideo[\s-]+generation\b|\bgenerat(?:e|ing)\s+videos?\b/ },
  { workload: "text to image", modality: "image_generation", re: /\btext[\s-]+to[\s-]+image\b|\btxt2img\b|\bimg2img\b|\bimage[\s-]+to[\s-]+image\b|\bimage[\s-]+(?:generation|generator|synthesis)\b|\bgenerat(?:e|es|ing)\s+(?:\w+\s+)?(?:images?|pictures|art|photos|avatars|illustrations)\b|\bai\s+art\b|\bdiffusion\s+models?\b|\binpainting\b|\bgans?\b/ },
  // multimodal
  { workload: "vision-language", modality: "multimodal", re: /\bvision[\s-]+language\b|\bvlms?\b|\bmulti[\s-]?modal\b|\bimage\s+caption(?:ing|s)?\b|\bvisual\s+question\b|\bvqa\b|\bdocument\s+(?:understanding|ai|parsing)\b/ },
  // embeddings
  { workload: "embeddings", modality: "embedding", re: /\bembeddings?\b(?!\s+(?:for|in)\s+(?:rag|retrieval))|\bsemantic\s+search\b|\bvector\s+search\b|\bsimilarity\s+search\b|\bre-?rank(?:er|ers|ing)?\b|\bsentence[\s-]transformers?\b/ },
  // language
  { workload: "RAG", modality: "llm", re: /\brag\b|\bretrieval[\s-]+augmented\b|\bchat\s+with\s+(?:our|my|your|the)\s+(?:docs|documents|pdfs|data|knowledge)\b|\b(?:question[\s-]answering|q&a)\s+over\b/ },
  { workload: "chatbot", modality: "llm", re: /\bchat\s?bots?\b|\bchat\s+(?:assistant|app|application|interface|ui)\b|\bconversational\b|\b(?:ai|customer[\s-]support|support|virtual)\s+(?:assistant|agent|bot)s?\b|\bchat\b/ },
  { workload: "code assistant", modality: "llm", re: /\bcode\s+(?:generation|completion|assistant|review)\b|\bcoding\s+assistant\b|\bcopilot\b/ },
  { workload: "summarization", modality: "llm", re: /\bsummari[sz](?:ation|e|ing)\b/ },
  { workload: "translation", modality: "llm", re: /\b(?:machine\s+)?translation\b|\btranslat(?:e|ing)\b/ },
  { workload: "text classification", modality: "llm", re: /\btext\s+classification\b|\bsentiment(?:\s+analysis)?\b|\bnamed[\s-]+entity\b|\bner\b|\bintent\s+classification\b/ },
  { workload: "AI agents", modality: "llm", re: /\b(?:ai\s+)?agents?\b(?!\s+(?:pool|node))|\bagentic\b|\btool[\s-]calling\b/ },
  { workload: "LLM", modality: "llm", re: /\bllms?\b|\b(?:large\s+)?language\s+models?\b|\btext\s+generation\b|\bnlp\b|\bchat\s+models?\b|\binstruct(?:ion)?\s+models?\b|\breasoning\s+models?\b/, generic: true },
  // other
  { workload: "recommendation", modality: "other", re: /\brecommend(?:ation|ations|er)\s+(?:system|systems|engine|model|models)\b|\brecommender\b|\brecsys\b|\bpersonali[sz]ation\b/ },
  { workload: "time series forecasting", modality: "other", re: /\btime[\s-]+series\b|\bforecast(?:ing)?\b/ },
  { workload: "tabular ML", modality: "other", re: /\btabular\b|\bxgboost\b|\blightgbm\b|\bgradient\s+boost(?:ing|ed)\b/ },
  { workload: "anomaly detection", modality: "other", re: /\banomaly\s+detection\b|\bfraud\s+detection\b/ },
  { workload: "reinforcement learning", modality: "other", re: /\breinforcement\s+learning\b/ },
  { workload: "graph ML", modality: "other", re: /\bgraph\s+neural\b|\bgnns?\b/ },
  { workload: "scientific computing", modality: "other", re: /\bprotein\s+folding\b|\balphafold\b|\bmolecular\s+dynamics\b|\bsimulations?\b/ },
];

export interface WorkloadExtraction {
  workload?: string;
  modality?: Modality;
  /** Every workload mentioned, earliest first. */
  all: string[];
  /** The workload found is only a broad label ("LLM", "computer vision"), not a use. */
  generic?: boolean;
}

export function extractWorkload(said: Said): WorkloadExtraction {
  const t = utterance(said).lower;
  const hits: { cue: WorkloadCue; index: number }[] = [];
  for (const cue of CUES) {
    const m = cue.re.exec(t);
    if (m) hits.push({ cue, index: m.index });
  }
  // Earliest wins; at the same position the more specific (earlier listed) cue wins.
  hits.sort((a, b) => a.index - b.index || CUES.indexOf(a.cue) - CUES.indexOf(b.cue));
  const first = hits.find((h) => !h.cue.generic) ?? hits[0];
  return {
    workload: first?.cue.workload,
    modality: first?.cue.modality,
    all: [...new Set(hits.map((h) => h.cue.workload))],
    generic: first?.cue.generic,
  };
}
