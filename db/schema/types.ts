import { customType } from "drizzle-orm/pg-core";

/** drizzle 0.45 has no tsvector column type. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
