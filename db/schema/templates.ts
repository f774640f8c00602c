import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { VariantContent } from "@/server/content/variant-content";
import { users } from "./auth";
import { channel } from "./enums";
import { exercises } from "./exercises";
import { tenantIdColumn } from "./columns";

export const revisionStatus = pgEnum("revision_status", [
  "draft",
  "in_review",
  "approved",
  "rejected",
]);

/** A variant of a stage's message on one channel (SPEC §1.6: 3–4 per stage × channel). */
export const templates = pgTable(
  "templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    /** A stage key of the tenant's cadence, or `recurring`. */
    stage: text().notNull(),
    channel: channel().notNull(),
    /** The variant's short name, e.g. `A`; shown in the ledger and the dashboard. */
    name: text().notNull(),
    /** The revision sends use; an edit waits for review while this one stays in use. */
    approvedRevisionId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("templates_tenant_stage_channel_name_unique").on(t.tenantId, t.stage, t.channel, t.name),
  ],
);

/** Every version of a variant; an approved revision is never edited (what was sent stays known). */
export const templateRevisions = pgTable(
  "template_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    templateId: uuid()
      .notNull()
      .references(() => templates.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    status: revisionStatus().notNull().default("draft"),
    ctaKind: text().notNull(),
    content: jsonb().$type<VariantContent>().notNull(),
    authorId: text()
      .notNull()
      .references(() => users.id),
    reviewerId: text().references(() => users.id),
    reviewComment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("template_revisions_template_number_unique").on(t.templateId, t.number),
    index("template_revisions_tenant_status_idx").on(t.tenantId, t.status),
  ],
);

/** Exercises a marketer pinned to a variant: the first rule of recommendations (SPEC §1.6). */
export const templatePins = pgTable(
  "template_pins",
  {
    templateId: uuid()
      .notNull()
      .references(() => templates.id, { onDelete: "cascade" }),
    exerciseId: uuid()
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.exerciseId] })],
);
