import { z } from "zod";
import { channelNames } from "@/db/schema/channel-names";
import type { Money } from "./money";

/*
 * The dashboard's contract, shared by the tRPC procedure, the page (its URL is this input) and
 * the CSV exports. Pure: the client imports it.
 */

const isoDate = z.iso.date({ message: "must be a date such as 2026-01-31" });

/** What the dashboard shows, as the URL's search parameters carry it. */
export const dashboardInputSchema = z
  .strictObject({
    /** First day shown (the workspace's zone), included. */
    from: isoDate,
    /** Last day shown, included. */
    to: isoDate,
    period: z.enum(["week", "month"]).default("week"),
    /** Only what this stage sent and reactivated (a stage key, or `recurring`). */
    stage: z.string().trim().min(1).max(40).optional(),
    /** Only what this channel delivered and was credited with. */
    channel: z.enum(channelNames).optional(),
  })
  .refine((i) => i.from <= i.to, { path: ["to"], message: "must not be before the start date" })
  .refine((i) => !(i.stage && i.channel), {
    path: ["channel"],
    message: "filter by a stage or by a channel, not both",
  })
  .refine((i) => Date.parse(i.to) - Date.parse(i.from) <= 3 * 366 * 86_400_000, {
    path: ["from"],
    message: "the range may span at most three years",
  });

export type DashboardInput = z.infer<typeof dashboardInputSchema>;

/** Reached cycles and reactivations of one group, with the rate and revenue they make. */
export type GroupRow = {
  key: string;
  /** What the page shows: a stage's label, a channel's name, "March 2026". */
  label: string;
  reached: number;
  reactivations: number;
  /** reactivations / reached; null when nothing was reached. */
  rate: number | null;
  revenue: Money;
  revenuePerReactivation: Money;
};

export type SeriesPoint = GroupRow & {
  /** First day of the week (Monday) or month, in the workspace's zone. */
  periodStart: string;
  /** Its attribution windows have not all closed yet: the numbers can still grow. */
  provisional: boolean;
};

export type VariantRow = GroupRow & {
  stage: string;
  channel: string;
  variant: string;
  ctaKind: string;
  /** 95% interval of the rate (Wilson). */
  interval: [number, number] | null;
  /** Probability to have the highest rate among the variants of its stage × channel. */
  probabilityBest: number | null;
  /** The verdict in plain words, e.g. "Likely best (92%)", "Too early: 40 more sends needed". */
  verdict: string;
};

export type HoldoutCard = {
  percent: number;
  reached: number;
  reactivations: number;
  heldOut: number;
  heldOutReturned: number;
  /** rate(reached) − rate(held out) with Newcombe's 95% interval; null below 100 held-out cycles. */
  lift: { value: number; low: number; high: number } | null;
  incrementalReactivations: number | null;
  incrementalRevenue: Money;
  /** Held-out cycles still needed before a verdict (0 when there are enough). */
  needed: number;
  /** The verdict in plain words. */
  verdict: string;
};

export type DashboardData = {
  zone: string;
  /** The earliest day still inside an open attribution window: groups after it are provisional. */
  provisionalFrom: string;
  kpis: {
    /** Cycles in which a reminder was sent (a contact who lapsed twice counts twice). */
    contactsReached: number;
    remindersSent: number;
    reactivations: number;
    rate: number | null;
    returns: number;
    revenue: Money;
    revenuePerReactivation: Money;
    incrementalReactivations: number | null;
  };
  series: SeriesPoint[];
  byStage: GroupRow[];
  /** Channel rows may add up to more than the total: a reactivation without a click counts under every channel that delivered. */
  byChannel: GroupRow[];
  /** By the month the contact went dormant (the start of the cycle). */
  byCohort: GroupRow[];
  variants: VariantRow[];
  /** In cycles: some delivery planned → a reminder sent → a link opened → reactivated. */
  funnel: { planned: number; sent: number; clicked: number; reactivated: number };
  health: {
    failuresByClass: { key: string; count: number }[];
    retries: number;
    deferredQuietHours: number;
    capped: number;
    superseded: number;
    skippedByReason: { key: string; count: number }[];
    heldOut: number;
  };
  holdout: HoldoutCard;
};
