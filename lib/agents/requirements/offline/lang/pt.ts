/** Portuguese: the cues the offline engine reads (the four languages are es/de/fr; these few came with issue 11). */
import { anyOf, type LanguagePack } from "./types";

export const PT: LanguagePack = {
  id: "pt",
  markers: anyOf(["quero", "preciso", "com", "sem", "para", "uma?", "os", "da", "usu[aá]rios", "m[eê]s", "modelo", "treinar"]),
  phrases: [
    [/\bsem\s+(?=gpus?\b)/gi, "without "],
    [/\bapenas\s+(cpus?)\b/gi, "$1 only"],
    [/\binfer[êe]ncia\b/gi, "inference"],
    [/\busu[aá]rios?\b/gi, "users"],
    [/\brequisi[çc][õo]es\b/gi, "requests"],
    [/\bdados\b/gi, "data"],
  ],
  words: [],
  numbers: [],
};
