import { openPostgres } from "@/db/client";
import { ensureSnapshotLoaded } from "@/tests/integration/harness";
import { benchDeps } from "@/bench/pipeline";
import { ToolCache } from "@/lib/server/tool-cache";
import { runPipeline } from "@/lib/agents/pipeline";
const msgs = process.argv.slice(2);
const h = await openPostgres(process.env.DATABASE_URL!);
await ensureSnapshotLoaded(h);
for (const m of msgs) {
  const turns = m.split(" || ").map((content, i) => i % 2 === 0 ? { role: "user", content } : { role: "assistant", content: "q" }) as any;
  const t0 = performance.now();
  const r = await runPipeline(turns.filter((t: any) => t.role === "user").flatMap((t: any, i: number, a: any[]) => i < a.length - 1 ? [t, { role: "assistant", content: "q", clarification: { questions: [{ id: "workload", question: "?", options: [] }, { id: "task", question: "?", options: [] }] } }] : [t]), benchDeps(h, new ToolCache(), "x"));
  const ms = performance.now() - t0;
  console.log("=====", m, `(${ms.toFixed(0)} ms)`);
  console.log("spec", JSON.stringify(r.spec));
  if (r.plan) {
    const p = r.plan as any;
    console.log("summary:", p.summary);
    console.log("sizing:", p.sizing.memory_gb_required, JSON.stringify(p.sizing.breakdown));
    console.log("compute:", p.compute.slice(0, 5).map((c: any) => `${c.provider}/${c.instance_type} ${c.gpu_count}x${c.gpu_model} ${c.gpu_memory_gb}GB $${c.price_per_hour_usd}`).join(" | "));
    console.log("models:", p.models.map((m: any) => m.id).join(", "));
    console.log("packages:", p.packages.map((m: any) => `${m.repository}/${m.name}@${m.version}`).join(", "));
    console.log("steps:\n  " + p.steps.join("\n  "));
    console.log("warnings:\n  " + p.warnings.join("\n  "));
    if (p.deployments) console.log("deployments:", JSON.stringify(p.deployments, null, 0));
    if (p.warning_details) console.log("details:", JSON.stringify(p.warning_details.map((w: any) => [w.severity, w.code])));
  } else console.log("clar:", JSON.stringify(r.clarification));
}
await h.close();
