import { describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getCatalogCounts } from "@/db/queries/catalog-stats";
import { k8sSearch } from "@/lib/tools/k8s-search";
import { hfSearch } from "@/lib/tools/hf-search";
import { lookupModels, quantizedVariants } from "@/lib/tools/model-lookup";

export function catalogSearchSuite(h: () => DbHandle) {
  describe("catalog contents", () => {
    it("meets the catalog size targets", async () => {
      const c = await getCatalogCounts(h());
      expect(c.instances).toBeGreaterThanOrEqual(20_000);
      expect(c.providers).toBeGreaterThanOrEqual(20);
      expect(c.packages).toBeGreaterThanOrEqual(390);
      expect(c.package_versions).toBeGreaterThanOrEqual(50_000);
      expect(c.models).toBeGreaterThanOrEqual(30_000);
      expect(c.card_chunks).toBeGreaterThanOrEqual(30_000);
    });
  });

  describe("model look-ups on the real catalog", () => {
    it("official quantized repos of a model: its own organisation and the official quantizers, never re-uploads", async () => {
      const qwen = (await quantizedVariants(h(), "Qwen/Qwen2.5-72B-Instruct")).map((m) => m.id);
      expect(qwen).toContain("Qwen/Qwen2.5-72B-Instruct-AWQ");
      for (const id of qwen) expect(id).toMatch(/^Qwen\/Qwen2\.5-72B-Instruct-/);
      const llama = await quantizedVariants(h(), "meta-llama/Meta-Llama-3.1-70B-Instruct");
      expect(llama.map((m) => m.id)).toEqual(expect.arrayContaining(["hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4", "RedHatAI/Meta-Llama-3.1-70B-Instruct-FP8-dynamic"]));
      expect(llama.find((m) => m.id.endsWith("AWQ-INT4"))).toMatchObject({ precision: "int4", quantization: "awq" });
      expect(llama.some((m) => /MaziyarPanahi|bartowski/.test(m.id))).toBe(false);
    });

    it("lookupModels returns catalog models by exact id, in the order asked, skipping unknown ids", async () => {
      const r = await lookupModels(h(), ["black-forest-labs/FLUX.1-dev", "nobody/none", "BAAI/bge-large-en-v1.5"]);
      expect(r.map((m) => m.id)).toEqual(["black-forest-labs/FLUX.1-dev", "BAAI/bge-large-en-v1.5"]);
      expect(r[0].license).toBe("flux-1-dev-non-commercial-license");
    });
  });

  describe("k8s search on the real catalog", () => {
    const top = async (query: string, k = 3) => (await k8sSearch(h(), { query, top_k: k })).results.map((r) => r.name);

    it("'mlflow' puts the MLflow chart in the top 3", async () => {
      expect(await top("mlflow")).toContain("mlflow");
    });

    it("finds what people type: ray, jupyter, vllm, prometheus, postgres", async () => {
      expect((await top("ray")).some((n) => /ray/.test(n))).toBe(true);
      expect(await top("jupyter")).toContain("jupyterhub");
      expect((await top("vllm")).some((n) => /vllm/.test(n))).toBe(true);
      expect(await top("prometheus")).toContain("prometheus");
      expect(await top("postgres")).toContain("postgresql");
    });

    it("ranks by bucketed score, then stars, official first, then name; hides deprecated", async () => {
      const r = await k8sSearch(h(), { query: "monitoring", top_k: 50 });
      for (let i = 1; i < r.results.length; i++) {
        const [a, b] = [r.results[i - 1], r.results[i]];
        expect(a.score).toBeGreaterThanOrEqual(b.score);
        if (a.score === b.score && (a.stars ?? -1) === (b.stars ?? -1) && a.official === b.official) {
          expect(a.name <= b.name).toBe(true);
        }
        if (a.score === b.score && (a.stars ?? -1) === (b.stars ?? -1)) expect(Number(a.official)).toBeGreaterThanOrEqual(Number(b.official));
      }
      expect(r.results.every((x) => !x.deprecated)).toBe(true);
      const withDeprecated = await k8sSearch(h(), { query: "monitoring", top_k: 100, include_deprecated: true });
      expect(withDeprecated.total_matches).toBeGreaterThanOrEqual(r.total_matches);
    });

    it("every result carries a helm install command", async () => {
      const r = await k8sSearch(h(), { query: "database", top_k: 15 });
      for (const x of r.results) expect(x.install_command).toMatch(/^(helm |git clone )/);
    });
  });

  describe("hf search on the real catalog", () => {
    it("'stable diffusion xl' puts SDXL models in the top 5", async () => {
      const r = await hfSearch(h(), { query: "stable diffusion xl", top_k: 5 });
      expect(r.retrieval).toBe("fulltext");
      expect(r.results.some((m) => /stable-diffusion-xl|sdxl/i.test(m.id))).toBe(true);
    });

    it("'llama 3 70b instruct' puts Meta's 70B instruct models first", async () => {
      const r = await hfSearch(h(), { query: "llama 3 70b instruct", top_k: 5 });
      expect(r.results[0].id).toMatch(/^meta-llama\/.*70B-Instruct$/i);
    });

    it("scores are 0.6 × relevance + 0.4 × popularity, in [0,1], best first", async () => {
      const r = await hfSearch(h(), { query: "whisper speech recognition", top_k: 5 });
      expect(r.results.length).toBe(5);
      for (const m of r.results) {
        expect(m.score).toBeCloseTo(0.6 * m.relevance + 0.4 * m.popularity, 2);
        for (const v of [m.relevance, m.popularity, m.score]) expect(v >= 0 && v <= 1).toBe(true);
      }
      const scores = r.results.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it("filters by task and by max params", async () => {
      const r = await hfSearch(h(), { query: "llama instruct", task: "text-generation", max_params_b: 10, top_k: 5 });
      expect(r.results.length).toBeGreaterThan(0);
      for (const m of r.results) {
        expect(["text-generation", "text2text-generation", "conversational"]).toContain(m.pipeline_tag);
        if (m.params_b !== null) expect(m.params_b).toBeLessThanOrEqual(10);
      }
    });
  });
}
