import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema/enums";
import {
  cycleOutcome,
  type CycleFacts,
  type CycleOutcome,
  type ReminderFacts,
  type RevenueEvent,
} from "./attribution";
import { addMoney, type Money } from "./money";
import { summarize, type Counts } from "./summary";

/*
 * SPEC §1.8 as invariants over random cycles: each reminder delivered on some channels at some
 * instants, links opened after their send, a return or not, held out or not, and the contact's
 * revenue. Instants are whole minutes within 60 days, so ties are rare but happen.
 */

const DAY = 86_400_000;
const BASE = Date.parse("2026-01-01T00:00:00.000Z");
const channels: Channel[] = ["email", "sms", "web_push", "zalo"];
const stages = ["streak_lost", "week", "month", "recurring"];

const instant = fc.integer({ min: 0, max: 60 * 1440 }).map((m) => new Date(BASE + m * 60_000));

const reminderArb = (id: string): fc.Arbitrary<ReminderFacts> =>
  fc
    .record({
      stage: fc.constantFrom(...stages),
      delivered: fc.uniqueArray(
        fc.record({
          channel: fc.constantFrom(...channels),
          variant: fc.constantFrom("a", "b", "fallback"),
          at: instant,
        }),
        { selector: (d) => d.channel, maxLength: 3 },
      ),
    })
    .chain(({ stage, delivered }) =>
      fc
        .array(
          delivered.length
            ? fc.record({
                index: fc.nat({ max: delivered.length - 1 }),
                after: fc.integer({ min: 0, max: 10 * 1440 }),
              })
            : fc.constant(null),
          { maxLength: delivered.length ? 3 : 0 },
        )
        .map((picks) => ({
          id,
          stage,
          delivered: delivered.map((d) => ({ ...d, ctaKind: "practice" })),
          // A link is opened after its message went out.
          clicks: picks.flatMap((p) =>
            p
              ? [
                  {
                    channel: delivered[p.index]!.channel,
                    at: new Date(delivered[p.index]!.at.getTime() + p.after * 60_000),
                  },
                ]
              : [],
          ),
        })),
    );

let cycleIds = 0;

const cycleArb: fc.Arbitrary<{ cycle: CycleFacts; events: RevenueEvent[] }> = fc
  .record({
    // One cycle in four held out.
    heldOut: fc.nat({ max: 3 }).map((n) => n === 0),
    wouldBeAt: fc.option(instant, { nil: null }),
    returnedAt: fc.option(instant, { nil: null }),
    count: fc.nat({ max: 4 }),
    events: fc.array(
      fc.record({
        at: instant,
        revenueMinor: fc.integer({ min: 1, max: 100_000 }),
        currency: fc.constantFrom("USD", "VND", "EUR"),
      }),
      { maxLength: 6 },
    ),
  })
  .chain(({ heldOut, wouldBeAt, returnedAt, count, events }) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => reminderArb(`r${i}`))).map((reminders) => {
      const id = `cycle-${++cycleIds}`;
      const cycle: CycleFacts = {
        id,
        contactId: `contact-${id}`,
        startedAt: new Date(BASE - DAY),
        returnedAt,
        heldOut,
        // A held-out cycle sends nothing: its deliveries ended `held_out`.
        wouldBeAt: heldOut ? wouldBeAt : null,
        reminders: heldOut
          ? reminders.map((r) => ({ ...r, delivered: [], clicks: [] }))
          : reminders,
      };
      return { cycle, events };
    }),
  );

const windowArb = fc.integer({ min: 1, max: 60 });

const outcomeOf = ({ cycle, events }: { cycle: CycleFacts; events: RevenueEvent[] }, w: number) =>
  cycleOutcome(cycle, events, w);

const firstSend = (r: ReminderFacts) =>
  r.delivered.length ? Math.min(...r.delivered.map((d) => d.at.getTime())) : null;

/** No two reminders first sent at the same instant, no two clicks of a reminder at one instant. */
function noTies(cycle: CycleFacts): boolean {
  const firsts = cycle.reminders.flatMap((r) => firstSend(r) ?? []);
  if (new Set(firsts).size !== firsts.length) return false;
  return cycle.reminders.every(
    (r) => new Set(r.clicks.map((c) => c.at.getTime())).size === r.clicks.length,
  );
}

