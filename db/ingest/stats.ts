/**
 * Dry run over the shared upstream files: parses everything with the ingest functions and
 * prints the counts (no database). Usage: npx tsx db/ingest/stats.ts [dataDir]
 */
import path from "node:path";
import { chunkCard } from "./hf/chunk-card";
import { keepCard, keptModelIndex, parseCardLine } from "./hf/parse-cards";
import { keepModel, parseModelLine } from "./hf/parse-models";
import { computePopularity } from "./hf/popularity";
import { readJsonl } from "./jsonl";
import { parseChartLine } from "./k8s/parse-charts";
import { dedupeVersions, parseVersionLine } from "./k8s/parse-versions";

const dataDir = process.argv[2] ?? "/work/shared/data";

async function main() {
  const models = [];
  let total = 0;
  let removed = 0;
  const dropRemoved = process.env.DROP_REMOVED === "1";
  for await (const obj of readJsonl(path.join(dataDir, "hf/models.jsonl"))) {
    total++;
    if (!keepModel(obj)) continue;
    if ((obj as { removed?: boolean }).removed === true && (removed++, dropRemoved)) continue;
    models.push(parseModelLine(obj));
  }
  console.log(`kept models flagged removed (deleted from the Hub): ${removed}${dropRemoved ? " (dropped)" : ""}`);
  const pop = computePopularity(models);
  const kept = keptModelIndex(models.map((m) => m.id));
  console.log(`models: ${total} read, ${models.length} kept; popularity>0: ${pop.filter((p) => p > 0).length}`);

  let cards = 0, cardsKept = 0, links = 0, chunks = 0, chunkBytes = 0, chunkChars = 0, hashMismatch = 0;
  const tokHist = new Map<string, number>();
  for await (const obj of readJsonl(path.join(dataDir, "hf/cards.jsonl.gz"))) {
    cards++;
    const card = parseCardLine(obj, kept);
    if (!card.canon.hash.startsWith(card.canon.id)) hashMismatch++;
    if (!keepCard(card)) continue;
    cardsKept++;
    links += card.links.length;
    for (const c of chunkCard(card.canon.text, card.canon.lang)) {
      chunks++;
      chunkChars += c.text.length;
      chunkBytes += Buffer.byteLength(c.text, "utf8");
      const t = Math.ceil(c.text.length / 4);
      const b = t < 50 ? "<50" : t < 100 ? "50-99" : t < 200 ? "100-199" : t <= 400 ? "200-400" : ">400";
      tokHist.set(b, (tokHist.get(b) ?? 0) + 1);
    }
  }
  console.log(`cards: ${cards} read, ${cardsKept} kept, ${links} links, hash≠card_id: ${hashMismatch}`);
  console.log(`chunks: ${chunks}, text ${chunkChars} chars / ${chunkBytes} bytes; tokens:`, Object.fromEntries(tokHist));

  const charts = [];
  for await (const obj of readJsonl(path.join(dataDir, "k8s/charts.jsonl"))) charts.push(parseChartLine(obj));
  const raw = [];
  for await (const obj of readJsonl(path.join(dataDir, "k8s/chart_versions.jsonl"))) raw.push(parseVersionLine(obj));
  const versions = dedupeVersions(raw);
  const pkgKeys = new Set(charts.map((c) => `${c.repository}/${c.name}`));
  const orphan = versions.filter((v) => !pkgKeys.has(`${v.repository}/${v.name}`)).length;
  console.log(`charts: ${charts.length}; versions: ${raw.length} read, ${versions.length} after dedupe, ${orphan} without a chart`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
