import { describe, expect, it } from "vitest";
import { extractConcurrency } from "./concurrency";
import { extractContext } from "./context";
import { extractSpot } from "./spot";
import { extractTools } from "./tools";

describe("extractSpot", () => {
  it.each([
    ["spot instances are fine", true],
    ["preemptible is ok", true],
    ["interruptible GPUs", true],
    ["cheapest possible even if interrupted", true],
    ["no spot", false],
    ["on-demand only", false],
    ["it can't be interrupted", false],
    ["we found the sweet spot", undefined],
    ["spot on", undefined],
  ])("%s → %s", (text, v) => {
    expect(extractSpot(text).spot_ok).toBe(v);
  });
});

describe("extractTools", () => {
  it.each([
    ["Fine-tune language model with MLflow", ["mlflow"]],
    ["Ray cluster with Kubeflow", ["ray", "kubeflow"]],
    ["JupyterHub and Airflow", ["jupyterhub", "airflow"]],
    ["Prometheus/Grafana monitoring", ["prometheus", "grafana"]],
    ["vLLM or TGI behind KServe", ["vllm", "tgi", "kserve"]],
    ["Ollama with Open WebUI", ["ollama", "open-webui"]],
    ["Qdrant, Milvus, Weaviate or Chroma", ["qdrant", "milvus", "weaviate", "chroma"]],
    ["postgres, redis and minio", ["postgres", "redis", "minio"]],
    ["Argo Workflows, Kueue and Volcano", ["argo", "kueue", "volcano"]],
    ["Spark or Dask, Langfuse, Label Studio", ["spark", "dask", "langfuse", "label-studio"]],
    ["Triton inference server", ["triton"]],
    ["x-ray image classification", []],
    ["no airflow please, just mlflow", ["mlflow"]],
  ])("%s", (text, tools) => {
    expect(extractTools(text).tools).toEqual(tools);
  });
});

describe("extractContext", () => {
  it.each([
    ["32k context", 32768],
    ["128K tokens", 131072],
    ["context of 8192", 8192],
    ["8k context window", 8192],
    ["max_model_len 16384", 16384],
    ["100k-token context", 100000],
    ["context length: 4096", 4096],
  ])("%s → %s", (text, v) => {
    expect(extractContext(text).context_length).toBe(v);
  });
  it.each(["trained on 15B tokens", "$32k per year", "50 tokens per second", "Llama 3 8B"])("none in %s", (text) => {
    expect(extractContext(text).context_length).toBeUndefined();
  });
});

describe("extractConcurrency", () => {
  it.each([
    ["50 concurrent users", { concurrency: 50 }],
    ["100 requests in parallel", { concurrency: 100 }],
    ["20 simultaneous users", { concurrency: 20 }],
    ["concurrency of 8", { concurrency: 8 }],
    ["batch size 16", { batch_size: 16 }],
    ["a chatbot for 200 users", { users: 200 }],
    ["10 requests per second", { requests_per_second: 10 }],
    ["600 rpm", { requests_per_second: 10 }],
    ["1000 daily users", { daily_users: 1000 }],
  ])("%s", (text, expected) => {
    expect(extractConcurrency(text)).toEqual(expected);
  });
});
