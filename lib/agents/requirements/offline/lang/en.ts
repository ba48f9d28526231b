/** English: the extractors' own language; only its markers are needed, to tell it from the others. */
import { anyOf, type LanguagePack } from "./types";

export const EN: LanguagePack = {
  id: "en",
  markers: anyOf(["i", "we", "want", "need", "the", "a", "an", "for", "with", "and", "or", "to", "of", "on", "in", "my", "our", "is", "are", "please", "deploy", "run", "train", "per", "month", "budget", "how", "much", "without", "not", "but", "also", "it", "that", "what"]),
  phrases: [],
  words: [],
  numbers: [],
};
