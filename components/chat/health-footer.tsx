"use client";

import { useEffect, useState } from "react";

interface Health {
  status: "ok" | "degraded";
  database?: string;
  llm?: string;
  embeddings?: string;
  catalog?: { instances?: number; providers?: number; packages?: number; models?: number; card_chunks?: number; state?: string; progress?: string };
  seeding?: boolean;
}

const n = (v: number | undefined) => (v ?? 0).toLocaleString("en-US");

/** A one-line service status from GET /api/health; polls while the catalog is still loading. */
export function HealthFooter() {
  const [health, setHealth] = useState<Health | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function load() {
      try {
        const res = await fetch("/api/health", { cache: "no-store" });
        const body = (await res.json()) as Health;
        if (cancelled) return;
        setHealth(body);
        setFailed(false);
        const state = body.catalog?.state;
        const loading = body.seeding || state === "seeding" || state === "unknown";
        if (loading) timer = setTimeout(load, 4000);
      } catch {
        if (cancelled) return;
        setFailed(true);
        timer = setTimeout(load, 15000);
      }
    }
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, []);

  const c = health?.catalog;
  const seeding = !!health && (health.seeding || c?.state === "seeding" || c?.state === "unknown");
  const empty = !!health && !seeding && c?.state === "empty";
  const dot = failed || !health ? "bg-muted/50" : health.status === "ok" ? "bg-success" : "bg-warning";
  const engine = !health?.llm ? null : health.llm === "offline" ? "offline engine" : `LLM: ${health.llm}`;

  return (
    <footer className="text-xs text-muted" data-testid="health-footer" aria-live="polite">
      <div className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1">
        <span className="inline-flex items-center gap-1.5">
          <span className={`h-1.5 w-1.5 rounded-full ${dot}`} aria-hidden="true" />
          {failed ? "status unavailable" : !health ? "checking status…" : seeding ? `catalog loading…${c?.progress ? ` (${c.progress})` : ""}` : empty ? "catalog not loaded" : null}
          {health && !failed && !seeding && !empty ? (
            <span data-testid="health-catalog" className="inline-flex flex-wrap items-center justify-center gap-x-1.5">
              {[
                `${n(c?.instances)} instances`,
                `${n(c?.providers)} providers`,
                `${n(c?.packages)} Helm charts`,
                `${n(c?.models)} models`,
              ].map((t, i) => (
                <span key={t} className="whitespace-nowrap">
                  {i > 0 ? <span aria-hidden="true" className="mr-1.5">·</span> : null}
                  {t}
                </span>
              ))}
            </span>
          ) : null}
        </span>
        {engine && !failed ? <span data-testid="health-engine">{engine}</span> : null}
        <a href="/docs" className="hover:text-foreground hover:underline">
          API
        </a>
      </div>
    </footer>
  );
}
