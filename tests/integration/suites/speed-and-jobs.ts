/**
 * Issue 13, "Sizing by speed and by the whole job": requests as users type them, through the chat
 * API on the real catalog, judged on the plan's performance, job and budget verdict.
 */
import { describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { ChatResponse } from "@/lib/schemas/chat";
import { api } from "../api-client";
import { expectClarification, expectPlanInvariants, useOfflineRoutes } from "./chat-helpers";

async function ask(...turns: string[]): Promise<ChatResponse> {
  const s = await api.start({ message: turns[0] });
  expect(s.status).toBe(201);
  let r: ChatResponse = s.json.response;
  for (const m of turns.slice(1)) {
    const x = await api.message(s.json.owner_token, { conversation_id: s.json.conversation_id, message: m });
    expect(x.status).toBe(200);
    r = x.json;
  }
  return r;
}

const gpusOf = (r: ChatResponse) => {
  const d = r.plan!.deployments![0];
  return d.gpus_per_replica * d.replicas;
};

export function speedAndJobsSuite(h: () => DbHandle) {
  describe("sizing by speed and by the whole job (issue 13)", () => {
    useOfflineRoutes(h);

    it("400 concurrent users at 20 tokens/s each need more replicas or GPUs than 2 users", async () => {
      const many = await ask("serve Llama 3.1 8B Instruct for 400 concurrent users at 20 tokens/s each");
      const few = await ask("serve Llama 3.1 8B Instruct for 2 concurrent users at 20 tokens/s each");
      const pm = expectPlanInvariants(many).deployments![0].performance!;
      const pf = expectPlanInvariants(few).deployments![0].performance!;
      expect(pm).toBeDefined();
      expect(pf).toBeDefined();
      expect(pm.replicas_needed * gpusOf(many) > pf.replicas_needed * gpusOf(few) || gpusOf(many) > gpusOf(few)).toBe(true);
      expect(pm.target_tokens_per_s_per_sequence).toBe(20);
      // Every figure is a finite number, and the aggregate never exceeds what the batch can take.
      for (const v of [pm.prefill_tokens_per_s, pm.decode_tokens_per_s_per_sequence, pm.aggregate_tokens_per_s, pm.ttft_ms, pm.cost_per_million_output_tokens_usd]) expect(Number.isFinite(v) && v >= 0).toBe(true);
      expect(pm.decode_tokens_per_s_per_sequence).toBeGreaterThanOrEqual(20);
    });

    it("a served model's plan shows $/1M output tokens consistent with its price and speed", async () => {
      const r = await ask("Mistral 7B Instruct chatbot for 50 concurrent users");
      const plan = expectPlanInvariants(r);
      const p = plan.deployments![0].performance!;
      const top = plan.compute[0];
      // One replica's price: the instances' price over the replicas they hold.
      const perReplicaHourly = (top.price_per_hour_usd * (top.instance_count ?? 1)) / plan.deployments![0].replicas;
      // $/1M = the replicas the load needs × their price / (output tokens/s × 3600) × 1e6, within rounding.
      const expected = ((perReplicaHourly * p.replicas_needed) / (p.aggregate_tokens_per_s * 3600)) * 1e6;
      expect(Math.abs(p.cost_per_million_output_tokens_usd - expected)).toBeLessThanOrEqual(0.02 * expected + 0.01);
      expect(["memory", "throughput", "latency", "budget"]).toContain(p.binding_constraint);
    });

    it("'fine-tune on 50k examples' reports the cost and duration of the whole run", async () => {
      const r = await ask("fine-tune Llama 3.1 8B with LoRA on 50k examples of about 512 tokens, 3 epochs");
      const plan = expectPlanInvariants(r);
      const job = plan.deployments![0].job!;
      expect(job).toBeDefined();
      expect(job.tokens).toBe(50_000 * 512 * 3);
      expect(job.run_cost_usd).toBeGreaterThan(0);
      expect(job.wall_clock_hours).toBeGreaterThan(0);
      // The run costs its duration at the instance's price.
      expect(job.run_cost_usd).toBeCloseTo(job.wall_clock_hours * plan.compute[0].price_per_hour_usd, -1);
      // The summary leads with the run, not the month.
      expect(plan.summary.indexOf("whole run")).toBeGreaterThanOrEqual(0);
      expect(plan.summary.indexOf("whole run")).toBeLessThan(plan.summary.indexOf("/month"));
    });

    it("accepting spot flips an over-budget verdict when the spot price fits", async () => {
      // The catalog's cheapest 4× H100 on demand is over $4,000/month; spot offers are under it.
      const base = "serve Llama 3.1 70B Instruct on 4 H100s, budget $4000 a month";
      const onDemand = expectPlanInvariants(await ask(base));
      expect(onDemand.fits_budget).toBe(false);
      const spot = expectPlanInvariants(await ask(base, "spot instances are fine"));
      expect(spot.budget_basis).toBe("spot");
      expect(spot.estimated_monthly_cost_spot_usd).not.toBeNull();
      expect(spot.fits_budget).toBe(true);
      // Accepting spot never raises what the plan costs.
      expect(spot.estimated_monthly_cost_spot_usd!).toBeLessThanOrEqual(onDemand.estimated_monthly_cost_usd!);
      expect(spot.summary).toMatch(/within your \$4,000\/month budget at spot prices/);
    });

    it("a per-run budget is honoured", async () => {
      const r = await ask("fine-tune Mistral 7B with QLoRA on 20k examples, $300 for the whole fine-tune");
      expect(r.spec.budget_per_run_usd).toBe(300);
      expect(r.spec.budget_monthly_usd).toBeUndefined();
      const plan = expectPlanInvariants(r);
      expect(plan.budget_basis).toBe("run");
      const job = plan.deployments![0].job!;
      expect(plan.fits_budget).toBe(job.run_cost_usd <= 300);
    });

    it("numbers no workload holds are asked about, never planned", async () => {
      const r = await ask("pretrain a 7B model on 10^30 tokens");
      expectClarification(r);
      expect(r.clarification!.questions.some((q) => q.id === "dataset_tokens")).toBe(true);
      const zero = await api.start({ message: "fine-tune Mistral 7B on -5 examples" });
      expect(zero.status).toBe(201);
      expect(JSON.stringify(zero.json.response)).not.toMatch(/NaN|Infinity/);
    });
  });
}