/** SPEC §1.8 written out plainly, to compare with: what one cycle counts for. */
function oracle(cycle: CycleFacts, events: RevenueEvent[], windowDays: number) {
  const window = windowDays * DAY;
  const ret = cycle.returnedAt?.getTime() ?? null;
  const reached = !cycle.heldOut && cycle.reminders.some((r) => r.delivered.length > 0);
  const before =
    ret === null
      ? []
      : cycle.reminders
          .filter((r) => firstSend(r) !== null && firstSend(r)! <= ret)
          .sort((a, b) => firstSend(b)! - firstSend(a)!);
  const latest = before[0];
  const reactivated =
    !cycle.heldOut && ret !== null && latest !== undefined && ret - firstSend(latest)! <= window;
  let credited: string[] = [];
  if (reactivated) {
    const opened = latest.clicks
      .filter((c) => c.at.getTime() <= ret)
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    const delivered = (channel: Channel) => latest.delivered.find((d) => d.channel === channel)!;
    credited = (opened.length ? [delivered(opened[0]!.channel)] : latest.delivered).map(
      (d) => `${d.channel}:${d.variant}`,
    );
  }
  const would = cycle.wouldBeAt?.getTime() ?? null;
  const heldOutReturned =
    cycle.heldOut && would !== null && ret !== null && ret >= would && ret - would <= window;
  const revenue: Money = {};
  if ((reactivated || heldOutReturned) && ret !== null)
    for (const e of events) {
      const after = e.at.getTime() - ret;
      if (after >= 0 && after <= window && e.currency)
        revenue[e.currency] = (revenue[e.currency] ?? 0) + e.revenueMinor;
    }
  return {
    reached,
    reactivated,
    stage: reactivated ? latest.stage : null,
    credited: credited.sort(),
    heldOutReturned,
    revenue,
  };
}

/** What an outcome counts for, without instants (so shifted or shuffled cycles compare). */
const essence = (o: CycleOutcome) => ({
  reached: o.reached,
  reactivated: o.reactivated,
  stage: o.reactivated ? o.attributed!.reminder.stage : null,
  credited: o.credited.map((c) => `${c.channel}:${c.variant}`).sort(),
  heldOutReturned: o.heldOutReturned,
  revenue: o.revenue,
});

const sumMoney = (list: Money[]) => list.reduce<Money>((a, b) => addMoney(a, b), {});
const groups = (s: ReturnType<typeof summarize>) => [
  s.total,
  ...Object.values(s.byStage),
  ...Object.values(s.byChannel),
];

describe("one cycle against SPEC §1.8 written out plainly", () => {
  it("reached, reactivated, its stage, the channels credited, the held-out return and the revenue agree", () => {
    fc.assert(
      fc.property(cycleArb, windowArb, (c, w) => {
        fc.pre(noTies(c.cycle));
        expect(essence(outcomeOf(c, w))).toEqual(oracle(c.cycle, c.events, w));
      }),
      { numRuns: 500 },
    );
  });

  it("shifting every instant of a cycle and its contact's activity by the same amount changes no outcome", () => {
    const shift = fc
      .integer({ min: -3650, max: 3650 })
      .chain((days) => fc.integer({ min: -DAY, max: DAY }).map((ms) => days * DAY + ms));
    fc.assert(
      fc.property(cycleArb, windowArb, shift, (c, w, by) => {
        const move = (d: Date) => new Date(d.getTime() + by);
        const moveOrNull = (d: Date | null) => d && move(d);
        const shifted = {
          cycle: {
            ...c.cycle,
            startedAt: move(c.cycle.startedAt),
            returnedAt: moveOrNull(c.cycle.returnedAt),
            wouldBeAt: moveOrNull(c.cycle.wouldBeAt),
            reminders: c.cycle.reminders.map((r) => ({
              ...r,
              delivered: r.delivered.map((d) => ({ ...d, at: move(d.at) })),
              clicks: r.clicks.map((k) => ({ ...k, at: move(k.at) })),
            })),
          },
          events: c.events.map((e) => ({ ...e, at: move(e.at) })),
        };
        const before = outcomeOf(c, w);
        const after = outcomeOf(shifted, w);
        expect(essence(after)).toEqual(essence(before));
        expect(after.attributed?.reminder.id).toBe(before.attributed?.reminder.id);
        const first = (o: CycleOutcome) => o.attributed?.firstSentAt.getTime() ?? null;
        expect(first(after)).toBe(first(before) === null ? null : first(before)! + by);
      }),
    );
  });

  it("the order facts are listed in changes no outcome (without ties)", () => {
    fc.assert(
      fc.property(cycleArb, windowArb, fc.integer(), (c, w, seed) => {
        fc.pre(noTies(c.cycle));
        // A deterministic shuffle: reverse, then rotate by the seed.
        const mix = <T>(list: T[]) => {
          const r = [...list].reverse();
          const k = r.length ? Math.abs(seed) % r.length : 0;
          return [...r.slice(k), ...r.slice(0, k)];
        };
        const mixed = {
          cycle: {
            ...c.cycle,
            reminders: mix(c.cycle.reminders).map((r) => ({
              ...r,
              delivered: mix(r.delivered),
              clicks: mix(r.clicks),
            })),
          },
          events: mix(c.events),
        };
        expect(essence(outcomeOf(mixed, w))).toEqual(essence(outcomeOf(c, w)));
      }),
    );
  });

  it("a longer window loses no reactivation and no revenue", () => {
    fc.assert(
      fc.property(cycleArb, windowArb, fc.integer({ min: 0, max: 30 }), (c, w, more) => {
        const short = outcomeOf(c, w);
        const long = outcomeOf(c, w + more);
        if (short.reactivated) expect(long.reactivated).toBe(true);
        if (short.heldOutReturned) expect(long.heldOutReturned).toBe(true);
        for (const [currency, minor] of Object.entries(short.revenue))
          expect(long.revenue[currency]).toBeGreaterThanOrEqual(minor);
      }),
    );
  });
});

