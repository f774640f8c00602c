import type { z } from "zod";
import type { Db } from "@/db/client";
import { contactInput } from "@/server/contacts/contact-input";
import { upsertContacts } from "@/server/contacts/upsert";
import type { RowError } from "@/server/lib/batch";
import { exerciseInput } from "./exercise-input";
import type { ImportTarget } from "./fields";
import { upsertExercises } from "./upsert-exercises";

type Rows<T> = { index: number; value: T }[];
type Stored = { created: number; updated: number; errors: RowError[] };

/** How rows of one kind are checked and stored. */
export type TargetStore = {
  schema: (now: Date) => z.ZodType<{ externalId: string }>;
  store: (db: Db, tenantId: string, rows: Rows<never>, now: Date) => Promise<Stored>;
};

/** Ties a schema to the store of its rows, so each pair is type-checked once, here. */
function target<S extends z.ZodType<{ externalId: string }>>(
  schema: (now: Date) => S,
  store: (db: Db, tenantId: string, rows: Rows<z.infer<S>>, now: Date) => Promise<Stored>,
): TargetStore {
  return { schema, store };
}

/**
 * The integration API's own schema and store for each kind of import: a CSV row is checked and
 * stored exactly as the same row sent to `POST /api/v1/contacts` or `/exercises`, so the engine
 * sees an imported contact as it sees one from the API (next check now, `channel_changed` on a
 * new address, a later last activity as a return).
 */
export const targetStores: Record<ImportTarget, TargetStore> = {
  contacts: target(contactInput, (db, tenantId, rows, now) =>
    upsertContacts(db, tenantId, rows, now, "a CSV import"),
  ),
  exercises: target(exerciseInput, upsertExercises),
};
