import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema/enums";
import {
  attributedReminder,
  creditedChannels,
  cycleOutcome,
  firstSentAt,
  revenueAfter,
  withinWindow,
  type CycleFacts,
  type DeliveredChannel,
  type ReminderFacts,
  type RevenueEvent,
} from "./attribution";

/*
 * SPEC §1.8, case by case. Every expectation is worked out by hand from the rule; `why` says how.
 * Times are UTC; 30 days = 720 h = 2 592 000 000 ms.
 */

const at = (iso: string) => new Date(iso);

const sent = (channel: Channel, iso: string, variant = "fallback"): DeliveredChannel => ({
  channel,
  variant,
  ctaKind: "practice",
  at: at(iso),
});

const click = (channel: Channel, iso: string) => ({ channel, at: at(iso) });

function reminder(
  id: string,
  delivered: DeliveredChannel[],
  clicks: ReminderFacts["clicks"] = [],
  stage = id,
): ReminderFacts {
  return { id, stage, delivered, clicks };
}

function cycle(fields: Partial<CycleFacts> = {}): CycleFacts {
  return {
    id: "cycle",
    contactId: "contact",
    startedAt: at("2026-01-01T03:00:00.000Z"),
    returnedAt: null,
    heldOut: false,
    wouldBeAt: null,
    reminders: [],
    ...fields,
  };
}

const revenue = (iso: string, revenueMinor: number, currency: string | null): RevenueEvent => ({
  at: at(iso),
  revenueMinor,
  currency,
});

/** streak_lost on both channels Jan 3 01:00; week on both Jan 8 01:00 (a learner's cycle). */
const streakLost = reminder("streak_lost", [
  sent("web_push", "2026-01-03T01:00:00.000Z"),
  sent("zalo", "2026-01-03T01:00:00.000Z"),
]);
const week = reminder("week", [
  sent("web_push", "2026-01-08T01:00:00.000Z"),
  sent("zalo", "2026-01-08T01:00:00.000Z"),
]);

describe("withinWindow: exact durations of N × 24 h, both ends included", () => {
  const from = "2026-01-03T01:00:00.000Z";
  it.each([
    ["the send instant itself is the window's first end", from, 30, true],
    ["exactly 30 × 24 h after is the window's last end", "2026-02-02T01:00:00.000Z", 30, true],
    ["1 ms more is out", "2026-02-02T01:00:00.001Z", 30, false],
    [
      "1 ms before the start is out (a return before the send)",
      "2026-01-03T00:59:59.999Z",
      30,
      false,
    ],
    ["a one-day window is 24 h, not a calendar day", "2026-01-04T01:00:00.000Z", 1, true],
    ["a one-day window ends 24 h after", "2026-01-04T01:00:00.001Z", 1, false],
  ])("%s (%s, %i days → %s)", (_why, iso, days, inside) => {
    expect(withinWindow(at(from), at(iso), days)).toBe(inside);
  });

  it.each([
    // 2026-03-08 is the US spring-forward: New York wall clocks skip an hour, the window does not.
    ["2026-03-31T13:00:00.000Z", true, "30 × 24 h after, though it reads 09:00 local, not 08:00"],
    ["2026-03-31T13:00:00.001Z", false, "1 ms past the 720 h"],
  ])("across a DST change the window stays 720 h: %s → %s (%s)", (iso, inside) => {
    expect(withinWindow(at("2026-03-01T13:00:00.000Z"), at(iso), 30)).toBe(inside);
  });
});

describe("firstSentAt: the first successful delivery of a reminder", () => {
  it.each([
    ["a reminder sent on no channel has none", reminder("r", []), null],
    [
      "two channels sent at different times: the earliest counts, whatever the order listed",
      reminder("r", [
        sent("zalo", "2026-01-03T09:00:00.000Z"),
        sent("web_push", "2026-01-03T01:05:00.000Z"),
      ]),
      "2026-01-03T01:05:00.000Z",
    ],
    [
      "one channel: its send",
      reminder("r", [sent("sms", "2026-01-03T14:00:00.000Z")]),
      "2026-01-03T14:00:00.000Z",
    ],
  ])("%s", (_why, r, expected) => {
    expect(firstSentAt(r)?.toISOString() ?? null).toBe(expected);
  });
});

