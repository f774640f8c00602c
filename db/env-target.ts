import { env } from "@/server/env";
import type { DbTarget } from "./client";

/** The database the environment selects: DATABASE_URL, else embedded PGlite in its data folder. */
export function envDbTarget(): DbTarget {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DATA_DIR };
}
