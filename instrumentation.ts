/** Start opening the database (and first-start seeding) as soon as the server boots. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { openAppDb } = await import("@/lib/server/app-db");
  openAppDb().catch((err) => console.error(`[db] could not open the database: ${(err as Error).message}`));
}
