import { readJsonl } from "@/db/ingest/jsonl";
import { chunkCard } from "@/db/ingest/hf/chunk-card";
const want = new Set(process.argv.slice(2));
for await (const o of readJsonl("/work/shared/data/hf/cards.jsonl.gz")) {
  const c = o as { card_id: string; text: string; lang: string };
  if (!want.has(c.card_id)) continue;
  for (const ch of chunkCard(c.text, c.lang)) console.log(`--- [${c.card_id} #${ch.ordinal}] (${Math.ceil(ch.text.length/4)}t) heading=${JSON.stringify(ch.heading)}\n${ch.text}`);
}
