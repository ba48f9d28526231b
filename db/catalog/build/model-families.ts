/**
 * The official Hugging Face organisations of each model family of the offline parser
 * (lib/agents/requirements/offline/model-vocab.ts FAMILIES ids), and how their repos name the
 * family's versions and sizes. The ONE place this list lives: catalog/model-facts.json carries it
 * to run time (lib/sizing/model-facts.ts officialOrgs / isOfficialOrg).
 *
 * Patterns match the repo name lower-cased, after "org/". Named groups: `v` (version, "_" read as
 * "."), `size` ("7b", "1_8b", "270m"), `variant` (a named size such as "scout"). Only the main
 * releases are matched (base / instruct / chat); quantized copies, fine-tunes and long-context
 * re-releases fall outside the patterns (and outside `isReupload` in model-facts.ts).
 */

export interface RepoPattern {
  rx: RegExp;
  /** Version when the name carries none (Qwen-7B is Qwen 1); null = the family has no versions. */
  defaultVersion?: string | null;
  /** Fixed version for this pattern (Falcon-11B is Falcon 2). */
  version?: string;
  /** A line beside the main one ("coder", "distill-qwen"); the `variant` group wins. */
  variant?: string;
}

export interface FamilySource {
  /** A FAMILIES id of model-vocab.ts. */
  family: string;
  /** Official organisations, lower-case. */
  orgs: string[];
  repos: RepoPattern[];
}

const SIZE = String.raw`(?<size>\d+(?:[._]\d+)?[bm])`;
/** Release suffixes of the main line. */
const TAIL = String.raw`(?:-(?:instruct|chat|base|hf|it|pt))*`;

