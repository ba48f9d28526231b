/**
 * Tools and platform components the user wants alongside the workload, as lower-case ids that
 * match package names ("mlflow", "ray", "jupyterhub", "vllm", "qdrant" …).
 */
import { isNegated } from "./negation";
import { utterance, type Said } from "./utterance";

export const TOOLS: [string, RegExp][] = [
  ["mlflow", /\bml\s?flow\b/],
  ["ray", /\bkuberay\b|\bray\s+(?:serve|train|tune|data|cluster|clusters|on\s+k8s|on\s+kubernetes)\b|(?<![-\w])ray(?![-\w])(?!\s+(?:tracing|traced|of|ban|charles))/],
  ["kubeflow", /\bkubeflow\b|\bkfp\b/],
  ["jupyterhub", /\bjupyter(?:\s?hub|\s?lab)?\b|\bnotebooks?\s+server\b/],
  ["airflow", /\bairflow\b/],
  ["prometheus", /\bprometheus\b/],
  ["grafana", /\bgrafana\b/],
  ["vllm", /\bvllm\b/],
  ["tgi", /\btgi\b|\btext[\s-]generation[\s-]inference\b/],
  ["triton", /\btriton(?:\s+inference\s+server)?\b/],
  ["tensorrt-llm", /\btensorrt[\s-]?llm\b|\btrt[\s-]?llm\b/],
  ["sglang", /\bsglang\b/],
  ["llama.cpp", /\bllama\.?cpp\b/],
  ["kserve", /\bkserve\b/],
  ["seldon", /\bseldon(?:\s+core)?\b/],
  ["bentoml", /\bbento\s?ml\b/],
  ["ollama", /\bollama\b/],
  ["open-webui", /\bopen[\s-]?web[\s-]?ui\b/],
  ["comfyui", /\bcomfy\s?ui\b/],
  ["stable-diffusion-webui", /\b(?:automatic1111|a1111|stable[\s-]diffusion[\s-]web[\s-]?ui|sd[\s-]web[\s-]?ui)\b/],
  ["litellm", /\blitellm\b/],
  ["qdrant", /\bqdrant\b/],
  ["milvus", /\bmilvus\b/],
  ["weaviate", /\bweaviate\b/],
  ["chroma", /\bchroma(?:\s?db)?\b/],
  ["pgvector", /\bpgvector\b/],
  ["postgres", /\bpostgres(?:ql)?\b|\bpsql\b/],
  ["redis", /\bredis\b/],
  ["minio", /\bminio\b/],
  ["argo", /\bargo(?:\s+workflows?)?\b(?!\s*cd)/],
  ["argocd", /\bargo\s?cd\b/],
  ["kueue", /\bkueue\b/],
  ["volcano", /\bvolcano(?:\s+scheduler)?\b/],
  ["spark", /\b(?:apache\s+)?spark\b/],
  ["dask", /\bdask\b/],
  ["langfuse", /\blangfuse\b/],
  ["label-studio", /\blabel[\s-]?studio\b/],
  ["wandb", /\bwandb\b|\bweights\s*(?:&|and)\s*biases\b/],
  ["tensorboard", /\btensorboard\b/],
  ["kafka", /\bkafka\b/],
  ["elasticsearch", /\belastic\s?search\b/],
  ["opensearch", /\bopensearch\b/],
  ["mongodb", /\bmongo(?:\s?db)?\b/],
  ["keda", /\bkeda\b/],
  ["knative", /\bknative\b/],
  ["gpu-operator", /\bgpu[\s-]operator\b/],
  ["feast", /\bfeast\b(?=.*\b(?:feature|store)\b)|\bfeast\s+feature\s+store\b/],
  ["dvc", /\bdvc\b/],
  ["clearml", /\bclearml\b/],
  ["n8n", /\bn8n\b/],
  ["flowise", /\bflowise\b/],
  ["dify", /\bdify\b/],
  ["langflow", /\blangflow\b/],
  ["nginx", /\bnginx\b/],
  ["traefik", /\btraefik\b/],
  ["loki", /\bloki\b/],
  ["slurm", /\bslurm\b/],
];

/** Words allowed between a negator and the tool it rules out ("no need for Airflow", "not vLLM or TGI"). */
const TOOL_FILLER = /^(?:\s|,|\/|\(|\bor\b|\band\b|\bnor\b|\bthe\b|\bany\b|\busing\b|\buse\b|\bwith\b|\ba\b|\ban\b|\bneed\b|\bfor\b|\bwant\b|\bapache\b|\bmore\b)*$/;

export interface ToolsExtraction {
  tools: string[];
}

export function extractTools(said: Said): ToolsExtraction {
  const t = utterance(said).lower;
  const found: { id: string; start: number; end: number }[] = [];
  for (const [id, re] of TOOLS) {
    const m = re.exec(t);
    if (m) found.push({ id, start: m.index, end: m.index + m[0].length });
  }
  // Negated tools ("no airflow", "without ray", "not vLLM or TGI") are dropped.
  const tools = found
    .filter((f) => !isNegated(t, f, TOOL_FILLER, found))
    .sort((a, b) => a.start - b.start)
    .map((f) => f.id);
  return { tools: [...new Set(tools)] };
}
