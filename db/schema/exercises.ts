import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenantIdColumn } from "./columns";

export const exercises = pgTable(
  "exercises",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    externalId: text().notNull(),
    program: text().notNull(),
    skill: text().notNull(),
    title: text().notNull(),
    publishedAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    /** Where the exercise opens in the tenant's app; null until the catalog import gives one. */
    url: text(),
    /** Completions in the trending window; higher is more popular. */
    popularity: integer().notNull().default(0),
  },
  (t) => [
    unique("exercises_tenant_external_id_unique").on(t.tenantId, t.externalId),
    index("exercises_program_published_idx").on(t.tenantId, t.program, t.publishedAt),
    index("exercises_skill_popularity_idx").on(t.tenantId, t.skill, t.popularity),
    index("exercises_popularity_idx").on(t.tenantId, t.popularity),
  ],
);