describe("attributedReminder: the most recent reminder sent before the return, and its window", () => {
  type Case = {
    why: string;
    reminders: ReminderFacts[];
    returnedAt: string | null;
    windowDays?: number;
    /** The reminder id it is measured against, null for none. */
    reminder: string | null;
    firstSent?: string;
    reactivated?: boolean;
  };
  const cases: Case[] = [
    {
      why: "no reminder in the cycle: a return, not a reactivation, attributed to nothing",
      reminders: [],
      returnedAt: "2026-01-05T00:00:00.000Z",
      reminder: null,
    },
    {
      why: "a reminder that went out on no channel (all skipped or failed) was not sent",
      reminders: [reminder("streak_lost", [])],
      returnedAt: "2026-01-05T00:00:00.000Z",
      reminder: null,
    },
    {
      why: "a return before the only reminder's send is not attributed to it",
      reminders: [streakLost],
      returnedAt: "2026-01-03T00:59:59.999Z",
      reminder: null,
    },
    {
      why: "a return at the very instant of the send: the window's first end, included",
      reminders: [streakLost],
      returnedAt: "2026-01-03T01:00:00.000Z",
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "exactly 30 × 24 h after the send: the window's last end, included",
      reminders: [streakLost],
      returnedAt: "2026-02-02T01:00:00.000Z",
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "1 ms past 30 × 24 h: attributed to it for grouping, but not a reactivation",
      reminders: [streakLost],
      returnedAt: "2026-02-02T01:00:00.001Z",
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: false,
    },
    {
      why: "a 7-day window: 7 × 24 h after is in",
      reminders: [streakLost],
      returnedAt: "2026-01-10T01:00:00.000Z",
      windowDays: 7,
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "a 7-day window: 8 days after is out though within the default 30",
      reminders: [streakLost],
      returnedAt: "2026-01-11T01:00:00.000Z",
      windowDays: 7,
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: false,
    },
    {
      why: "inside both reminders' windows: the most recent one (week) gets it, not streak_lost",
      reminders: [streakLost, week],
      returnedAt: "2026-01-20T03:00:00.000Z",
      reminder: "week",
      firstSent: "2026-01-08T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "most recent by send, not by the order listed",
      reminders: [week, streakLost],
      returnedAt: "2026-01-20T03:00:00.000Z",
      reminder: "week",
      firstSent: "2026-01-08T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "30 × 24 h after week, 35 days after streak_lost: measured from week, so a reactivation",
      reminders: [streakLost, week],
      returnedAt: "2026-02-07T01:00:00.000Z",
      reminder: "week",
      firstSent: "2026-01-08T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "1 ms past week's window: week is still the reminder it is measured against; not a reactivation",
      reminders: [streakLost, week],
      returnedAt: "2026-02-07T01:00:00.001Z",
      reminder: "week",
      firstSent: "2026-01-08T01:00:00.000Z",
      reactivated: false,
    },
    {
      why: "a later reminder sent after the return does not count: streak_lost is the one sent before",
      reminders: [streakLost, week],
      returnedAt: "2026-01-05T12:00:00.000Z",
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "first successful delivery: web push at 01:00, Zalo (after retries) at 03:35; the window counts from 01:00, so 30 d after 01:00 is in",
      reminders: [
        reminder("streak_lost", [
          sent("zalo", "2026-01-03T03:35:00.000Z"),
          sent("web_push", "2026-01-03T01:00:00.000Z"),
        ]),
      ],
      returnedAt: "2026-02-02T01:00:00.000Z",
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "…and 30 d after Zalo's 03:35 is out: it is past 30 × 24 h after the first delivery",
      reminders: [
        reminder("streak_lost", [
          sent("zalo", "2026-01-03T03:35:00.000Z"),
          sent("web_push", "2026-01-03T01:00:00.000Z"),
        ]),
      ],
      returnedAt: "2026-02-02T03:35:00.000Z",
      reminder: "streak_lost",
      firstSent: "2026-01-03T01:00:00.000Z",
      reactivated: false,
    },
    {
      why: "a reminder whose first channel went out before the return counts though another went out after",
      reminders: [
        streakLost,
        reminder("week", [
          sent("web_push", "2026-01-08T01:00:00.000Z"),
          sent("zalo", "2026-01-08T05:00:00.000Z"),
        ]),
      ],
      returnedAt: "2026-01-08T02:00:00.000Z",
      reminder: "week",
      firstSent: "2026-01-08T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "a recurring reminder sent after month is the most recent: attributed to `recurring`",
      reminders: [
        reminder("month", [sent("zalo", "2026-01-31T01:00:00.000Z")]),
        reminder("recurring-1", [sent("zalo", "2026-05-01T01:00:00.000Z")], [], "recurring"),
      ],
      returnedAt: "2026-05-10T00:00:00.000Z",
      reminder: "recurring-1",
      firstSent: "2026-05-01T01:00:00.000Z",
      reactivated: true,
    },
    {
      why: "no return: the most recent reminder sent, and no reactivation",
      reminders: [streakLost, week],
      returnedAt: null,
      reminder: "week",
      firstSent: "2026-01-08T01:00:00.000Z",
      reactivated: false,
    },
  ];
  it.each(cases)("$why", (c) => {
    const result = attributedReminder(
      c.reminders,
      c.returnedAt ? at(c.returnedAt) : null,
      c.windowDays ?? 30,
    );
    if (c.reminder === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    expect({
      reminder: result!.reminder.id,
      firstSent: result!.firstSentAt.toISOString(),
      reactivated: result!.reactivated,
    }).toEqual({ reminder: c.reminder, firstSent: c.firstSent, reactivated: c.reactivated });
  });
});

describe("creditedChannels: the last link opened before the return, or every delivering channel", () => {
  const both = [
    sent("web_push", "2026-01-03T01:00:00.000Z", "push-a"),
    sent("zalo", "2026-01-03T01:00:00.000Z", "zalo-b"),
  ];
  const returnedAt = "2026-01-03T05:00:00.000Z";
  it.each([
    {
      why: "no link opened: every channel that delivered the reminder, once each",
      clicks: [],
      channels: ["web_push:push-a", "zalo:zalo-b"],
      byClick: false,
    },
    {
      why: "web push opened at 02:00, Zalo at 03:00, return at 05:00: Zalo (the last opened), with its variant",
      clicks: [
        click("web_push", "2026-01-03T02:00:00.000Z"),
        click("zalo", "2026-01-03T03:00:00.000Z"),
      ],
      channels: ["zalo:zalo-b"],
      byClick: true,
    },
    {
      why: "the last by time, not by the order listed",
      clicks: [
        click("zalo", "2026-01-03T03:00:00.000Z"),
        click("web_push", "2026-01-03T02:00:00.000Z"),
      ],
      channels: ["zalo:zalo-b"],
      byClick: true,
    },
    {
      why: "a click after the return does not count: Zalo at 03:00 is the last one before it",
      clicks: [
        click("zalo", "2026-01-03T03:00:00.000Z"),
        click("web_push", "2026-01-03T06:00:00.000Z"),
      ],
      channels: ["zalo:zalo-b"],
      byClick: true,
    },
    {
      why: "the only click came after the return: as if none, every delivering channel",
      clicks: [click("web_push", "2026-01-03T05:00:00.001Z")],
      channels: ["web_push:push-a", "zalo:zalo-b"],
      byClick: false,
    },
    {
      why: "the same link opened twice: its channel once",
      clicks: [
        click("web_push", "2026-01-03T02:00:00.000Z"),
        click("web_push", "2026-01-03T04:00:00.000Z"),
      ],
      channels: ["web_push:push-a"],
      byClick: true,
    },
  ])("$why", ({ clicks, channels, byClick }) => {
    const credit = creditedChannels(reminder("streak_lost", both, clicks), at(returnedAt));
    expect(credit.channels.map((c) => `${c.channel}:${c.variant}`).sort()).toEqual(channels);
    expect(credit.byClick).toBe(byClick);
  });

  it("a reminder delivered on one channel only credits that one", () => {
    const credit = creditedChannels(
      reminder("month", [sent("email", "2026-01-01T14:00:00.000Z")]),
      at("2026-01-02T00:00:00.000Z"),
    );
    expect(credit).toEqual({
      channels: [sent("email", "2026-01-01T14:00:00.000Z")],
      byClick: false,
    });
  });
});

describe("revenueAfter: the contact's activity from the return through the window after it", () => {
  const returnedAt = at("2026-01-05T12:00:00.000Z");
  it.each([
    {
      why: "1 ms before the return is excluded",
      events: [revenue("2026-01-05T11:59:59.999Z", 5000, "USD")],
      expected: {},
    },
    {
      why: "the return itself is included (the window's first end)",
      events: [revenue("2026-01-05T12:00:00.000Z", 32500, "USD")],
      expected: { USD: 32500 },
    },
    {
      why: "exactly 30 × 24 h after the return is included (Feb 4 12:00), 1 ms more is not",
      events: [
        revenue("2026-02-04T12:00:00.000Z", 1000, "USD"),
        revenue("2026-02-04T12:00:00.001Z", 7000, "USD"),
      ],
      expected: { USD: 1000 },
    },
    {
      why: "scenario 22's contact a: 32500 + 5000 + 1000, not the 7000 1 ms late: 38500",
      events: [
        revenue("2026-01-05T12:00:00.000Z", 32500, "USD"),
        revenue("2026-01-20T09:00:00.000Z", 5000, "USD"),
        revenue("2026-02-04T12:00:00.000Z", 1000, "USD"),
        revenue("2026-02-04T12:00:00.001Z", 7000, "USD"),
      ],
      expected: { USD: 38500 },
    },
    {
      why: "several currencies are summed apart, never converted",
      events: [
        revenue("2026-01-05T12:00:00.000Z", 32500, "USD"),
        revenue("2026-01-06T00:00:00.000Z", 250000, "VND"),
        revenue("2026-01-07T00:00:00.000Z", 500, "USD"),
        revenue("2026-01-08T00:00:00.000Z", 120, "EUR"),
      ],
      expected: { USD: 33000, VND: 250000, EUR: 120 },
    },
    {
      why: "activity without revenue (no currency, or 0) adds nothing and no currency key",
      events: [
        revenue("2026-01-06T00:00:00.000Z", 0, null),
        revenue("2026-01-07T00:00:00.000Z", 0, "USD"),
      ],
      expected: {},
    },
  ])("$why", ({ events, expected }) => {
    expect(revenueAfter(events, returnedAt, 30)).toEqual(expected);
  });

  it("a shorter window cuts earlier: 7 days after Jan 5 12:00 is Jan 12 12:00", () => {
    const events = [
      revenue("2026-01-12T12:00:00.000Z", 100, "USD"),
      revenue("2026-01-12T12:00:00.001Z", 10, "USD"),
    ];
    expect(revenueAfter(events, returnedAt, 7)).toEqual({ USD: 100 });
  });
});

describe("cycleOutcome: what one cycle counts for", () => {
  const events = [
    revenue("2026-01-01T00:00:00.000Z", 999, "USD"), // before any return
    revenue("2026-01-10T03:00:00.000Z", 8000, "USD"), // the return
    revenue("2026-01-20T00:00:00.000Z", 50000, "VND"),
  ];

  it("a reactivation: reached, attributed to week, credited to both channels, with its revenue", () => {
    const o = cycleOutcome(
      cycle({ reminders: [streakLost, week], returnedAt: at("2026-01-10T03:00:00.000Z") }),
      events,
      30,
    );
    expect(o).toMatchObject({
      reached: true,
      reactivated: true,
      creditedByClick: false,
      heldOutReturned: false,
      revenue: { USD: 8000, VND: 50000 },
    });
    expect(o.attributed?.reminder.stage).toBe("week");
    expect(o.credited.map((c) => c.channel)).toEqual(["web_push", "zalo"]);
  });

  it("a return with no reminder sent in the cycle: not reached, not a reactivation, no revenue", () => {
    const o = cycleOutcome(
      cycle({
        reminders: [reminder("streak_lost", [])],
        returnedAt: at("2026-01-02T18:00:00.000Z"),
      }),
      events,
      30,
    );
    expect(o).toMatchObject({ reached: false, reactivated: false, attributed: null, revenue: {} });
    expect(o.credited).toEqual([]);
  });

  it("a return after the window: reached, a return but no reactivation, so no revenue and no credit", () => {
    const o = cycleOutcome(
      cycle({ reminders: [streakLost], returnedAt: at("2026-02-02T01:00:00.001Z") }),
      [revenue("2026-02-02T01:00:00.001Z", 7000, "USD")],
      30,
    );
    expect(o).toMatchObject({ reached: true, reactivated: false, credited: [], revenue: {} });
  });

  it("no return yet: reached, nothing else", () => {
    const o = cycleOutcome(cycle({ reminders: [streakLost] }), events, 30);
    expect(o).toMatchObject({ reached: true, reactivated: false, revenue: {}, credited: [] });
  });

  it("a click on the attributed reminder credits its channel only", () => {
    const clicked = reminder("week", week.delivered, [
      click("web_push", "2026-01-09T00:00:00.000Z"),
    ]);
    const o = cycleOutcome(
      cycle({ reminders: [streakLost, clicked], returnedAt: at("2026-01-10T03:00:00.000Z") }),
      [],
      30,
    );
    expect(o.credited.map((c) => c.channel)).toEqual(["web_push"]);
    expect(o.creditedByClick).toBe(true);
  });

  it("a click on an earlier reminder's link does not count for the most recent one", () => {
    const clickedEarlier = reminder("streak_lost", streakLost.delivered, [
      click("zalo", "2026-01-04T00:00:00.000Z"),
    ]);
    const o = cycleOutcome(
      cycle({ reminders: [clickedEarlier, week], returnedAt: at("2026-01-10T03:00:00.000Z") }),
      [],
      30,
    );
    expect(o.attributed?.reminder.stage).toBe("week");
    expect(o.credited.map((c) => c.channel)).toEqual(["web_push", "zalo"]);
    expect(o.creditedByClick).toBe(false);
  });

  it("a reminder whose only delivery finished after the return (an attempt in flight) still reached the cycle", () => {
    // SPEC §1.8 "reached": sent on at least one channel. The return is not a reactivation: no
    // reminder was sent before it.
    const o = cycleOutcome(
      cycle({
        reminders: [reminder("streak_lost", [sent("zalo", "2026-01-03T01:00:02.000Z")])],
        returnedAt: at("2026-01-03T01:00:01.000Z"),
      }),
      [],
      30,
    );
    expect(o).toMatchObject({ reached: true, reactivated: false, attributed: null, credited: [] });
  });

  describe("held-out cycles", () => {
    const wouldBeAt = at("2026-01-03T01:00:00.000Z");
    it.each([
      {
        why: "returned 7 days after the would-be send: a held-out return with its revenue",
        wouldBeAt,
        returnedAt: "2026-01-10T03:00:00.000Z",
        heldOutReturned: true,
        revenue: { USD: 8000, VND: 50000 },
      },
      {
        why: "returned exactly 30 × 24 h after the would-be send: included",
        wouldBeAt,
        returnedAt: "2026-02-02T01:00:00.000Z",
        heldOutReturned: true,
        revenue: {},
      },
      {
        why: "returned 1 ms later: not a held-out return",
        wouldBeAt,
        returnedAt: "2026-02-02T01:00:00.001Z",
        heldOutReturned: false,
        revenue: {},
      },
      {
        why: "returned before anything would have gone out: not within the window after it",
        wouldBeAt,
        returnedAt: "2026-01-02T18:00:00.000Z",
        heldOutReturned: false,
        revenue: {},
      },
      {
        why: "no would-be send at all: never a held-out return",
        wouldBeAt: null,
        returnedAt: "2026-01-10T03:00:00.000Z",
        heldOutReturned: false,
        revenue: {},
      },
      {
        why: "not returned",
        wouldBeAt,
        returnedAt: null,
        heldOutReturned: false,
        revenue: {},
      },
    ])("$why; never reached, never a reactivation", (c) => {
      const o = cycleOutcome(
        cycle({
          heldOut: true,
          wouldBeAt: c.wouldBeAt,
          returnedAt: c.returnedAt ? at(c.returnedAt) : null,
          // Its deliveries ended `held_out`, so it has no successful delivery.
          reminders: [reminder("streak_lost", []), reminder("week", [])],
        }),
        events,
        30,
      );
      expect(o).toMatchObject({
        reached: false,
        reactivated: false,
        credited: [],
        heldOutReturned: c.heldOutReturned,
        revenue: c.revenue,
      });
    });

    it("a held-out flag wins even over a delivery the facts show as sent: not reached, not reactivated", () => {
      const o = cycleOutcome(
        cycle({
          heldOut: true,
          wouldBeAt,
          reminders: [streakLost],
          returnedAt: at("2026-01-10T03:00:00.000Z"),
        }),
        events,
        30,
      );
      expect(o).toMatchObject({ reached: false, reactivated: false, heldOutReturned: true });
    });
  });
});
