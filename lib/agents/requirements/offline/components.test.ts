import { describe, expect, it } from "vitest";
import { extractFromText } from "./extract";
import { extractCpuOnly, extractGpuSharing } from "./hardware-intent";
import { extractDataGb } from "./data-size";
import { unknownProductName } from "./unknown-names";

const parts = (text: string) => (extractFromText(text).spec.components ?? []).map((c) => [c.kind, c.tool ?? c.model?.name ?? null]);

describe("the parts of a request (components[])", () => {
  it("a RAG stack keeps every named part: the LLM first, the embeddings model, the vector database", () => {
    expect(parts("A RAG stack: bge-large embeddings, a vector database, and Llama 3 8B")).toEqual([
      ["llm", "Llama 3 8B"],
      ["embeddings", "BGE Large"],
      ["vector_db", null],
    ]);
  });
  it("a voice assistant keeps both speech parts: the one that transcribes and the one that speaks", () => {
    expect(parts("voice assistant: whisper large v3 + llama 3.1 8b + some tts").map(([k]) => k)).toEqual(["llm", "speech", "speech"]);
    expect(extractFromText("text to speech with XTTS v2").spec.components?.map((c) => c.kind)).toEqual(["speech"]);
  });
  it("two LLMs are alternatives, not two parts", () => {
    expect(parts("serve Llama 3 8B or Mistral 7B for a chatbot").filter(([k]) => k === "llm")).toHaveLength(1);
  });
  it("a RAG workload implies its retrieval parts, and says so", () => {
    const r = extractFromText("RAG chatbot with Mistral 7B over our PDFs");
    expect(r.spec.components?.map((c) => c.kind)).toEqual(["llm", "embeddings", "vector_db"]);
    expect(r.extras.notes?.join(" ")).toMatch(/RAG stack needs .*vector database/);
  });
  it("tools become their parts; Prometheus and Grafana, and Postgres with pgvector, stay one part", () => {
    expect(parts("qdrant + mlflow + ray cluster")).toEqual([["vector_db", "qdrant"], ["tracking", "mlflow"], ["distributed", "ray"]]);
    expect(parts("chatbot with mistral 7b + postgres w/ pgvector").map(([k]) => k)).toEqual(["llm", "vector_db"]);
  });
  it("a tool named without a model invents none", () => {
    const s = extractFromText("I just need the MLflow tracking server and model registry").spec;
    expect(s.model).toBeUndefined();
    expect(s.components).toEqual([{ kind: "tracking", tool: "mlflow" }]);
  });
  it("a negated part is not a part", () => {
    expect(parts("search stack with bge-large and qdrant, no monitoring").map(([k]) => k)).not.toContain("monitoring");
  });
  it("team notebooks with nothing to serve are a development environment for N users", () => {
    const s = extractFromText("JupyterHub for 8 ML engineers").spec;
    expect(s).toMatchObject({ task: "development", users: 8 });
    expect(extractFromText("spin up jupyterhub for a 50-person hackathon").spec.users).toBe(50);
    expect(extractFromText("notebooks para 25 alumnos").spec.users).toBe(25);
  });
});

describe("no-GPU wishes, sharing wishes, data sizes, unknown names", () => {
  it.each([
    ["Serve all-MiniLM-L6-v2 on CPU only", true],
    ["no GPUs please, just cheap cpu instances", true],
    ["Embeddings nur auf CPU", true],
    ["sin GPU, solo CPU", true],
    ["je veux servir phi-3 en CPU uniquement (pas de GPU)", true],
    ["deploy llama 3 70b on 4 H100s", undefined],
    ["is a CPU enough? or do I need a GPU", undefined],
    ["the model is not cpu only", undefined],
    ["Batch image classification on CPU-friendly budget", undefined],
  ])("%s → cpu_only %s", (text, want) => expect(extractCpuOnly(text)).toBe(want));

  it.each([
    ["one MIG slice each", "mig"],
    ["16 people, time-slicing is ok", "time_slicing"],
    ["gpus shared between participants", "shared"],
    ["con GPU compartida", "shared"],
    ["each gets one GPU", undefined],
  ])("%s → sharing %s", (text, want) => expect(extractGpuSharing(text)).toBe(want));

  it.each([
    ["RAG over 200GB of PDFs", 200],
    ["a 2 TB dataset of images", 2000],
    ["index about 1.5TB", 1500],
    ["a 24GB GPU for 500 MB of documents", 0.5],
    ["an 80 GB GPU", undefined],
    ["64 GB RAM", undefined],
  ])("%s → data %s GB", (text, want) => expect(extractDataGb(text)).toBe(want));

  it("an unknown product asked for is named back; ordinary words are not products", () => {
    expect(unknownProductName("install zorblaxdb for me")).toBe("zorblaxdb");
    expect(unknownProductName("I need some GPUs")).toBeUndefined();
    expect(unknownProductName("I want to deploy something cheap")).toBeUndefined();
  });
});
