import path from "node:path";
import type { UpstreamPaths } from "./build-snapshot";

/** The connectors' fixture files (cut from the real upstream data), laid out as a small upstream. */
export const FIXTURE_UPSTREAM: UpstreamPaths = {
  skypilotDir: path.resolve("db/ingest/cloud/__fixtures__/catalog"),
  chartsJsonl: path.resolve("db/ingest/k8s/__fixtures__/charts.jsonl"),
  chartVersionsJsonl: path.resolve("db/ingest/k8s/__fixtures__/chart_versions.jsonl"),
  modelsJsonl: path.resolve("db/ingest/hf/__fixtures__/models.jsonl"),
  cardsJsonl: path.resolve("db/ingest/hf/__fixtures__/cards.jsonl"),
  skipMissingCloudFiles: true,
};