describe("summaries over many cycles", () => {
  const workspace = fc.tuple(fc.array(cycleArb, { maxLength: 25 }), windowArb);

  it("reactivations never exceed the cycles reached, in the total and in every stage and channel", () => {
    fc.assert(
      fc.property(workspace, ([cs, w]) => {
        for (const g of groups(summarize(cs.map((c) => outcomeOf(c, w)))))
          expect(g.reactivations).toBeLessThanOrEqual(g.reached);
      }),
    );
  });

  it("total reactivations and revenue are the sums over stages; no channel exceeds the total, together they cover it", () => {
    fc.assert(
      fc.property(workspace, ([cs, w]) => {
        const s = summarize(cs.map((c) => outcomeOf(c, w)));
        const stageRows = Object.values(s.byStage);
        const channelRows = Object.values(s.byChannel);
        expect(stageRows.reduce((n, g) => n + g.reactivations, 0)).toBe(s.total.reactivations);
        expect(sumMoney(stageRows.map((g) => g.revenue))).toEqual(s.total.revenue);
        for (const g of channelRows)
          expect(g.reactivations).toBeLessThanOrEqual(s.total.reactivations);
        expect(channelRows.reduce((n, g) => n + g.reactivations, 0)).toBeGreaterThanOrEqual(
          s.total.reactivations,
        );
        // A cycle counts once in the total and under at least one stage and one channel.
        const atMostTotal = (g: Counts) => expect(g.reached).toBeLessThanOrEqual(s.total.reached);
        stageRows.forEach(atMostTotal);
        channelRows.forEach(atMostTotal);
        expect(stageRows.reduce((n, g) => n + g.reached, 0)).toBeGreaterThanOrEqual(
          s.total.reached,
        );
        expect(channelRows.reduce((n, g) => n + g.reached, 0)).toBeGreaterThanOrEqual(
          s.total.reached,
        );
      }),
    );
  });

  it("revenue comes only from reactivated cycles (and held-out returns, counted apart)", () => {
    fc.assert(
      fc.property(workspace, ([cs, w]) => {
        const outcomes = cs.map((c) => outcomeOf(c, w));
        for (const o of outcomes)
          if (!o.reactivated && !o.heldOutReturned) expect(o.revenue).toEqual({});
        const s = summarize(outcomes);
        expect(s.total.revenue).toEqual(
          sumMoney(outcomes.filter((o) => o.reactivated).map((o) => o.revenue)),
        );
        expect(s.holdout.revenue).toEqual(
          sumMoney(outcomes.filter((o) => o.heldOutReturned).map((o) => o.revenue)),
        );
      }),
    );
  });

  it("held-out cycles never count as reached, returns or reactivations; returned ≤ held out", () => {
    fc.assert(
      fc.property(workspace, ([cs, w]) => {
        const outcomes = cs.map((c) => outcomeOf(c, w));
        const s = summarize(outcomes);
        const treated = summarize(outcomes.filter((o) => !o.cycle.heldOut));
        // Adding the held-out cycles changes nothing but the holdout counts.
        expect({ ...s, holdout: null }).toEqual({ ...treated, holdout: null });
        for (const o of outcomes.filter((x) => x.cycle.heldOut))
          expect([o.reached, o.reactivated]).toEqual([false, false]);
        expect(s.holdout.returned).toBeLessThanOrEqual(s.holdout.heldOut);
        expect(s.holdout.heldOut).toBe(
          outcomes.filter((o) => o.cycle.heldOut && o.cycle.wouldBeAt).length,
        );
        expect(s.returns).toBe(
          outcomes.filter((o) => !o.cycle.heldOut && o.cycle.returnedAt).length,
        );
      }),
    );
  });

  it("the summary does not depend on the order of the cycles", () => {
    fc.assert(
      fc.property(workspace, ([cs, w]) => {
        const outcomes = cs.map((c) => outcomeOf(c, w));
        const sorted = (s: ReturnType<typeof summarize>) =>
          JSON.stringify(s, (_k, v: unknown) =>
            v && typeof v === "object" && !Array.isArray(v)
              ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
              : v,
          );
        expect(sorted(summarize([...outcomes].reverse()))).toBe(sorted(summarize(outcomes)));
      }),
    );
  });
});
