import { describe, expect, it } from "vitest";
import { presetFor } from "@/db/presets";
import { ProviderError } from "./channels/provider";
import type { ContactContext } from "./contact-context";
import type { ReminderSummary } from "./ledger/cycle-history";
import { historyAfter, planSend, planSuperseded } from "./planning/reminder";
import { chooseTargets, upcomingMilestone } from "./planning/targets";
import { checkBeforeSend, type ClaimedRow } from "./sending/check";
import { NOTHING_MEANWHILE } from "./sending/meanwhile";
import { providerOutcome, recordOutcome } from "./sending/outcome";

const hcm = "Asia/Ho_Chi_Minh";
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** A learner in Ho Chi Minh City whose last activity was 2026-01-01 10:00 local. */
function learner(overrides: Partial<ContactContext> = {}): ContactContext {
  return {
    id: "c1",
    tenantId: "t1",
    externalId: "learner-1",
    name: "Lan Nguyen",
    firstName: null,
    email: null,
    phone: null,
    zaloUserId: "zalo-1",
    pushSubscription: '{"endpoint":"https://push.example/1","keys":{"p256dh":"k","auth":"a"}}',
    moduleState: "active",
    timeZone: hcm,
    locale: null,
    tags: [],
    program: null,
    lastSkill: null,
    lastActivityAt: new Date("2026-01-01T03:00:00Z"),
    lastService: null,
    lastServiceAt: null,
    channels: { web_push: "subscribed", zalo: "subscribed" },
    nextCheckAt: null,
    engineFailures: 0,
    engineError: null,
    engineErrorAt: null,
    createdAt: new Date("2025-01-01T00:00:00Z"),
    updatedAt: new Date("2025-01-01T00:00:00Z"),
    zone: hcm,
    settings: presetFor("self_study"),
    tenant: {
      kind: "self_study",
      holdoutSalt: "test",
      sender: { name: "Lotus", email: "hi@lotus.example", postalAddress: "1 Main St" },
    },
    ...overrides,
  };
}

const reminder = (
  key: string,
  reachedAt: string,
  extra: Partial<ReminderSummary> = {},
): ReminderSummary => ({
  id: key,
  key,
  sequence: 0,
  reachedAt: new Date(reachedAt),
  firstAttemptAt: null,
  void: false,
  live: 2,
  waiting: 0,
  ...extra,
});

/**
 * A learner with one stage and a reminder every 30 days, whose streak_lost went out on Jan 3
 * 08:00 local: the recurring count runs from that first attempt.
 */
function recurringEvery30() {
  const contact = learner({
    settings: {
      ...presetFor("self_study"),
      cadence: {
        stages: [{ key: "streak_lost", label: "s", threshold: 2, unit: "day" }],
        recurringEveryDays: 30,
      },
    },
  });
  const attempted = new Date("2026-01-03T01:00:00Z");
  const sent = reminder("streak_lost", "2026-01-02T17:00:00Z", { firstAttemptAt: attempted });
  return { contact, sent };
}

describe("chooseTargets (SPEC §1.1)", () => {
  it.each([
    // [now, history keys, expected send, expected superseded]
    ["2026-01-02T12:00:00Z", [], null, []], // nothing reached yet
    ["2026-01-02T17:00:00Z", [], "streak_lost", []], // Jan 3 00:00 local: streak_lost
    ["2026-01-08T00:00:00Z", [], "week", ["streak_lost"]], // both reached: highest only
    ["2026-01-08T00:00:00Z", ["streak_lost"], "week", []], // streak_lost handled already
    ["2026-01-05T00:00:00Z", ["streak_lost"], null, []], // week not reached yet
  ])("at %s with %j handled sends %s and supersedes %j", (now, handled, send, superseded) => {
    const history = handled.map((k) => reminder(k, "2026-01-02T17:00:00Z"));
    const targets = chooseTargets(learner(), history, new Date(now));
    expect(targets.send?.key ?? null).toBe(send);
    expect(targets.superseded.map((t) => t.key)).toEqual(superseded);
  });

  it("asks for recurring reminder n+1 once N local days have passed since the last attempt", () => {
    const { contact, sent } = recurringEvery30();
    const history = [sent];
    expect(chooseTargets(contact, history, new Date("2026-02-01T16:59:00Z")).send).toBeNull();
    expect(chooseTargets(contact, history, new Date("2026-02-01T17:00:00Z")).send).toMatchObject({
      key: "recurring",
      sequence: 1,
    });
    expect(iso(upcomingMilestone(contact, history)?.reachedAt)).toBe("2026-02-01T17:00:00.000Z");
  });
});

