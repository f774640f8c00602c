import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema/enums";
import {
  cycleOutcome,
  type CycleFacts,
  type DeliveredChannel,
  type ReminderFacts,
  type RevenueEvent,
} from "./attribution";
import { divideMoney } from "./money";
import { summarize, type Counts } from "./summary";

/*
 * SPEC §1.8's counting rules over whole workspaces of cycles, each expectation worked out by hand
 * (`why` says how). Window: 30 days.
 */

const at = (iso: string) => new Date(iso);
const WINDOW = 30;

const sent = (channel: Channel, iso: string): DeliveredChannel => ({
  channel,
  variant: "fallback",
  ctaKind: "practice",
  at: at(iso),
});

/** A reminder delivered at `iso` on each of `channels`, with the links opened. */
function reminder(
  stage: string,
  iso: string,
  channels: Channel[] = ["web_push", "zalo"],
  clicks: [Channel, string][] = [],
): ReminderFacts {
  return {
    id: `${stage}@${iso}`,
    stage,
    delivered: channels.map((c) => sent(c, iso)),
    clicks: clicks.map(([channel, t]) => ({ channel, at: at(t) })),
  };
}

let ids = 0;
type Spec = Partial<Omit<CycleFacts, "returnedAt" | "wouldBeAt">> & {
  returnedAt?: string;
  wouldBeAt?: string;
  revenue?: [string, number, string][];
};

/** One cycle's outcome, its contact's revenue-carrying activity given as [at, minor, currency]. */
function outcome(spec: Spec) {
  const { returnedAt, wouldBeAt, revenue = [], ...rest } = spec;
  const facts: CycleFacts = {
    id: `cycle-${++ids}`,
    contactId: "contact",
    startedAt: at("2026-01-01T00:00:00.000Z"),
    heldOut: false,
    reminders: [],
    ...rest,
    returnedAt: returnedAt ? at(returnedAt) : null,
    wouldBeAt: wouldBeAt ? at(wouldBeAt) : null,
  };
  const events = revenue.map(([t, revenueMinor, currency]): RevenueEvent => ({
    at: at(t),
    revenueMinor,
    currency,
  }));
  return cycleOutcome(facts, events, WINDOW);
}

const counts = (reached: number, reactivations: number, revenue = {}): Counts => ({
  reached,
  reactivations,
  revenue,
});

const SL = "2026-01-03T01:00:00.000Z";
const WEEK = "2026-01-08T01:00:00.000Z";

