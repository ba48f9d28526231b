/**
 * The name every file of a deployment starts with: its component (`vector-db`), and — for a second
 * deployment of the same component — the tool or engine too (`vector-db-milvus`), so two LLMs or two
 * vector DBs get distinct files. Same order as deployments[].
 */
import type { Deployment } from "@/lib/schemas/plan";
import { k8sName } from "./context";

export function fileStems(deployments: Pick<Deployment, "component" | "tool" | "engine">[]): string[] {
  const used = new Set<string>();
  return deployments.map((d, i) => {
    let stem = d.component.replace(/_/g, "-");
    if (used.has(stem)) stem = `${stem}-${k8sName(d.tool ?? d.engine)}`;
    if (used.has(stem)) stem = `${stem}-${i + 1}`;
    used.add(stem);
    return stem;
  });
}

/** The deployments[] index a file belongs to: of those with its component, the longest stem its name starts with, else the first. */
export function deploymentOfFile(deployments: Pick<Deployment, "component" | "tool" | "engine">[], component: string, filename: string): number {
  const stems = fileStems(deployments);
  const same = deployments.map((d, i) => (d.component === component ? i : -1)).filter((i) => i >= 0);
  const named = same.filter((i) => filename.startsWith(`${stems[i]}-`)).sort((a, b) => stems[b].length - stems[a].length);
  return named[0] ?? same[0] ?? -1;
}
