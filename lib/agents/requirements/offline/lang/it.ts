/** Italian: the cues the offline engine reads (the four languages are es/de/fr; these few came with issue 11). */
import { anyOf, type LanguagePack } from "./types";

export const IT: LanguagePack = {
  id: "it",
  markers: anyOf(["voglio", "vorrei", "con", "senza", "il", "gli", "della", "utenti", "mese", "modello", "addestrare"]),
  phrases: [
    [/\bgenerare\s+immagini\b/gi, "generate images"],
    [/\bsenza\s+(?=gpus?\b)/gi, "without "],
    [/\bsolo\s+(cpus?)\b/gi, "$1 only"],
    [/\binferenza\b/gi, "inference"],
    [/\btrascrivere\b/gi, "transcribe"],
    [/\butenti\b/gi, "users"],
    [/\brichieste\b/gi, "requests"],
    [/\bal\s+secondo\b/gi, "per second"],
    [/\bal\s+minuto\b/gi, "per minute"],
  ],
  words: [],
  numbers: [],
};
