/**
 * A product name the user asks to deploy that nothing else understood ("install zorblaxdb for
 * me", "set up FooServe"): named back in a clear question instead of planning something else.
 * Only called when no model, tool, workload or part was recognised.
 */
import { utterance, type Said } from "./utterance";

const VERB = /\b(?:install|deploy|set\s*up|setup|spin\s+up|host|self[\s-]?host|run|use|need|want|serve)\s+(?:(?:a|an|the|me|my|our|some|un|una|el|la|ein|eine|einen|den|die|das|le|les|des)\s+)?(?<name>[a-z][\w.+-]{2,40})/gi;

/** Words that follow those verbs and are not products. */
const NOT_A_NAME = new Set([
  "something", "anything", "stuff", "thing", "things", "it", "this", "that", "them", "these", "those", "some", "gpu", "gpus", "cpu", "cpus",
  "model", "models", "server", "servers", "cluster", "clusters", "machine", "machines", "instance", "instances", "node", "nodes", "app", "apps",
  "application", "service", "services", "workload", "workloads", "inference", "training", "help", "advice", "compute", "cloud", "kubernetes",
  "k8s", "helm", "docker", "container", "containers", "infrastructure", "infra", "platform", "setup", "environment", "tool", "tools", "budget",
  "more", "less", "cheap", "cheaper", "cheapest", "fast", "faster", "big", "bigger", "small", "smaller", "new", "own", "private", "local", "on",
  "in", "for", "with", "to", "at", "from", "and", "or", "ai", "ml", "llm", "llms", "hardware", "memory", "vram", "storage", "database", "data",
  "pipeline", "pipelines", "api", "apis", "website", "backend", "frontend", "web", "system", "systems", "solution", "software", "program",
]);

export function unknownProductName(said: Said): string | undefined {
  const t = utterance(said).text;
  for (const m of t.matchAll(VERB)) {
    const name = m.groups?.name?.replace(/[.,;:!?]+$/, "");
    if (!name || NOT_A_NAME.has(name.toLowerCase()) || /^\d/.test(name)) continue;
    return name;
  }
  return undefined;
}