describe("recurring milestones that passed together (SPEC §1.1, highest milestone only)", () => {
  const { contact: every30, sent } = recurringEvery30();
  // A recurring reminder skipped on every channel does not move the count.
  const voidRecurring = (sequence: number, reachedAt: string) =>
    reminder("recurring", reachedAt, { sequence, void: true, live: 0 });

  it.each([
    // [now, history after streak_lost, the recurring milestone planned (local midnight, UTC)]
    // Jan 3 + 30 days = Feb 2 00:00 local; Mar 4; Apr 3; May 3: downtime until Apr 10 → Apr 3.
    ["2026-02-01T17:00:00Z", [], "2026-02-01T17:00:00.000Z"],
    ["2026-04-10T00:00:00Z", [], "2026-04-02T17:00:00.000Z"],
    // Recurring 1 (Feb 2) was skipped everywhere: the next ones count from it; at Jun 1 the
    // milestones of Mar 4, Apr 3 and May 3 have passed: only May 3 is planned.
    ["2026-06-01T00:00:00Z", [["recurring", "2026-02-01T17:00:00Z"]], "2026-05-02T17:00:00.000Z"],
  ] as const)("at %s after %j plans the latest passed milestone, %s", (now, more, expected) => {
    const history = [sent, ...more.map(([, at], i) => voidRecurring(i + 1, at))];
    const { send } = chooseTargets(every30, history, new Date(now));
    expect(send).toMatchObject({ key: "recurring", sequence: history.length });
    expect(iso(send!.reachedAt)).toBe(expected);
  });

  it("planning again at the same instant asks for nothing once that reminder is skipped everywhere", () => {
    const now = new Date("2027-12-10T10:10:00Z");
    const { send } = chooseTargets(every30, [sent], now);
    const history = [sent, voidRecurring(1, send!.reachedAt.toISOString())];
    expect(chooseTargets(every30, history, now).send).toBeNull();
    expect(upcomingMilestone(every30, history)!.reachedAt > now).toBe(true);
  });
});

describe("planSend (SPEC §1.1–1.2)", () => {
  const target = { key: "streak_lost", sequence: 0, reachedAt: new Date("2026-01-02T17:00:00Z") };
  const none = () => new Set<string>();

  it("moves a midnight milestone to 08:00 local on every open channel, and says why", () => {
    const planned = planSend(learner(), target, none, target.reachedAt);
    expect(planned.deliveries.map((d) => [d.channel, d.status, iso(d.dueAt)])).toEqual([
      ["web_push", "pending", "2026-01-03T01:00:00.000Z"],
      ["zalo", "pending", "2026-01-03T01:00:00.000Z"],
    ]);
    expect(planned.notes.map((n) => n.type)).toEqual(["stage_reached", "deferred_quiet_hours"]);
  });

  it("skips an opted-out channel with its reason and keeps the other", () => {
    const contact = learner({ channels: { web_push: "unsubscribed", zalo: "subscribed" } });
    const planned = planSend(contact, target, none, new Date("2026-01-03T03:00:00Z"));
    expect(planned.deliveries.map((d) => [d.channel, d.status, d.reason])).toEqual([
      ["web_push", "skipped", "opted_out"],
      ["zalo", "pending", null],
    ]);
    expect(planned.notes.find((n) => n.type === "skipped")?.channel).toBe("web_push");
  });

  it("moves every channel past a local day that already carries a reminder (the cap)", () => {
    const busy = (channel: string) => new Set(channel === "zalo" ? ["2026-01-03"] : []);
    const planned = planSend(learner(), target, busy, new Date("2026-01-03T03:00:00Z"));
    expect(planned.deliveries.map((d) => iso(d.dueAt))).toEqual([
      "2026-01-04T01:00:00.000Z",
      "2026-01-04T01:00:00.000Z",
    ]);
    expect(planned.notes.map((n) => n.type)).toContain("capped");
  });

  it("records a lower stage reached together with a higher one as superseded on every channel", () => {
    const planned = planSuperseded(learner(), target, "week", new Date("2026-01-08T00:00:00Z"));
    expect(planned.deliveries.map((d) => [d.status, d.reason])).toEqual([
      ["superseded", "superseded by week"],
      ["superseded", "superseded by week"],
    ]);
  });
});

