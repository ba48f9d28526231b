"use client";

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatGb, humanizeKey } from "./format";

/** Colours that read on both light and dark cards. */
export const BREAKDOWN_COLORS = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#f43f5e", "#a855f7", "#14b8a6", "#f97316"];

export interface BreakdownItem {
  key: string;
  label: string;
  gb: number;
  color: string;
}

export function breakdownItems(breakdown: Record<string, number>): BreakdownItem[] {
  return Object.entries(breakdown ?? {})
    .filter(([, v]) => typeof v === "number" && Number.isFinite(v) && v > 0)
    .map(([key, gb], i) => ({ key, label: humanizeKey(key), gb, color: BREAKDOWN_COLORS[i % BREAKDOWN_COLORS.length] }));
}

/** One horizontal stacked bar (recharts) plus a text legend that doubles as the accessible description. */
export function BreakdownChart({ items, total }: { items: BreakdownItem[]; total: number }) {
  if (items.length === 0) return null;
  const sum = items.reduce((s, i) => s + i.gb, 0);
  const domainMax = Math.max(sum, total, 0.001);
  const row: Record<string, number | string> = { name: "GPU memory" };
  for (const i of items) row[i.key] = i.gb;
  const description = items.map((i) => `${i.label} ${formatGb(i.gb)}`).join(", ");

  return (
    <div>
      <div role="img" aria-label={`Memory breakdown: ${description}`} className="h-7 w-full rounded-md bg-subtle [&_svg.recharts-surface]:overflow-hidden [&_svg.recharts-surface]:rounded-md">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 28 }}>
          <BarChart layout="vertical" data={[row]} margin={{ top: 0, right: 0, bottom: 0, left: 0 }} barCategoryGap={0}>
            <XAxis type="number" hide domain={[0, domainMax]} />
            <YAxis type="category" dataKey="name" hide />
            <Tooltip
              cursor={false}
              isAnimationActive={false}
              allowEscapeViewBox={{ x: false, y: true }}
              offset={14}
              wrapperStyle={{ zIndex: 20 }}
              contentStyle={{
                background: "var(--card)",
                border: "1px solid var(--border)",
                borderRadius: 8,
                fontSize: 12,
                color: "var(--foreground)",
              }}
              labelStyle={{ display: "none" }}
              formatter={(value, name) => [formatGb(Number(value)), humanizeKey(String(name))]}
            />
            {items.map((i) => (
              <Bar key={i.key} dataKey={i.key} name={i.key} stackId="memory" fill={i.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2" aria-label="Breakdown">
        {items.map((i) => (
          <li key={i.key} className="flex items-center gap-2" data-testid="plan-sizing-component">
            <span className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: i.color }} aria-hidden="true" />
            <span className="truncate">{i.label}</span>
            <span className="ml-auto tabular-nums font-medium">{formatGb(i.gb)}</span>
            <span className="w-10 text-right tabular-nums text-xs text-muted">{Math.round((i.gb / domainMax) * 100)}%</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