export const FAMILY_SOURCES: FamilySource[] = [
  {
    family: "llama",
    orgs: ["meta-llama"],
    repos: [
      { rx: new RegExp(String.raw`^(?:meta-)?llama-(?<v>[234](?:\.\d)?)-${SIZE}(?:-vision)?${TAIL}$`) },
      { rx: /^llama-(?<v>4)-(?<variant>scout|maverick)-17b-\d+e(?:-instruct)?$/ },
    ],
  },
  { family: "codellama", orgs: ["meta-llama", "codellama"], repos: [{ rx: new RegExp(String.raw`^codellama-${SIZE}(?:-(?:instruct|python|hf))*$`), defaultVersion: null }] },
  { family: "mixtral", orgs: ["mistralai"], repos: [{ rx: /^mixtral-(?<size>8x\d+b)(?:-instruct)?-v(?<v>0\.\d)$/ }] },
  {
    family: "qwen",
    orgs: ["qwen"],
    repos: [
      { rx: new RegExp(String.raw`^qwen(?<v>\d(?:\.\d)?)?-${SIZE}(?:-a\d+(?:\.\d+)?b)?${TAIL}$`), defaultVersion: "1" },
      { rx: new RegExp(String.raw`^qwen(?<v>\d(?:\.\d)?)-coder-${SIZE}${TAIL}$`), variant: "coder" },
    ],
  },
  { family: "gemma", orgs: ["google"], repos: [{ rx: new RegExp(String.raw`^gemma-(?:(?<v>\d(?:\.\d)?)-)?${SIZE}(?:-a\d+b)?${TAIL}$`), defaultVersion: "1" }] },
  {
    family: "deepseek",
    orgs: ["deepseek-ai"],
    repos: [
      { rx: new RegExp(String.raw`^deepseek-coder-${SIZE}${TAIL}$`), defaultVersion: null, variant: "coder" },
      { rx: new RegExp(String.raw`^deepseek-r1-distill-(?<variant>qwen|llama)-${SIZE}$`), defaultVersion: null },
    ],
  },
  { family: "gpt-oss", orgs: ["openai"], repos: [{ rx: new RegExp(String.raw`^gpt-oss-${SIZE}$`), defaultVersion: null }] },
  {
    family: "falcon",
    orgs: ["tiiuae"],
    repos: [
      // tiiuae/falcon-11B is the Falcon 2 release (model card: "Falcon2-11B").
      { rx: /^falcon-(?<size>11b)$/, version: "2" },
      { rx: new RegExp(String.raw`^falcon-${SIZE}${TAIL}$`), defaultVersion: "1" },
      { rx: new RegExp(String.raw`^falcon(?<v>3)-${SIZE}${TAIL}$`) },
    ],
  },
  { family: "yi", orgs: ["01-ai"], repos: [{ rx: new RegExp(String.raw`^yi-(?:(?<v>1\.5)-)?${SIZE}${TAIL}$`), defaultVersion: "1" }] },
  { family: "starcoder", orgs: ["bigcode"], repos: [{ rx: new RegExp(String.raw`^starcoder(?<v>2)?-${SIZE}${TAIL}$`), defaultVersion: "1" }] },
  { family: "olmo", orgs: ["allenai"], repos: [{ rx: new RegExp(String.raw`^olmo-(?:(?<v>2)-\d{4}-)?${SIZE}${TAIL}$`), defaultVersion: "1" }] },
  // MoE releases ("granite-3.0-1b-a400m") are left out of the main line.
  { family: "granite", orgs: ["ibm-granite"], repos: [{ rx: new RegExp(String.raw`^granite-(?<v>\d(?:\.\d)?)-${SIZE}${TAIL}$`) }] },
  { family: "internlm", orgs: ["internlm"], repos: [{ rx: new RegExp(String.raw`^internlm(?<v>\d(?:_\d)?)(?:-chat)?[-_]${SIZE}${TAIL}$`) }] },
  { family: "internvl", orgs: ["opengvlab"], repos: [{ rx: new RegExp(String.raw`^internvl(?<v>\d(?:\.\d)?)-${SIZE}${TAIL}$`) }] },
  { family: "llava", orgs: ["llava-hf", "liuhaotian"], repos: [{ rx: new RegExp(String.raw`^llava-v?(?<v>1\.[56])-${SIZE}${TAIL}$`) }] },
  { family: "vicuna", orgs: ["lmsys"], repos: [{ rx: new RegExp(String.raw`^vicuna-${SIZE}-v\d\.\d$`), defaultVersion: null }] },
  { family: "mpt", orgs: ["mosaicml"], repos: [{ rx: new RegExp(String.raw`^mpt-${SIZE}${TAIL}$`), defaultVersion: null }] },
  { family: "molmo", orgs: ["allenai"], repos: [{ rx: new RegExp(String.raw`^molmo-${SIZE}(?:-[a-z])?-\d{4}$`), defaultVersion: null }] },
  // Families whose sizes the parser does not offer: listed for their official organisations.
  { family: "mistral", orgs: ["mistralai"], repos: [] },
  { family: "phi", orgs: ["microsoft"], repos: [] },
  { family: "nemotron", orgs: ["nvidia"], repos: [] },
  { family: "stable-diffusion", orgs: ["stabilityai", "stable-diffusion-v1-5", "compvis", "runwayml"], repos: [] },
  { family: "sdxl", orgs: ["stabilityai"], repos: [] },
  { family: "flux", orgs: ["black-forest-labs"], repos: [] },
  { family: "whisper", orgs: ["openai", "distil-whisper"], repos: [] },
  { family: "clip", orgs: ["openai", "laion"], repos: [] },
  { family: "bge", orgs: ["baai"], repos: [] },
  { family: "e5", orgs: ["intfloat"], repos: [] },
  { family: "multilingual-e5", orgs: ["intfloat"], repos: [] },
  { family: "minilm", orgs: ["sentence-transformers"], repos: [] },
  { family: "mpnet", orgs: ["sentence-transformers"], repos: [] },
  { family: "yolo", orgs: ["ultralytics"], repos: [] },
  { family: "sam", orgs: ["facebook"], repos: [] },
  { family: "dino", orgs: ["facebook"], repos: [] },
  { family: "smollm", orgs: ["huggingfacetb"], repos: [] },
  { family: "glm", orgs: ["thudm", "zai-org"], repos: [] },
  { family: "kimi", orgs: ["moonshotai"], repos: [] },
  { family: "grok", orgs: ["xai-org"], repos: [] },
  { family: "dbrx", orgs: ["databricks"], repos: [] },
  { family: "command-r", orgs: ["cohereforai", "coherelabs"], repos: [] },
  { family: "jamba", orgs: ["ai21labs"], repos: [] },
  { family: "solar", orgs: ["upstage"], repos: [] },
  { family: "bloom", orgs: ["bigscience"], repos: [] },
  { family: "gpt-j", orgs: ["eleutherai"], repos: [] },
  { family: "gpt-neox", orgs: ["eleutherai"], repos: [] },
  { family: "t5", orgs: ["google"], repos: [] },
  { family: "paligemma", orgs: ["google"], repos: [] },
  { family: "florence", orgs: ["microsoft"], repos: [] },
  { family: "trocr", orgs: ["microsoft"], repos: [] },
  { family: "kokoro", orgs: ["hexgrad"], repos: [] },
  { family: "bark", orgs: ["suno"], repos: [] },
  { family: "ltx-video", orgs: ["lightricks"], repos: [] },
  { family: "mochi", orgs: ["genmo"], repos: [] },
];