describe("summarize: reached, reactivations and revenue by stage and channel", () => {
  it("nothing: zeros and no groups", () => {
    expect(summarize([])).toEqual({
      total: counts(0, 0),
      returns: 0,
      byStage: {},
      byChannel: {},
      holdout: { heldOut: 0, returned: 0, revenue: {} },
    });
  });

  it("a cycle counts under every stage that reached it and once in the total; the reactivation under week only", () => {
    // streak_lost Jan 3 and week Jan 8 on both channels, return Jan 10 (within week's window),
    // no link opened: week's reactivation, credited to both channels (so channels add up to 2).
    const s = summarize([
      outcome({
        reminders: [reminder("streak_lost", SL), reminder("week", WEEK)],
        returnedAt: "2026-01-10T03:00:00.000Z",
        revenue: [["2026-01-10T03:00:00.000Z", 8000, "USD"]],
      }),
    ]);
    expect(s.total).toEqual(counts(1, 1, { USD: 8000 }));
    expect(s.returns).toBe(1);
    expect(s.byStage).toEqual({
      streak_lost: counts(1, 0),
      week: counts(1, 1, { USD: 8000 }),
    });
    expect(s.byChannel).toEqual({
      web_push: counts(1, 1, { USD: 8000 }),
      zalo: counts(1, 1, { USD: 8000 }),
    });
  });

  it("a link opened before the return: the reactivation counts under that channel only", () => {
    const s = summarize([
      outcome({
        reminders: [
          reminder("streak_lost", SL),
          reminder("week", WEEK, ["web_push", "zalo"], [["zalo", "2026-01-08T02:00:00.000Z"]]),
        ],
        returnedAt: "2026-01-10T03:00:00.000Z",
        revenue: [["2026-01-10T03:00:00.000Z", 8000, "USD"]],
      }),
    ]);
    // Both channels reached the cycle; only Zalo reactivated it.
    expect(s.byChannel).toEqual({
      web_push: counts(1, 0),
      zalo: counts(1, 1, { USD: 8000 }),
    });
  });

  it("a channel that delivered two reminders of a cycle counts once for it", () => {
    // streak_lost on both channels, week on web push only: web push reached 1 cycle, not 2.
    const s = summarize([
      outcome({ reminders: [reminder("streak_lost", SL), reminder("week", WEEK, ["web_push"])] }),
    ]);
    expect(s.byChannel).toEqual({ web_push: counts(1, 0), zalo: counts(1, 0) });
    expect(s.byStage).toEqual({ streak_lost: counts(1, 0), week: counts(1, 0) });
    expect(s.total).toEqual(counts(1, 0));
  });

  it("a stage whose reminder went out on no channel did not reach the cycle", () => {
    const skipped: ReminderFacts = { id: "week", stage: "week", delivered: [], clicks: [] };
    const s = summarize([outcome({ reminders: [reminder("streak_lost", SL), skipped] })]);
    expect(Object.keys(s.byStage)).toEqual(["streak_lost"]);
  });

  it.each([
    {
      why: "a return with no reminder sent in the cycle is a return, not reached",
      spec: { returnedAt: "2026-01-02T18:00:00.000Z" },
      total: counts(0, 0),
      returns: 1,
    },
    {
      why: "a return past the window is a return in a reached cycle, no reactivation, no revenue",
      spec: {
        reminders: [reminder("streak_lost", SL)],
        returnedAt: "2026-02-02T01:00:00.001Z",
        revenue: [["2026-02-02T01:00:00.001Z", 7000, "USD"]] as [string, number, string][],
      },
      total: counts(1, 0),
      returns: 1,
    },
    {
      why: "no return yet: reached, not a return",
      spec: { reminders: [reminder("streak_lost", SL)] },
      total: counts(1, 0),
      returns: 0,
    },
  ])("$why", ({ spec, total, returns }) => {
    const s = summarize([outcome(spec)]);
    expect(s.total).toEqual(total);
    expect(s.returns).toBe(returns);
  });

  it("recurring reminders count under `recurring`", () => {
    const s = summarize([
      outcome({
        reminders: [
          reminder("month", "2026-01-31T01:00:00.000Z", ["zalo"]),
          reminder("recurring", "2026-05-01T01:00:00.000Z", ["zalo"]),
        ],
        returnedAt: "2026-05-02T00:00:00.000Z",
      }),
    ]);
    expect(s.byStage).toEqual({ month: counts(1, 0), recurring: counts(1, 1) });
  });

  it("several currencies are kept apart, and revenue per reactivation divides each by all reactivations", () => {
    // Two reactivations: one brought 10000 USD (9900 at the return + 100 two days later), the
    // other 250000 VND. Per reactivation: 10000 / 2 = 5000 USD and 250000 / 2 = 125000 VND.
    const s = summarize([
      outcome({
        reminders: [reminder("streak_lost", SL)],
        returnedAt: "2026-01-04T03:00:00.000Z",
        revenue: [
          ["2026-01-04T03:00:00.000Z", 9900, "USD"],
          ["2026-01-06T00:00:00.000Z", 100, "USD"],
        ],
      }),
      outcome({
        reminders: [reminder("streak_lost", SL)],
        returnedAt: "2026-01-05T00:00:00.000Z",
        revenue: [["2026-01-05T00:00:00.000Z", 250000, "VND"]],
      }),
    ]);
    expect(s.total).toEqual(counts(2, 2, { USD: 10000, VND: 250000 }));
    expect(divideMoney(s.total.revenue, s.total.reactivations)).toEqual({
      USD: 5000,
      VND: 125000,
    });
    expect(divideMoney({}, 0)).toEqual({});
  });

  describe("held-out cycles", () => {
    const wouldBeAt = SL;
    it.each([
      {
        why: "returned 7 days after the would-be send: held out and returned, with its revenue",
        spec: { wouldBeAt, returnedAt: "2026-01-10T03:00:00.000Z" },
        holdout: { heldOut: 1, returned: 1, revenue: { USD: 8000 } },
      },
      {
        why: "returned 30 × 24 h + 1 ms after the would-be send: held out, not returned",
        spec: { wouldBeAt, returnedAt: "2026-02-02T01:00:00.001Z" },
        holdout: { heldOut: 1, returned: 0, revenue: {} },
      },
      {
        why: "not returned: held out",
        spec: { wouldBeAt },
        holdout: { heldOut: 1, returned: 0, revenue: {} },
      },
      {
        why: "nothing would have gone out yet (no would-be send): not counted at all",
        spec: { returnedAt: "2026-01-10T03:00:00.000Z" },
        holdout: { heldOut: 0, returned: 0, revenue: {} },
      },
    ])("$why; never reached, never a return of the treated group", ({ spec, holdout }) => {
      const s = summarize([
        outcome({
          ...spec,
          heldOut: true,
          reminders: [{ id: "sl", stage: "streak_lost", delivered: [], clicks: [] }],
          revenue: [["2026-01-10T03:00:00.000Z", 8000, "USD"]],
        }),
      ]);
      expect(s.holdout).toEqual(holdout);
      expect(s.total).toEqual(counts(0, 0));
      expect(s.returns).toBe(0);
      expect(s.byStage).toEqual({});
      expect(s.byChannel).toEqual({});
    });
  });

  it("scenario 22, worked by hand in its description, from the facts alone", () => {
    // Europe/London (UTC in January): reminders at 08:00Z. a, b, c, d, e as in
    // scenarios/22-attribution-window-revenue-and-clicks.json.
    const both = ["web_push", "zalo"] as Channel[];
    const d = (day: string) => `2026-${day}T08:00:00.000Z`;
    const outcomes = [
      // a1: streak_lost Jan 3, returns Jan 5 12:00 with 32500 USD, then 5000 and 1000 within the
      // window (Feb 4 12:00:00.000 is its last instant), 7000 1 ms after it.
      outcome({
        reminders: [reminder("streak_lost", d("01-03"), both)],
        returnedAt: "2026-01-05T12:00:00.000Z",
        revenue: [
          ["2026-01-05T12:00:00.000Z", 32500, "USD"],
          ["2026-01-20T09:00:00.000Z", 5000, "USD"],
          ["2026-02-04T12:00:00.000Z", 1000, "USD"],
          ["2026-02-04T12:00:00.001Z", 7000, "USD"],
        ],
      }),
      outcome({
        reminders: [
          reminder("streak_lost", d("01-07")),
          reminder("week", d("01-12")),
          reminder("month", d("02-04")),
        ],
      }),
      // b1: month Jan 1, returns exactly 30 × 24 h later with 250000 VND.
      outcome({
        reminders: [reminder("month", d("01-01"))],
        returnedAt: "2026-01-31T08:00:00.000Z",
        revenue: [["2026-01-31T08:00:00.000Z", 250000, "VND"]],
      }),
      outcome({ reminders: [reminder("streak_lost", d("02-02")), reminder("week", d("02-07"))] }),
      // c1: 1 ms later: a return, not a reactivation.
      outcome({
        reminders: [reminder("month", d("01-01"))],
        returnedAt: "2026-01-31T08:00:00.001Z",
        revenue: [["2026-01-31T08:00:00.001Z", 5000, "USD"]],
      }),
      outcome({ reminders: [reminder("streak_lost", d("02-02")), reminder("week", d("02-07"))] }),
      // d1: web push link opened Jan 1 20:00, Zalo's Jan 2 09:00, returns Jan 10: Zalo only.
      outcome({
        reminders: [
          reminder("month", d("01-01"), both, [
            ["web_push", "2026-01-01T20:00:00.000Z"],
            ["zalo", "2026-01-02T09:00:00.000Z"],
          ]),
        ],
        returnedAt: "2026-01-10T10:00:00.000Z",
      }),
      outcome({
        reminders: [
          reminder("streak_lost", d("01-12")),
          reminder("week", d("01-17")),
          reminder("month", d("02-09")),
        ],
      }),
      // e1: returns Jan 2 before any reminder.
      outcome({
        returnedAt: "2026-01-02T15:00:00.000Z",
        revenue: [["2026-01-02T15:00:00.000Z", 9900, "USD"]],
      }),
      outcome({
        reminders: [
          reminder("streak_lost", d("01-04")),
          reminder("week", d("01-09")),
          reminder("month", d("02-01")),
        ],
      }),
    ];
    const s = summarize(outcomes);
    const both22 = { USD: 38500, VND: 250000 };
    expect(s.total).toEqual(counts(9, 3, both22));
    expect(s.returns).toBe(5);
    expect(s.byStage).toEqual({
      streak_lost: counts(6, 1, { USD: 38500 }),
      week: counts(5, 0),
      month: counts(6, 2, { VND: 250000 }),
    });
    expect(s.byChannel).toEqual({ web_push: counts(9, 2, both22), zalo: counts(9, 3, both22) });
  });
});
