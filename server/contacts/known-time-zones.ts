import { inArray, sql } from "drizzle-orm";
import { pgView, text } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

/** Postgres's own list of zones: the one our local-date SQL uses. */
const pgTimezoneNames = pgView("pg_timezone_names", { name: text() }).existing();

/**
 * The zones among `zones` that the database does not know. Node and Postgres ship different
 * tz databases, so a name Node accepts (e.g. the retired `US/Pacific-New`) may still fail in SQL.
 */
export async function unknownTimeZones(db: Db, zones: string[]): Promise<Set<string>> {
  const wanted = [...new Set(zones)];
  if (wanted.length === 0) return new Set();
  const known = await db
    .select({ name: sql<string>`${pgTimezoneNames.name}` })
    .from(pgTimezoneNames)
    .where(inArray(pgTimezoneNames.name, wanted));
  const knownNames = new Set(known.map((k) => k.name));
  return new Set(wanted.filter((z) => !knownNames.has(z)));
}
