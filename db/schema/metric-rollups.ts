import { bigint, date, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenantIdColumn } from "./columns";

/**
 * The dashboard's numbers, added up per week and per month by the rollup step (SPEC §1.8) so a
 * dashboard query reads a few thousand rows instead of the ledger. One row per (period, group,
 * measure): `dimension` is `total`, `stage`, `channel`, `variant` or `cohort`; `key` names the
 * group within it; `metric` is e.g. `reached`, `reactivations`, `revenue:USD`.
 */
export const metricRollups = pgTable(
  "metric_rollups",
  {
    tenantId: tenantIdColumn(),
    period: text().$type<"week" | "month">().notNull(),
    /** The first day of the week (Monday) or month, in the workspace's zone. */
    periodStart: date().notNull(),
    dimension: text().notNull(),
    key: text().notNull(),
    metric: text().notNull(),
    value: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.period, t.periodStart, t.dimension, t.key, t.metric] }),
    index("metric_rollups_read_idx").on(t.tenantId, t.period, t.dimension, t.periodStart),
  ],
);

/** When each workspace's rollups were last rebuilt: the dashboard says how fresh it is. */
export const metricRollupState = pgTable("metric_rollup_state", {
  tenantId: tenantIdColumn().primaryKey(),
  refreshedAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
});
