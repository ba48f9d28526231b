import { readJsonl } from "@/db/ingest/jsonl";
import { chunkCard } from "@/db/ingest/hf/chunk-card";
let big = 0, small = 0, smallWhole = 0;
for await (const o of readJsonl("/work/shared/data/hf/cards.jsonl.gz")) {
  const c = o as { card_id: string; text: string; lang: string };
  const chunks = chunkCard(c.text, c.lang);
  for (const ch of chunks) {
    const t = Math.ceil(ch.text.length / 4);
    if (t > 400 && big++ < 3) console.log("BIG", c.card_id, t, ch.heading, JSON.stringify(ch.text.slice(0, 300)), "...", JSON.stringify(ch.text.slice(-200)));
    if (t < 50) { if (chunks.length === 1) smallWhole++; else if (small++ < 12) console.log("SMALL", c.card_id, chunks.length, ch.ordinal, ch.heading, JSON.stringify(ch.text)); }
  }
}
console.log({ big, small, smallWhole });