describe("historyAfter (what planning leaves in the cycle)", () => {
  const now = new Date("2026-01-08T00:00:00Z");
  const week = { key: "week", sequence: 0, reachedAt: new Date("2026-01-07T17:00:00Z") };

  it("voids an earlier reminder whose waiting deliveries were superseded, and adds the new one", () => {
    const earlier = reminder("streak_lost", "2026-01-02T17:00:00Z", { live: 2, waiting: 2 });
    const planned = planSend(learner(), week, () => new Set(), now);
    const after = historyAfter([earlier], true, [{ id: "r2", reminder: planned }]);
    expect(after.map((r) => [r.key, r.live, r.waiting, r.void])).toEqual([
      ["streak_lost", 0, 0, true],
      ["week", 2, 2, false],
    ]);
  });

  it("keeps an attempted reminder counting, and a reminder skipped everywhere counts for nothing", () => {
    const attempted = reminder("streak_lost", "2026-01-02T17:00:00Z", {
      live: 2,
      waiting: 1,
      firstAttemptAt: new Date("2026-01-03T01:00:00Z"),
    });
    const optedOut = learner({ channels: {} });
    const planned = planSend(optedOut, week, () => new Set(), now);
    const after = historyAfter([attempted], true, [{ id: "r2", reminder: planned }]);
    expect(after.map((r) => [r.key, r.live, r.void])).toEqual([
      ["streak_lost", 1, false],
      ["week", 0, true],
    ]);
  });
});

describe("checkBeforeSend (SPEC §1.3–1.5)", () => {
  const now = new Date("2026-01-03T01:00:00Z");
  const row = (extra: Partial<ClaimedRow["delivery"]> = {}, cycleClosed = false): ClaimedRow => ({
    stage: "streak_lost",
    cycleClosed,
    heldOut: false,
    delivery: {
      id: "d1",
      tenantId: "t1",
      contactId: "c1",
      reminderId: "r1",
      channel: "zalo",
      status: "sending",
      reason: null,
      dueAt: now,
      nextAttemptAt: now,
      attemptCount: 0,
      inFlightAttempt: null,
      firstAttemptAt: null,
      finishedAt: null,
      variant: "fallback",
      content: null,
      ...extra,
    },
  });

  it.each([
    ["a closed cycle cancels", learner(), row({}, true), "canceled", "activity"],
    [
      "do-not-contact skips",
      learner({ tags: ["do-not-contact"] }),
      row(),
      "skipped",
      "do_not_contact",
    ],
    [
      "an opt-out skips",
      learner({ channels: { zalo: "unsubscribed" } }),
      row(),
      "skipped",
      "opted_out",
    ],
  ])("%s", (_, contact, claimed, status, reason) => {
    const check = checkBeforeSend(contact, claimed, now);
    expect(check.started).toBeNull();
    expect(check.delivery).toMatchObject({ status, reason, nextAttemptAt: null, finishedAt: now });
  });

  it("starts the next attempt with a key per attempt", () => {
    const check = checkBeforeSend(learner(), row({ attemptCount: 1 }), now);
    expect(check.started?.idempotencyKey).toBe("delivery:d1:attempt:2");
    expect(check.delivery).toMatchObject({
      inFlightAttempt: 2,
      attemptCount: 2,
      firstAttemptAt: now,
    });
  });

  it("repeats an attempt whose worker died, with the same key", () => {
    const check = checkBeforeSend(learner(), row({ attemptCount: 1, inFlightAttempt: 1 }), now);
    expect(check.started?.idempotencyKey).toBe("delivery:d1:attempt:1");
  });
});

