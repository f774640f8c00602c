import { localDate } from "@/server/engine/time";
import { firstSentAt, type CycleFacts, type CycleOutcome } from "../attribution";
import type { Money } from "../money";
import { periodKinds, periodStart } from "../periods";
import type { RollupSums } from "./sums";

/** A variant's group key: what the variants table lists (stage × channel × variant, with its CTA). */
export const variantKey = (v: {
  stage: string;
  channel: string;
  variant: string;
  ctaKind: string;
}) => [v.stage, v.channel, v.variant, v.ctaKind].join("|");

function addMoney(
  sums: RollupSums,
  at: Parameters<RollupSums["add"]>[0],
  prefix: string,
  m: Money,
) {
  for (const [currency, minor] of Object.entries(m)) sums.add(at, `${prefix}:${currency}`, minor);
}

/**
 * What one cycle adds to the rollups (SPEC §1.8), per week and per month: a reached cycle in the
 * period its attributed reminder was first sent, under the total and every stage, channel, variant
 * that reached it and its dormancy cohort; its reactivation and revenue under the attributed stage,
 * the credited channels and variants; a held-out cycle in the period of its would-be send; a return
 * in the period it happened.
 */
export function addOutcome(sums: RollupSums, o: CycleOutcome, zone: string): void {
  for (const period of periodKinds) {
    const at = (instant: Date, dimension: string, key: string) => ({
      period,
      periodStart: periodStart(localDate(instant, zone), period),
      dimension,
      key,
    });
    const { cycle } = o;
    if (cycle.heldOut) {
      if (!cycle.wouldBeAt) continue;
      const total = at(cycle.wouldBeAt, "total", "");
      sums.add(total, "held_out");
      if (o.heldOutReturned) {
        sums.add(total, "held_out_returned");
        addMoney(sums, total, "held_out_revenue", o.revenue);
      }
      continue;
    }
    if (cycle.returnedAt) sums.add(at(cycle.returnedAt, "total", ""), "returns");
    if (!o.reached) continue;
    // A cycle whose only sends finished after the return (an attempt in flight) has no
    // attributed reminder: it counts in the period of its first send.
    const when = o.attributed?.firstSentAt ?? firstSend(cycle);
    const sent = cycle.reminders.filter((r) => r.delivered.length > 0);
    const groups = [
      at(when, "total", ""),
      at(when, "cohort", localDate(cycle.startedAt, zone).slice(0, 7)),
      ...[...new Set(sent.map((r) => r.stage))].map((s) => at(when, "stage", s)),
      ...[...new Set(sent.flatMap((r) => r.delivered.map((d) => d.channel)))].map((c) =>
        at(when, "channel", c),
      ),
      ...[
        ...new Set(
          sent.flatMap((r) => r.delivered.map((d) => variantKey({ ...d, stage: r.stage }))),
        ),
      ].map((v) => at(when, "variant", v)),
    ];
    for (const group of groups) sums.add(group, "reached");
    sums.add(groups[0]!, "planned");
    if (cycle.reminders.some((r) => r.clicks.length > 0)) sums.add(groups[0]!, "clicked");
    if (!o.reactivated || !o.attributed) continue;
    const stage = o.attributed.reminder.stage;
    const credited = [
      at(when, "total", ""),
      at(when, "cohort", localDate(cycle.startedAt, zone).slice(0, 7)),
      at(when, "stage", stage),
      ...[...new Set(o.credited.map((c) => c.channel))].map((c) => at(when, "channel", c)),
      ...[...new Set(o.credited.map((c) => variantKey({ ...c, stage })))].map((v) =>
        at(when, "variant", v),
      ),
    ];
    for (const group of credited) {
      sums.add(group, "reactivations");
      addMoney(sums, group, "revenue", o.revenue);
    }
  }
}

function firstSend(cycle: CycleFacts): Date {
  const sends = cycle.reminders.flatMap((r) => firstSentAt(r) ?? []);
  return new Date(Math.min(...sends.map(Number)));
}
