import { describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { classifyRegion, regionMatchesIntent } from "@/lib/agents/requirements";
import { extractRegions } from "@/lib/agents/requirements/offline/regions";
import { resolveUserGpu } from "@/lib/gpu/specs";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import type { ChatResponse } from "@/lib/schemas/chat";
import { ask, converse, reply } from "../api-client";
import { expectClarification, expectPlanInvariants, perGpu, useOfflineRoutes } from "./chat-helpers";

/** A plan for `message` (answering clarifications with `answers`), checked against the invariants. */
async function planFor(message: string, answers: string[] = []) {
  const { start, responses } = await converse(message, answers);
  const last = responses[responses.length - 1];
  expect(last.type, `"${message}" → ${JSON.stringify(last.clarification)}`).toBe("plan");
  return { start, responses, r: last, plan: expectPlanInvariants(last) };
}
const cheapest = (r: ChatResponse) => r.plan!.compute[0];
const paramsOk = (x: number | null | undefined, target: number, tol = 0.15) => x !== null && x !== undefined && Math.abs(x - target) / target <= tol;

/**
 * API-level scenarios with the offline engine: conversation in, clarification or plan out, through
 * the real route handlers and the real catalog. Assertions are behaviour derived from the catalog
 * and the sizing (inequalities, membership, ordering, consistency), never instance names or prices.
 */
export function chatScenarioSuite(h: () => DbHandle) {
  describe("chat scenarios (offline engine, real catalog)", () => {
    useOfflineRoutes(h);

    describe("the original five", () => {
      it("(1) I need to deploy Llama 70B for inference → compute[0] holds a 70B model", async () => {
        const { r, plan } = await planFor("I need to deploy Llama 70B for inference");
        expect(r.spec).toMatchObject({ task: "inference", modality: "llm" });
        expect(r.spec.model?.params_b).toBeGreaterThanOrEqual(69);
        expect(plan.sizing.memory_gb_required).toBeGreaterThanOrEqual(140); // 70B × 2 B (bf16)
        expect(plan.sizing.formula).toMatch(/weights .*70(\.\d)?B × 2 B/);
        expect(plan.sizing.breakdown.weights).toBeGreaterThanOrEqual(140);
        expect(cheapest(r).gpu_memory_gb).toBeGreaterThanOrEqual(plan.sizing.memory_gb_required);
        expect(plan.models.length).toBeGreaterThan(0);
        expect(paramsOk(plan.models[0].params_b, 70)).toBe(true);
        expect(plan.packages.some((p) => /vllm/i.test(p.name))).toBe(true);
        expect(plan.fits_budget).toBeNull();
      });

      it("(2) Train object detection model, $3000/mo, 2x24GB GPUs → within budget, ≥ 2 GPUs of ≥ 24 GB", async () => {
        const { r, plan } = await planFor("Train object detection model, $3000/mo, 2x24GB GPUs");
        expect(r.spec).toMatchObject({ task: "training", modality: "vision", budget_monthly_usd: 3000, gpu: { count: 2, memory_gb_per_gpu: 24 } });
        expect(plan.fits_budget).toBe(true);
        expect(plan.estimated_monthly_cost_usd!).toBeLessThanOrEqual(3000);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) {
          expect(c.monthly_cost_usd).toBeLessThanOrEqual(3000);
          expect(c.gpu_count).toBeGreaterThanOrEqual(2);
          expect(perGpu(c)).toBeGreaterThanOrEqual(24);
        }
        expect(plan.packages.some((p) => /train|ray/i.test(p.name))).toBe(true);
      });

      it("(3) Help me set up Stable Diffusion XL → SDXL models and GPU instances that hold it on one GPU", async () => {
        const { r, plan } = await planFor("Help me set up Stable Diffusion XL");
        expect(r.spec.modality).toBe("image_generation");
        expect(plan.models.some((m) => /stable-diffusion-xl|sdxl/i.test(m.id))).toBe(true);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(perGpu(c) * 0.9 + 0.1).toBeGreaterThanOrEqual(plan.sizing.memory_gb_required);
      });

      it("(4) Fine-tune language model with MLflow, $2000/mo, AWS → the MLflow chart, AWS only", async () => {
        const { r, plan } = await planFor("Fine-tune language model with MLflow, $2000/mo, AWS");
        expect(r.spec).toMatchObject({ task: "fine_tuning", providers: ["aws"], budget_monthly_usd: 2000 });
        expect(plan.packages.some((p) => p.name === "mlflow")).toBe(true);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(c.provider).toBe("aws");
      });

      it("(5) I need some GPUs → 1–3 questions with options, no plan", async () => {
        const { response } = await ask("I need some GPUs");
        const qs = expectClarification(response);
        expect(qs.map((q) => q.id)).toEqual(expect.arrayContaining(["workload", "task"]));
      });
    });

    describe("models and sizes", () => {
      it("llama-3.1-8b-instruct: sized as an 8B model, far less than 70B, and never more expensive", async () => {
        const small = await planFor("Serve llama-3.1-8b-instruct");
        const big = await planFor("Serve Llama 3.1 70B Instruct");
        expect(paramsOk(small.r.spec.model?.params_b, 8)).toBe(true);
        expect(small.plan.sizing.memory_gb_required).toBeGreaterThanOrEqual(16); // 8B × 2 B
        expect(small.plan.sizing.memory_gb_required * 4).toBeLessThan(big.plan.sizing.memory_gb_required);
        expect(cheapest(small.r).monthly_cost_usd).toBeLessThanOrEqual(cheapest(big.r).monthly_cost_usd);
        expect(small.plan.models.some((m) => /llama-3\.1-8b-instruct/i.test(m.id))).toBe(true);
      });

      it("Mixtral 8x7B on GCP: all ~47B parameters are held in bf16, GCP only", async () => {
        const { r, plan } = await planFor("Mixtral 8x7B inference on GCP");
        expect(paramsOk(r.spec.model?.params_b, 46.7)).toBe(true);
        expect(plan.sizing.memory_gb_required).toBeGreaterThanOrEqual(r.spec.model!.params_b! * 2);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(c.provider).toBe("gcp");
        expect(plan.models.some((m) => /mixtral-8x7b/i.test(m.id))).toBe(true);
      });

      it("Whisper large for transcription in Europe: asks serve-or-train, then plans speech in European regions", async () => {
        const { responses } = await converse("Whisper large for transcription, in Europe", ["Inference / serving"]);
        const first = responses[0];
        if (first.type === "clarification") expect(first.clarification!.questions.map((q) => q.id)).toContain("task");
        const last = responses[responses.length - 1];
        const plan = expectPlanInvariants(last);
        expect(last.spec).toMatchObject({ task: "inference", modality: "speech" });
        expect(plan.models.some((m) => /whisper/i.test(m.id))).toBe(true);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(classifyRegion(c.region).area, c.region).toBe("eu");
      });

      it("YOLOv8 training with '3k a month': budget read as 3000, every option within it", async () => {
        const { r, plan } = await planFor("Train YOLOv8 on my dataset, budget 3k a month");
        expect(r.spec).toMatchObject({ task: "training", modality: "vision", budget_monthly_usd: 3000 });
        expect(plan.fits_budget).toBe(true);
        for (const c of plan.compute) expect(c.monthly_cost_usd).toBeLessThanOrEqual(3000);
      });

      it("Qwen2.5 72B in 4-bit: int4 needs a fraction of bf16's memory and never costs more", async () => {
        const q4 = await planFor("Qwen2.5 72B in 4-bit for inference");
        const bf = await planFor("Qwen2.5 72B for inference in bf16");
        expect(q4.r.spec.precision).toBe("int4");
        expect(bf.r.spec.precision).toBe("bf16");
        expect(q4.plan.sizing.breakdown.weights).toBeLessThan(bf.plan.sizing.breakdown.weights / 3);
        expect(q4.plan.sizing.memory_gb_required).toBeGreaterThanOrEqual(72 * 0.5);
        expect(q4.plan.sizing.memory_gb_required).toBeLessThan(bf.plan.sizing.memory_gb_required);
        expect(cheapest(q4.r).monthly_cost_usd).toBeLessThanOrEqual(cheapest(bf.r).monthly_cost_usd);
      });

      it("gpt-oss-120b, not azure: a ~117B model, and no Azure option", async () => {
        const { r, plan } = await planFor("Run gpt-oss-120b, not azure");
        expect(paramsOk(r.spec.model?.params_b, 117)).toBe(true);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(c.provider).not.toBe("azure");
        expect(plan.models.some((m) => m.id === r.spec.model?.hf_id || /gpt-oss-120b/i.test(m.id))).toBe(true);
      });

      it("DeepSeek-R1 671B: weights alone exceed 671 GB in fp8, and every option holds the total", async () => {
        const { r, plan } = await planFor("Serve DeepSeek-R1 671B");
        expect(plan.sizing.memory_gb_required).toBeGreaterThanOrEqual(671);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(c.gpu_memory_gb).toBeGreaterThanOrEqual(plan.sizing.memory_gb_required);
        expect(r.spec.precision).toBeDefined();
      });
    });

    describe("budgets", () => {
      it("'$2/hr max, spot is fine': budget = 2 × 730, every option within it, a spot option named", async () => {
        const { r, plan } = await planFor("Llama 3.1 8B inference, $2/hr max, spot is fine");
        expect(r.spec.budget_monthly_usd).toBe(2 * HOURS_PER_MONTH);
        expect(r.spec.spot_ok).toBe(true);
        expect(plan.fits_budget).toBe(true);
        // Every option is within it at the price paid: spot where offered (on demand shown beside it).
        for (const c of plan.compute) expect(c.spot_price_per_hour_usd !== null ? Math.min(c.spot_price_per_hour_usd, c.price_per_hour_usd) : c.price_per_hour_usd).toBeLessThanOrEqual(2);
        expect(plan.budget_basis).toBe("spot");
        expect(plan.warnings.some((w) => /^Spot option: /.test(w) || /no spot offer matches/.test(w))).toBe(true);
      });

      it("'under $500 per month' with Prometheus: within budget and the Prometheus chart", async () => {
        const { r, plan } = await planFor("Serve Mistral 7B with Prometheus monitoring, under $500 per month");
        expect(r.spec.budget_monthly_usd).toBe(500);
        expect(plan.fits_budget).toBe(true);
        for (const c of plan.compute) expect(c.monthly_cost_usd).toBeLessThanOrEqual(500);
        expect(plan.packages.some((p) => /prometheus/.test(p.name))).toBe(true);
      });

      it("Llama 405B for $100/month: the cheapest fit over budget, named in a warning with what would fit", async () => {
        const { r, plan } = await planFor("Llama 405B for $100/month", ["Inference / serving"]);
        expect(r.spec.budget_monthly_usd).toBe(100);
        expect(plan.fits_budget).toBe(false);
        expect(plan.estimated_monthly_cost_usd!).toBeGreaterThan(100);
        const top = cheapest(r);
        expect(top.gpu_memory_gb).toBeGreaterThanOrEqual(plan.sizing.memory_gb_required);
        const over = plan.warnings.find((w) => w.startsWith("Over budget"))!;
        expect(over).toBeDefined();
        expect(over).toContain(`${top.provider} ${top.instance_type}`);
        expect(over).toContain("$100/month");
        // What would fit: quantization, or a smaller model / bigger budget when even that does not.
        expect(plan.warnings.some((w) => /What fits the budget: int4|Even with int4 quantization .* nothing fits/.test(w))).toBe(true);
        expect(plan.summary).toMatch(/\*\*over\*\* your \$100\/month budget/);
      });

      it("Whisper on Azure for $200/month: over budget, Azure only, the verdict consistent with the estimate", async () => {
        const { r, plan } = await planFor("Run Whisper large for transcription on azure, budget $200/month", ["Inference / serving"]);
        expect(r.spec.providers).toEqual(["azure"]);
        for (const c of plan.compute) expect(c.provider).toBe("azure");
        if (plan.fits_budget === false) expect(plan.warnings[0]).toMatch(/^Over budget/);
        else for (const c of plan.compute) expect(c.monthly_cost_usd).toBeLessThanOrEqual(200);
      });

      it("a bigger budget never gets a more expensive cheapest option than no budget", async () => {
        const free = await planFor("Serve Llama 3.1 8B");
        const capped = await planFor("Serve Llama 3.1 8B, budget $5000 a month");
        expect(cheapest(capped.r).monthly_cost_usd).toBe(cheapest(free.r).monthly_cost_usd);
        expect(capped.plan.fits_budget).toBe(true);
      });
    });

    describe("GPU constraints", () => {
      it("8 H100s: every option has ≥ 8 H100s", async () => {
        const { r, plan } = await planFor("Llama 3 70B inference on 8 H100s");
        expect(r.spec.gpu?.count).toBe(8);
        const h100 = resolveUserGpu("H100");
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) {
          expect(c.gpu_count).toBeGreaterThanOrEqual(8);
          expect(h100).toContain(c.gpu_model);
        }
        expect(cheapest(r).gpu_memory_gb).toBeGreaterThanOrEqual(plan.sizing.memory_gb_required);
      });

      it("an A100 for fine-tuning Mistral 7B: A100s only (40 or 80 GB), every option holds it per GPU, and it fits", async () => {
        const { r, plan } = await planFor("Fine-tune Mistral 7B on an A100");
        expect(r.spec.task).toBe("fine_tuning");
        const a100 = resolveUserGpu("A100");
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(a100).toContain(c.gpu_model);
        const d = plan.deployments![0];
        expect(d).toMatchObject({ component: "training_job", fits: true });
        expect(d.memory_per_gpu_gb!.needed).toBeLessThanOrEqual(d.memory_per_gpu_gb!.usable);
        expect(d.gpus_per_replica).toBe(cheapest(r).gpu_count);
      });

      it("a single 4090 for SDXL: RTX 4090s only, a 1-GPU option first", async () => {
        const { r, plan } = await planFor("Run SDXL on a single 4090");
        expect(r.spec.gpu?.count).toBe(1);
        const rtx4090 = resolveUserGpu("4090");
        for (const c of plan.compute) expect(rtx4090).toContain(c.gpu_model);
        expect(cheapest(r).gpu_count).toBe(1);
        expect(perGpu(cheapest(r)) * 0.9).toBeGreaterThanOrEqual(plan.sizing.memory_gb_required);
      });

      it("Llama 70B on a single 4090: fits is false, the 4090 is shown as asked, the headline says so and names the cheapest fit", async () => {
        const { plan } = await planFor("Serve Llama 70B on a single 4090");
        expect(plan.compute.length).toBeGreaterThan(0);
        expect(plan.compute[0].gpu_count).toBe(1);
        expect(resolveUserGpu("4090")).toContain(plan.compute[0].gpu_model);
        const d = plan.deployments![0];
        expect(d.fits).toBe(false);
        expect(d.memory_per_gpu_gb!.needed).toBeGreaterThan(d.memory_per_gpu_gb!.usable);
        expect(plan.summary.split(/(?<=\.)\s/)[0]).toMatch(/does not fit .* the cheapest configuration that fits is \*\*\S+ \S+/);
        expect(plan.warning_details![0]).toMatchObject({ severity: "blocker", code: "does_not_fit" });
      });

      it("Llama 3 70B on an A100 (read as one A100): it does not fit, and the headline names the cheapest A100 configuration that does", async () => {
        const { r, plan } = await planFor("Serve Llama 3 70B on an A100");
        const top = cheapest(r);
        const a100 = resolveUserGpu("A100");
        expect(a100).toContain(top.gpu_model);
        const d = plan.deployments![0];
        expect(d.fits).toBe(false);
        expect(plan.warnings[0]).toMatch(new RegExp(`${top.provider} ${top.instance_type} .* cannot hold`));
        const fit = plan.summary.split(/(?<=\.)\s/)[0].match(/cheapest configuration that fits is \*\*(\S+) (\S+) \((\d+)× (\S+),/)!;
        expect(fit).not.toBeNull();
        expect(a100).toContain(fit[4]);
        expect(Number(fit[3])).toBeGreaterThan(1);
      });

      it("8 H100s on a 3k budget for an 8B fine-tune: over budget because of the GPU constraint, and said so", async () => {
        const { r, plan } = await planFor("Fine-tune Llama 3.1 8B with 8 H100s, budget 3k a month");
        expect(r.spec.budget_monthly_usd).toBe(3000);
        expect(plan.fits_budget).toBe(false);
        for (const c of plan.compute) expect(c.gpu_count).toBeGreaterThanOrEqual(8);
        expect(plan.warnings[0]).toMatch(/^Over budget: .* on your GPU constraint \(8× H100/);
      });
    });

    describe("price data dates", () => {
      const stale = (w: string[]) => w.filter((x) => x.startsWith("Stale prices"));
      it("a GPU plan on AWS uses current rows only: no stale-price warning; on Azure it names Dec 2023", async () => {
        const aws = await planFor("Serve Mistral 7B on AWS for a chatbot");
        expect(aws.plan.compute.length).toBeGreaterThan(0);
        for (const c of aws.plan.compute) expect(c.data_as_of).not.toMatch(/^2024/);
        expect(stale(aws.plan.warnings)).toEqual([]);
        const azure = await planFor("Serve Mistral 7B on Azure for a chatbot");
        expect(azure.plan.compute.length).toBeGreaterThan(0);
        expect(stale(azure.plan.warnings)).toHaveLength(1);
        expect(stale(azure.plan.warnings)[0]).toMatch(/^Stale prices: azure \S.* \(2023-12-08\) come from/);
      });
    });

    describe("providers and regions never leak", () => {
      it("in Europe: every option is in a European region", async () => {
        const { plan } = await planFor("Serve Llama 3.1 8B in Europe");
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(classifyRegion(c.region).area, c.region).toBe("eu");
      });

      it("AWS only, us-east-1: that provider in that region", async () => {
        const { r, plan } = await planFor("Serve Llama 3.1 8B, AWS only, us-east-1");
        expect(r.spec.providers).toEqual(["aws"]);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect([c.provider, c.region]).toEqual(["aws", "us-east-1"]);
      });

      it("eu-west-1 on AWS: exactly that region, not the rest of Europe", async () => {
        const { plan } = await planFor("Serve Llama 3.1 8B in eu-west-1 on AWS");
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect([c.provider, c.region]).toEqual(["aws", "eu-west-1"]);
      });

      it("not in the US: no US region", async () => {
        const { plan } = await planFor("Serve Llama 3 70B, not in the US");
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(classifyRegion(c.region).area, c.region).not.toBe("us");
      });

      it("in Germany: European regions only, none of another known country", async () => {
        const intent = extractRegions("in Germany").intent;
        const { plan } = await planFor("Serve Llama 3 70B in Germany");
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) {
          const { area, country } = classifyRegion(c.region);
          expect(area, c.region).toBe("eu");
          if (country) expect(country, c.region).toBe("DE");
          expect(regionMatchesIntent(c.region, intent)).toBe(true);
        }
      });

      it("in Asia: Asian regions only", async () => {
        const { plan } = await planFor("Serve Llama 3.1 8B in Asia");
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(classifyRegion(c.region).area, c.region).toBe("asia");
      });

      it("on lambda or runpod: only those two", async () => {
        const { r, plan } = await planFor("Serve Llama 3.1 8B on lambda or runpod");
        expect([...r.spec.providers!].sort()).toEqual(["lambda", "runpod"]);
        expect(plan.compute.length).toBeGreaterThan(0);
        for (const c of plan.compute) expect(["lambda", "runpod"]).toContain(c.provider);
      });

      it("Oracle cloud is the catalog's 'oci'", async () => {
        const { r, plan } = await planFor("Serve Llama 3.1 70B on Oracle cloud");
        expect(r.spec.providers).toEqual(["oci"]);
        for (const c of plan.compute) expect(c.provider).toBe("oci");
      });

      it("a provider that is not in the catalog: no invented options, a warning with the nearest alternative", async () => {
        const { r, plan } = await planFor("Serve Llama 3.1 8B on Hetzner");
        expect(r.spec.providers).toEqual(["hetzner"]);
        expect(plan.compute).toEqual([]);
        expect(plan.estimated_monthly_cost_usd).toBeNull();
        expect(plan.fits_budget).toBeNull();
        expect(plan.warnings.some((w) => /^No hetzner instance matches; .*without the provider filter/.test(w))).toBe(true);
        expect(plan.summary).toMatch(/No catalog instance matches/);
        expect(plan.models.length).toBeGreaterThan(0);
      });

      it("spot on AWS: on-demand AWS options and an AWS spot option", async () => {
        const { r, plan } = await planFor("Serve Mixtral 8x7B on AWS with spot instances");
        expect(r.spec.spot_ok).toBe(true);
        for (const c of plan.compute) expect(c.provider).toBe("aws");
        expect(plan.warnings.some((w) => /^Spot option: aws /.test(w))).toBe(true);
      });
    });

    describe("tools, context and concurrency", () => {
      it("context length and concurrency grow the KV cache, the total, and never lower the price", async () => {
        const base = await planFor("Serve Llama 3.1 8B");
        const longCtx = await planFor("Serve Llama 3.1 8B with 128k context");
        const busy = await planFor("Serve Llama 3.1 8B with 32k context for 50 concurrent users");
        expect(longCtx.r.spec.context_length).toBe(131072);
        expect(busy.r.spec).toMatchObject({ context_length: 32768, concurrency: 50 });
        const kv = (x: typeof base) => x.plan.sizing.breakdown.kv_cache;
        expect(kv(base)).toBeGreaterThan(0);
        expect(kv(longCtx)).toBeGreaterThan(kv(base) * 16);
        expect(kv(busy)).toBeGreaterThan(kv(longCtx) * 8);
        // tokens in flight: 4K × 1 → 128K × 1 → 32K × 50, KV proportional (within rounding)
        expect(kv(busy) / kv(longCtx)).toBeCloseTo((32768 * 50) / 131072, 0);
        expect(base.plan.sizing.memory_gb_required).toBeLessThan(longCtx.plan.sizing.memory_gb_required);
        expect(longCtx.plan.sizing.memory_gb_required).toBeLessThan(busy.plan.sizing.memory_gb_required);
        expect(cheapest(base.r).monthly_cost_usd).toBeLessThanOrEqual(cheapest(longCtx.r).monthly_cost_usd);
        expect(cheapest(longCtx.r).monthly_cost_usd).toBeLessThanOrEqual(cheapest(busy.r).monthly_cost_usd);
      });

      it("JupyterHub for a data science team: a development plan with the JupyterHub chart", async () => {
        const { r, plan } = await planFor("Set up JupyterHub for my data science team with GPUs");
        expect(r.spec.task).toBe("development");
        expect(plan.packages.some((p) => /jupyterhub/.test(p.name))).toBe(true);
        expect(plan.compute.length).toBeGreaterThan(0);
        expect(plan.steps.some((s) => /jupyterhub/.test(s))).toBe(true);
      });

      it("Ray on GCP with $5000/mo: asks what is trained, then plans with a Ray chart on GCP within budget", async () => {
        const { responses } = await converse("Distributed training with Ray on GCP, $5000/mo", ["Object detection / computer vision"]);
        const first = expectClarification(responses[0]);
        expect(first.map((q) => q.id)).toContain("workload");
        const last = responses[responses.length - 1];
        const plan = expectPlanInvariants(last);
        expect(last.spec).toMatchObject({ task: "training", budget_monthly_usd: 5000, providers: ["gcp"] });
        expect(plan.packages.some((p) => /ray/.test(p.name))).toBe(true);
        for (const c of plan.compute) expect(c.provider).toBe("gcp");
        expect(plan.fits_budget).toBe(true);
      });

      it("batch embeddings with Airflow: the Airflow chart and an embedding model", async () => {
        const { r, plan } = await planFor("Batch embeddings of 10M documents with Airflow");
        expect(r.spec).toMatchObject({ task: "batch_processing", modality: "embedding" });
        expect(plan.packages.some((p) => /airflow/.test(p.name))).toBe(true);
        expect(plan.models.length).toBeGreaterThan(0);
        for (const m of plan.models) expect(m.pipeline_tag === null || /feature-extraction|sentence-similarity/.test(m.pipeline_tag)).toBe(true);
      });

      it("Open WebUI with a served LLM: its chart next to the serving stack", async () => {
        const { plan } = await planFor("Serve Llama 3.1 8B with Open WebUI");
        expect(plan.packages.some((p) => /open-webui/.test(p.name))).toBe(true);
        expect(plan.packages.some((p) => /vllm/.test(p.name))).toBe(true);
      });
    });

    describe("multi-turn clarification", () => {
      it("answers merge across turns, and no question is ever asked twice", async () => {
        const { start, response } = await ask("I need some GPUs");
        const asked = expectClarification(response).map((q) => q.id);
        let r = response;
        for (let turn = 0; turn < 4 && r.type === "clarification"; turn++) {
          r = await reply(start, r.clarification!.questions[0].options[0]);
          if (r.type === "clarification") {
            for (const q of expectClarification(r)) {
              expect(asked).not.toContain(q.id);
              asked.push(q.id);
            }
          }
        }
        expect(r.type).toBe("plan");
        expectPlanInvariants(r);
        // The first option of the first question was "a chat / text LLM".
        expect(r.spec.modality).toBe("llm");
      });

      it("'no preference' and 'no budget' replies end the questions with a plan and no budget verdict", async () => {
        const { responses } = await converse("I want to run an LLM", ["no preference", "no budget"]);
        const asked = responses.filter((x) => x.type === "clarification").flatMap((x) => x.clarification!.questions.map((q) => q.id));
        expect(new Set(asked).size).toBe(asked.length);
        const last = responses[responses.length - 1];
        const plan = expectPlanInvariants(last);
        expect(last.spec.budget_monthly_usd).toBeUndefined();
        expect(plan.fits_budget).toBeNull();
      });

      it("a model size and budget given in a later turn merge with the first turn's task", async () => {
        const { start, response } = await ask("I want to fine-tune Llama");
        const ids = expectClarification(response).map((q) => q.id);
        expect(ids).toContain("model");
        const r = await reply(start, "70B, and my budget is $5000/month");
        const plan = expectPlanInvariants(r);
        expect(r.spec).toMatchObject({ task: "fine_tuning", budget_monthly_usd: 5000 });
        expect(paramsOk(r.spec.model?.params_b, 70)).toBe(true);
        expect(plan.sizing.memory_gb_required).toBeGreaterThan(70); // a 70B base, even frozen in 4-bit, plus adapters
      });

      it("a follow-up adds a constraint and keeps the rest", async () => {
        const { start, response } = await ask("Serve Llama 3.1 8B on AWS, budget $2000 a month");
        for (const c of expectPlanInvariants(response).compute) expect(c.provider).toBe("aws");
        const r = await reply(start, "Also consider GCP, and make it 16k context");
        const plan = expectPlanInvariants(r);
        expect(r.spec).toMatchObject({ budget_monthly_usd: 2000, context_length: 16384 });
        expect(r.spec.model?.params_b).toBeGreaterThanOrEqual(7.5);
        expect([...r.spec.providers!].sort()).toEqual(["aws", "gcp"]);
        for (const c of plan.compute) expect(["aws", "gcp"]).toContain(c.provider);
        expect(plan.sizing.breakdown.kv_cache).toBeGreaterThan(response.plan!.sizing.breakdown.kv_cache);
      });
    });
  });
}
