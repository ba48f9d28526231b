import { describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { hfSearch } from "@/lib/tools/hf-search";
import { k8sSearch } from "@/lib/tools/k8s-search";

/**
 * "Model ranking people can trust" on the real catalog snapshot: the searches the plan makes (a named
 * model: `{ query: name, top_k: 5 }`, as lib/agents/architect/derive.ts and lib/tools/catalog-tools.ts
 * do) put the original publisher's repo in the top 3, ahead of re-uploads, forks and device builds.
 */
interface RankCase {
  query: string;
  task?: string;
  popular_in_task?: boolean;
  /** Each must be in the top 3. */
  top3: RegExp[];
  /** None may be in the top 3. */
  notTop3?: RegExp[];
  /** [a, b]: a ranks ahead of b (b may be absent). */
  ahead?: [string, string];
}

const CASES: RankCase[] = [
  { query: "YOLOv8 object detection", top3: [/^Ultralytics\/YOLO26$/], notTop3: [/^Tuzelkhan\/drone-yolov8$/] },
  { query: "YOLOv8", task: "object-detection", top3: [/^Ultralytics\/YOLO26$/], ahead: ["Ultralytics/YOLO26", "Tuzelkhan/drone-yolov8"] },
  { query: "SDXL", top3: [/^stabilityai\/stable-diffusion-xl-base-1\.0$/], notTop3: [/^mainbrains\//], ahead: ["stabilityai/stable-diffusion-xl-base-1.0", "mainbrains/stable-diffusion-xl-base-1.0"] },
  { query: "stable diffusion xl", top3: [/^stabilityai\/stable-diffusion-xl-base-1\.0$/], notTop3: [/^mainbrains\//], ahead: ["stabilityai/stable-diffusion-xl-base-1.0", "mainbrains/stable-diffusion-xl-base-1.0"] },
  { query: "Whisper large v3", top3: [/^openai\/whisper-large-v3$/, /^openai\/whisper-large-v3-turbo$/], notTop3: [/^mainbrains\//, /^kingartyqueen\//] },
  { query: "bge large", top3: [/^BAAI\/bge-large-en-v1\.5$/], notTop3: [/^Xenova\//] },
  { query: "llama 3.1 8b instruct", top3: [/^meta-llama\/Llama-3\.1-8B-Instruct$/], notTop3: [/^RedHatAI\//] },
  { query: "gpt-oss 20b", top3: [/^openai\/gpt-oss-20b$/], notTop3: [/^erenyeager-1\//, /^Noah-H309\//] },
  { query: "gpt oss 120b", top3: [/^openai\/gpt-oss-120b$/], ahead: ["openai/gpt-oss-120b", "HieuTruongCong/gpt-oss-120b"] },
  { query: "Qwen3 8B", top3: [/^Qwen\/Qwen3-8B$/], notTop3: [/rknn/i, /gguf/i, /^Tonycoder11\//] },
  { query: "qwen3", top3: [/^Qwen\//], notTop3: [/^(?!Qwen\/)/] },
  { query: "mistral 7b instruct", top3: [/^mistralai\/Mistral-7B-Instruct-v0\.3$/], notTop3: [/^(?!mistralai\/)/] },
  { query: "gemma 3 1b", top3: [/^google\/gemma-3-1b-it$/], ahead: ["google/gemma-3-1b-it", "kerasformers/gemma-3-1b-it"] },
  { query: "FLUX.1 dev", top3: [/^black-forest-labs\/FLUX\.1-dev$/], ahead: ["black-forest-labs/FLUX.1-dev", "Omnico/Flux.1_Schnell-Dev_diff_loras"] },
  { query: "flux schnell", top3: [/^black-forest-labs\/FLUX\.1-schnell$/], ahead: ["black-forest-labs/FLUX.1-schnell", "Comfy-Org/flux1-schnell"] },
  { query: "sam vit huge", top3: [/^facebook\/sam-vit-huge$/] },
  { query: "trocr", top3: [/^microsoft\/trocr-/], notTop3: [/^(?!microsoft\/)/] },
  { query: "all MiniLM L6 v2", top3: [/^sentence-transformers\/all-MiniLM-L6-v2$/], notTop3: [/^aneforge\//, /^obrizum\//], ahead: ["sentence-transformers/all-MiniLM-L6-v2", "Xenova/all-MiniLM-L6-v2"] },
  { query: "bge reranker", top3: [/^BAAI\/bge-reranker-/], notTop3: [/^Nalyd1908\//] },
  { query: "whisper", top3: [/^openai\/whisper-large-v3/], notTop3: [/^(?!openai\/)/] },
  { query: "qwen2.5 72b instruct", top3: [/^Qwen\/Qwen2\.5-72B-Instruct$/], notTop3: [/^(?!Qwen\/)/], ahead: ["Qwen/Qwen2.5-72B-Instruct", "Devastaticglitch/Qwen2.5-72B-Instruct"] },
  { query: "qwen3 coder", top3: [/^Qwen\/Qwen3-Coder-30B-A3B-Instruct$/], ahead: ["Qwen/Qwen3-Coder-30B-A3B-Instruct", "unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF"] },
  { query: "mixtral 8x7b instruct", top3: [/^mistralai\/Mixtral-8x7B-Instruct-v0\.1$/], notTop3: [/^ccm01081122\//, /^TheBloke\//], ahead: ["mistralai/Mixtral-8x7B-Instruct-v0.1", "ccm01081122/Mixtral-8x7B-Instruct-v0.1"] },
  { query: "deepseek r1 distill qwen 32b", top3: [/^deepseek-ai\/DeepSeek-R1-Distill-Qwen-32B$/], notTop3: [/gguf|awq/i], ahead: ["deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "beita6969/DeepSeek-R1-Distill-Qwen-32B-Medical"] },
  { query: "llama 3.2 1b instruct", top3: [/^meta-llama\/Llama-3\.2-1B-Instruct$/], ahead: ["meta-llama/Llama-3.2-1B-Instruct", "unsloth/Llama-3.2-1B-Instruct"] },
  { query: "gemma 3 27b", top3: [/^google\/gemma-3-27b-it$/], ahead: ["google/gemma-3-27b-it", "kerasformers/gemma-3-27b-it"] },
  { query: "phi 3 mini", top3: [/^microsoft\/Phi-3-mini-(4k|128k)-instruct$/], notTop3: [/^(?!microsoft\/)/] },
  { query: "phi-2", top3: [/^microsoft\/phi-2$/], ahead: ["microsoft/phi-2", "mlx-community/phi-2"] },
  { query: "clip vit large", top3: [/^openai\/clip-vit-large-patch14$/], notTop3: [/^(?!openai\/)/] },
  { query: "bge m3", top3: [/^BAAI\/bge-m3$/], notTop3: [/^jiaqi-22\//, /^rockus\//], ahead: ["BAAI/bge-m3", "jiaqi-22/bge-m3"] },
  // intfloat's own e5 repos are not in the snapshot: the most-used port leads a personal GGUF conversion.
  { query: "multilingual e5 small", top3: [/^Xenova\/multilingual-e5-small$/], ahead: ["Xenova/multilingual-e5-small", "TwinSunsLLC/multilingual-e5-small-gguf"] },
  // Asked for by its organisation or format, a re-upload or build is what was asked for.
  { query: "Xenova all MiniLM L6 v2", top3: [/^Xenova\/all-MiniLM-L6-v2$/] },
  { query: "gpt-oss 20b gguf", top3: [/^unsloth\/gpt-oss-20b-GGUF$/] },
];

const label = (c: RankCase) => `${c.query}${c.task ? ` [${c.task}]` : ""}`;

export function modelRankingSuite(h: () => DbHandle) {
  describe("model ranking: official repos first", () => {
    for (const c of CASES) {
      it(`"${label(c)}" → top 3 has ${c.top3.map(String).join(", ")}`, async () => {
        const r = await hfSearch(h(), { query: c.query, top_k: 5, ...(c.task ? { task: c.task } : {}), ...(c.popular_in_task ? { popular_in_task: true } : {}) });
        const ids = r.results.map((m) => m.id);
        const top3 = ids.slice(0, 3);
        for (const want of c.top3) expect(top3.some((id) => want.test(id)), `${want} in ${top3.join(", ")}`).toBe(true);
        for (const not of c.notTop3 ?? []) expect(top3.filter((id) => not.test(id)), `${not} in ${top3.join(", ")}`).toEqual([]);
        if (c.ahead) {
          const [a, b] = c.ahead;
          expect(ids).toContain(a);
          if (ids.includes(b)) expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
        }
        for (const m of r.results) expect(m.score).toBeCloseTo(0.6 * m.relevance + 0.4 * m.popularity, 2);
      });
    }

    it("matched_text is plain text: no table rows, backticks, link syntax, HTML, bold marks or entities", async () => {
      const queries = [
        "whisper large v3", "qwen3", "YOLOv8 object detection", "stable diffusion xl", "bge large", "llama 3.1 8b instruct", "table transformer", "install pip",
        "flux dev license", "llama 3.1 license", "r1 1776 blog", "qwen3 blog", "clip vit",
      ];
      let seen = 0;
      for (const query of queries) {
        const r = await hfSearch(h(), { query, top_k: 10 });
        for (const m of r.results) {
          if (m.matched_text === undefined) continue;
          seen++;
          expect(m.matched_text, m.id).not.toMatch(/\||`|\]\(|\[https?:|<\/?[a-z][a-z0-9]*[\s>/]|\*\*|!\[|&[a-z]+;/i);
          expect(m.matched_text.trim().length, m.id).toBeGreaterThan(0);
        }
      }
      expect(seen).toBeGreaterThan(10);
    });

    it("the family lookup costs one extra query, and only when the candidates lack the publisher's repos", async () => {
      const counted = () => {
        const base = h();
        const box = { n: 0 };
        const handle: DbHandle = { ...base, query: (q) => (box.n++, base.query(q)) };
        return { handle, box };
      };
      const named = counted();
      const a = await hfSearch(named.handle, { query: "llama 3.1 8b instruct", top_k: 5 });
      const family = counted();
      const b = await hfSearch(family.handle, { query: "YOLOv8", top_k: 5 });
      expect(a.results[0]?.id).toBe("meta-llama/Llama-3.1-8B-Instruct");
      expect(b.results.map((m) => m.id)).toContain("Ultralytics/YOLO26");
      // Same candidate queries (model text + the rows); YOLOv8 adds the Ultralytics lookup, as full rows.
      expect(family.box.n).toBe(named.box.n + 1);
    });

    it("chart descriptions reach the plan as plain prose (no alert markers or markdown links)", async () => {
      const r = await k8sSearch(h(), { query: "synthetic monitoring agent", top_k: 10 });
      const d = r.results.find((p) => /Synthetic Monitoring application/.test(p.description));
      expect(d, r.results.map((p) => p.name).join(", ")).toBeDefined();
      expect(d!.description).toContain("recommended installation methods listed in the public docs");
      expect(d!.description).not.toMatch(/\[!NOTE\]|\]\(|\s>\s/);
    });
  });
}
