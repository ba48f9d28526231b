import { openPglite } from "@/db/client";
import { runAllSuites } from "./run-suites";

runAllSuites({ name: "pglite", open: () => openPglite() });
