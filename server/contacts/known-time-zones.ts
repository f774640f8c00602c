import { inArray, sql } from "drizzle-orm";
import { pgView, text } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

/** Postgres's own list of zones: the one our local-date SQL uses. */
const pgTimezoneNames = pgView("pg_timezone_names", { name: text() }).existing();

/**
 * Zones the database has confirmed. Reading `pg_timezone_names` opens every zone file (30–70 ms,
 * a tenth of an imported batch), and the list changes only when the server's tz data is upgraded.
 * A name removed then (rare: US/Pacific-New in 2020) stays accepted until this process restarts.
 * One set per process: the app opens one database. Only names a database knew get in, so the set
 * stays small.
 */
const confirmed = new Set<string>();

/**
 * The zones among `zones` that the database does not know. Node and Postgres ship different
 * tz databases, so a name Node accepts (e.g. the retired `US/Pacific-New`) may still fail in SQL.
 */
export async function unknownTimeZones(db: Db, zones: string[]): Promise<Set<string>> {
  const wanted = [...new Set(zones)].filter((z) => !confirmed.has(z));
  if (wanted.length === 0) return new Set();
  const known = await db
    .select({ name: sql<string>`${pgTimezoneNames.name}` })
    .from(pgTimezoneNames)
    .where(inArray(pgTimezoneNames.name, wanted));
  for (const { name } of known) confirmed.add(name);
  return new Set(wanted.filter((z) => !confirmed.has(z)));
}