describe("recordOutcome (SPEC §1.3)", () => {
  const now = new Date("2026-01-03T01:00:00Z");
  const started = (attempt: number) =>
    checkBeforeSend(
      learner(),
      {
        stage: "streak_lost",
        cycleClosed: false,
        heldOut: false,
        delivery: {
          id: "d1",
          tenantId: "t1",
          contactId: "c1",
          reminderId: "r1",
          channel: "zalo",
          status: "sending",
          reason: null,
          dueAt: now,
          nextAttemptAt: now,
          attemptCount: attempt - 1,
          inFlightAttempt: null,
          firstAttemptAt: null,
          finishedAt: null,
          variant: "fallback",
          content: null,
        },
      },
      now,
    ).started!;
  const failure = (kind: "transient" | "permanent") =>
    providerOutcome({ status: "rejected", reason: new ProviderError(kind, "boom") });

  it.each([
    [1, "transient", "pending", "2026-01-03T01:05:00.000Z", null],
    [3, "transient", "pending", "2026-01-03T03:00:00.000Z", null],
    [4, "transient", "failed", null, null],
    [1, "permanent", "failed", null, "zalo"],
  ] as const)(
    "attempt %s failing %s → %s, next %s, unreachable %s",
    (n, kind, status, next, unreachable) => {
      const recorded = recordOutcome(learner(), started(n), failure(kind), now, NOTHING_MEANWHILE);
      expect(recorded.delivery.status).toBe(status);
      expect(iso(recorded.delivery.nextAttemptAt)).toBe(next);
      expect(recorded.unreachable).toBe(unreachable);
    },
  );

  // SPEC §1.4: what was committed while the attempt was in flight wins over its retry.
  const clickedMeanwhile = { cycleClosed: false, clicked: true };
  const returnedMeanwhile = { cycleClosed: true, clicked: true };
  it.each([
    ["a click on the reminder", learner(), clickedMeanwhile, "clicked", "canceled_return"],
    ["a return (activity)", learner(), returnedMeanwhile, "activity", "canceled_reset"],
    [
      "an opt-out of the channel",
      learner({ channels: { web_push: "subscribed", zalo: "unsubscribed" } }),
      NOTHING_MEANWHILE,
      "opted_out",
      "canceled_excluded",
    ],
    [
      "a do-not-contact tag",
      learner({ tags: ["do-not-contact"] }),
      NOTHING_MEANWHILE,
      "do_not_contact",
      "canceled_excluded",
    ],
  ] as const)(
    "a transient failure after %s meanwhile is canceled, not retried",
    (_, contact, meanwhile, reason, type) => {
      const recorded = recordOutcome(contact, started(1), failure("transient"), now, meanwhile);
      expect(recorded.delivery).toMatchObject({ status: "canceled", reason, nextAttemptAt: null });
      expect(recorded.events.map((e) => e.type)).toEqual(["attempt_failed", type]);
    },
  );

  it("what happened meanwhile changes neither a success nor a final failure", () => {
    const ok = providerOutcome({ status: "fulfilled", value: { providerMessageId: "m1" } });
    expect(recordOutcome(learner(), started(1), ok, now, returnedMeanwhile).delivery.status).toBe(
      "sent",
    );
    const permanent = recordOutcome(
      learner(),
      started(1),
      failure("permanent"),
      now,
      returnedMeanwhile,
    );
    expect(permanent.delivery.status).toBe("failed");
    const last = recordOutcome(learner(), started(4), failure("transient"), now, clickedMeanwhile);
    expect(last.delivery.status).toBe("failed");
  });

  it("tags the contact with the stage it was sent", () => {
    const ok = providerOutcome({ status: "fulfilled", value: { providerMessageId: "m1" } });
    const recorded = recordOutcome(learner(), started(1), ok, now, NOTHING_MEANWHILE);
    expect(recorded).toMatchObject({
      tag: "reactivation:streak_lost",
      delivery: { status: "sent" },
    });
  });

  it("counts an unexpected error as transient", () => {
    expect(
      providerOutcome({ status: "rejected", reason: new Error("socket hang up") }),
    ).toMatchObject({
      ok: false,
      kind: "transient",
      errorClass: "unexpected",
    });
  });
});
