import { z } from "zod";
import { localDate } from "@/server/engine/time";
import { dashboardData } from "@/server/metrics/dashboard";
import { dashboardInputSchema } from "@/server/metrics/dashboard-schema";
import { addDays } from "@/server/metrics/periods";
import { defineTool } from "../tool";
import { instant, isoDate, money } from "../wire";

const filters = dashboardInputSchema.shape;

const input = z.strictObject({
  from: filters.from
    .optional()
    .describe("First day, in the workspace's zone, included. Default: 12 weeks before `to`."),
  to: filters.to.optional().describe("Last day, included. Default: today in the workspace's zone."),
  period: filters.period.describe("The series' periods: weeks (from Monday) or months."),
  stage: filters.stage.describe(
    "Only what this stage sent and reactivated: a stage key (e.g. six_months) or `recurring`.",
  ),
  channel: filters.channel.describe("Only what this channel delivered and was credited with."),
});

/** Reached cycles and reactivations of one group, with the rate and revenue they make. */
const group = z.object({
  key: z.string(),
  label: z.string(),
  reached: z.number().int().describe("Cycles in which a reminder was sent"),
  reactivations: z.number().int(),
  rate: z.number().nullable().describe("reactivations / reached; null when nothing was reached"),
  revenue: money,
  revenuePerReactivation: money,
});

const output = z.object({
  zone: z.string().describe("The workspace's zone: days and periods are its local days"),
  from: isoDate,
  to: isoDate,
  period: z.enum(["week", "month"]),
  filter: z.object({ stage: z.string().nullable(), channel: z.string().nullable() }),
  refreshedAt: instant.nullable().describe("When the rollups were last rebuilt"),
  provisionalFrom: isoDate.describe(
    "Periods from this day on are provisional: their attribution windows are still open",
  ),
  kpis: z.object({
    contactsReached: z.number().int(),
    remindersSent: z.number().int(),
    reactivations: z.number().int(),
    rate: z.number().nullable(),
    returns: z.number().int().describe("Every return, reactivation or not (workspace-wide)"),
    revenue: money,
    revenuePerReactivation: money,
    incrementalReactivations: z.number().nullable().describe("From the holdout; null without one"),
  }),
  series: z.array(
    group.extend({ periodStart: isoDate, provisional: z.boolean() }).omit({ key: true }),
  ),
  byStage: z.array(group),
  byChannel: z.array(group),
  funnel: z.object({
    planned: z.number().int(),
    sent: z.number().int(),
    clicked: z.number().int(),
    reactivated: z.number().int(),
  }),
  holdout: z.object({
    percent: z.number(),
    reached: z.number().int(),
    reactivations: z.number().int(),
    heldOut: z.number().int(),
    heldOutReturned: z.number().int(),
    lift: z
      .object({ value: z.number(), low: z.number(), high: z.number() })
      .nullable()
      .describe("rate(reached) − rate(held out), Newcombe's 95% interval; null below 100 held out"),
    incrementalReactivations: z.number().nullable(),
    incrementalRevenue: money,
    needed: z.number().int().describe("Held-out cycles still needed before a verdict"),
    verdict: z.string(),
  }),
});

/** The dashboard's numbers, read by the same function as the dashboard page (no second count). */
export const reactivationStats = defineTool({
  name: "reactivation_stats",
  title: "Reactivation stats",
  description:
    "The reactivation dashboard's numbers for a date range: contacts reached, reminders sent, " +
    "reactivations and their rate, revenue and revenue per reactivation (per currency, in minor " +
    "units), incremental reactivations and lift from the holdout group, a series by week or " +
    "month, and breakdowns by stage and channel. Filter by one stage or one channel.",
  input,
  output,
  permission: "dashboard.read",
  scope: "mcp:read",
  async run({ db, tenant, now }, args) {
    const to = args.to ?? localDate(now, tenant.timeZone);
    // The dashboard page opens on the last 12 weeks ending today.
    const from = args.from ?? addDays(to, -83);
    const filter = dashboardInputSchema.parse({ ...args, from, to });
    const data = await dashboardData(db, tenant, filter, now);
    return {
      ...data,
      from,
      to,
      period: filter.period,
      filter: { stage: filter.stage ?? null, channel: filter.channel ?? null },
    };
  },
});
