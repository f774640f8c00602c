import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import { presetFor } from "@/db/presets";
import { dispatchDueOf } from "@/server/engine/steps/dispatch";
import { plan } from "@/server/engine/steps/plan";
import { sendDeliveries } from "@/server/engine/steps/send";
import { openTestDb } from "@/test/db";
import { deliveriesOf, eventsOf } from "@/test/engine";
import { homeServicesCustomer } from "@/test/customer";
import { createContact } from "@/test/factories";
import type { LateMilestones } from "@/server/engine/planning/settings-change";
import { previewImpact, saveSettings } from "./save";
import type { Stage, TenantSettings } from "./schema";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

/*
 * Hand-derived from SPEC §1.1 and §1.9. The Chicago customer's last job is 2025-07-01 10:00 local
 * (15:00Z); the home-services ladder is 6, 9, 12 months, so six_months is reached at local midnight
 * on 2026-01-01 (06:00Z, CST). A "three_months" stage is reached at 2025-10-01 00:00 CDT (05:00Z),
 * a "one_month" stage at 2025-08-01 00:00 CDT (05:00Z).
 */
const stage = (key: string, threshold: number): Stage => ({
  key,
  label: `${threshold} months`,
  threshold,
  unit: "month",
});
const ladder = (...stages: Stage[]): TenantSettings => {
  const preset = presetFor("home_services");
  return { ...preset, cadence: { ...preset.cadence, stages } };
};
const sender = { name: "Test", email: "test@tenant.example", postalAddress: "1 Test Street" };
const actor = { userId: null, label: "Test owner" };
const sixNineTwelve = [stage("six_months", 6), stage("nine_months", 9), stage("twelve_months", 12)];
// 2025-11-15 12:00 Chicago: after the new three-month milestone, before six months.
const changeAt = new Date("2025-11-15T18:00:00Z");

async function customerPlannedOnce() {
  const customer = await homeServicesCustomer(handle.db);
  await plan(handle.db, customer.contact.id, new Date("2025-07-01T15:00:00Z"));
  return customer;
}

async function nextCheckOf(id: string) {
  const [row] = await handle.db
    .select({ at: contacts.nextCheckAt })
    .from(contacts)
    .where(eq(contacts.id, id));
  return row!.at;
}

async function save(
  tenant: { id: string },
  settings: TenantSettings,
  lateMilestones: LateMilestones,
  now = changeAt,
) {
  return saveSettings(handle.db, {
    tenant: { id: tenant.id, kind: "home_services" },
    settings,
    sender,
    lateMilestones,
    actor,
    now,
  });
}

describe("a save that puts a milestone in the past (SPEC §1.9)", () => {
  it("skips it by default: one skipped delivery per channel, reason settings_changed", async () => {
    const { tenant, contact } = await customerPlannedOnce();
    // A second customer whose last job (2025-10-20 CDT) puts three months ahead: not late.
    const recent = await createContact(handle.db, tenant.id, {
      timeZone: "America/Chicago",
      channels: { email: "subscribed" },
      email: "recent@mail.example",
      lastActivityAt: new Date("2025-10-20T15:00:00Z"),
      nextCheckAt: new Date("2026-04-20T05:00:00Z"),
    });
    const settings = ladder(stage("three_months", 3), ...sixNineTwelve);
    expect(
      await previewImpact(handle.db, { id: tenant.id, kind: "home_services" }, settings, changeAt),
    ).toEqual({
      late: { contacts: 1, byStage: { three_months: 1 } },
      canceled: { deliveries: 0, contacts: 0 },
    });

    const report = await save(tenant, settings, "skip");

    expect(report).toMatchObject({ version: 2, impact: { late: { contacts: 1 } } });
    const rows = await deliveriesOf(handle.db, contact.id);
    expect(rows.map((d) => [d.stage, d.channel, d.status, d.reason])).toEqual([
      ["three_months", "email", "skipped", "settings_changed"],
      ["three_months", "sms", "skipped", "settings_changed"],
    ]);
    const skipped = (await eventsOf(handle.db, contact.id)).filter((e) => e.type === "skipped");
    expect(skipped[0]!.reason).toMatch(/put in the past by the settings change .*version 2/);
    // Six months stays next for the customer; the recent one's next check is now three months.
    expect(await nextCheckOf(contact.id)).toEqual(new Date("2026-01-01T06:00:00Z"));
    expect(await nextCheckOf(recent.id)).toEqual(new Date("2026-01-20T06:00:00Z"));
  });

  it("sends it at the change's instant when the owner chooses: the highest late stage only", async () => {
    const { tenant, contact } = await customerPlannedOnce();
    const settings = ladder(stage("one_month", 1), stage("three_months", 3), ...sixNineTwelve);
    const report = await save(tenant, settings, "send");

    expect(report.impact.late).toEqual({
      contacts: 1,
      byStage: { one_month: 1, three_months: 1 },
    });
    expect(await nextCheckOf(contact.id)).toEqual(changeAt);
    await plan(handle.db, contact.id, changeAt);
    const rows = await deliveriesOf(handle.db, contact.id);
    expect(rows.map((d) => [d.stage, d.channel, d.status, d.dueAt])).toEqual([
      // The lower late milestone is superseded (its dueAt is when it was reached) …
      ["one_month", "email", "superseded", new Date("2025-08-01T05:00:00Z")],
      ["one_month", "sms", "superseded", new Date("2025-08-01T05:00:00Z")],
      // … the highest is due at once: 12:00 local is outside quiet hours, no cap applies.
      ["three_months", "email", "pending", changeAt],
      ["three_months", "sms", "pending", changeAt],
    ]);
  });
});

describe("a save that removes what a pending delivery is for (SPEC §1.9)", () => {
  // Planned at local midnight on 2026-01-01, the six-month reminder is due at 08:00 (14:00Z).
  const beforeSend = new Date("2026-01-01T10:00:00Z");

  async function customerWithPendingSixMonths() {
    const customer = await homeServicesCustomer(handle.db);
    await plan(handle.db, customer.contact.id, new Date("2026-01-01T06:00:00Z"));
    return customer;
  }

  it("cancels a removed channel's delivery and keeps the other channel's", async () => {
    const { tenant, contact } = await customerWithPendingSixMonths();
    const settings = { ...ladder(...sixNineTwelve), channels: ["email" as const] };
    const report = await save(tenant, settings, "skip", beforeSend);

    expect(report.impact.canceled).toEqual({ deliveries: 1, contacts: 1 });
    const rows = await deliveriesOf(handle.db, contact.id);
    expect(rows.map((d) => [d.channel, d.status, d.reason])).toEqual([
      ["email", "pending", null],
      ["sms", "canceled", "settings_changed"],
    ]);
    const canceled = (await eventsOf(handle.db, contact.id)).find(
      (e) => e.type === "canceled_settings",
    );
    expect(canceled?.reason).toBe(
      "Canceled on sms: the settings change (version 2) removed the sms channel.",
    );
  });

  it("cancels every channel of a removed stage, and the next check moves to the next stage", async () => {
    const { tenant, contact } = await customerWithPendingSixMonths();
    const report = await save(
      tenant,
      ladder(sixNineTwelve[1]!, sixNineTwelve[2]!),
      "skip",
      beforeSend,
    );

    expect(report.impact.canceled).toEqual({ deliveries: 2, contacts: 1 });
    const rows = await deliveriesOf(handle.db, contact.id);
    expect(rows.map((d) => [d.stage, d.status, d.reason])).toEqual([
      ["six_months", "canceled", "settings_changed"],
      ["six_months", "canceled", "settings_changed"],
    ]);
    // nine_months: 2026-04-01 00:00 CDT.
    expect(await nextCheckOf(contact.id)).toEqual(new Date("2026-04-01T05:00:00Z"));
  });

  it("audits the change with a readable diff, and a save that changes nothing is no version", async () => {
    const { tenant } = await customerWithPendingSixMonths();
    await save(tenant, ladder(stage("three_months", 3), ...sixNineTwelve), "skip", beforeSend);
    const again = await save(
      tenant,
      ladder(stage("three_months", 3), ...sixNineTwelve),
      "skip",
      beforeSend,
    );

    expect(again).toMatchObject({ version: 2, changed: 0 });
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: "settings",
      actorLabel: "Test owner",
      summary: "Changed stages (version 2)",
    });
    expect(entries[0]!.data.diff).toEqual([
      {
        setting: "Stages",
        before:
          "6 months since last job (6 months), 9 months since last job (9 months), 12 months since last job (12 months)",
        after:
          "3 months (3 months), 6 months (6 months), 9 months (9 months), 12 months (12 months)",
      },
    ]);
  });
});

describe("a pending delivery is checked against the settings in force when it is sent", () => {
  it("waits for the end of quiet hours that a save moved over its due time", async () => {
    const { tenant, contact, provider, callsOf } = await homeServicesCustomer(handle.db);
    // Planned at local midnight: due at the 08:00 resume time (14:00Z).
    await plan(handle.db, contact.id, new Date("2026-01-01T06:00:00Z"));
    const quietUntilTen = {
      ...ladder(...sixNineTwelve),
      quietHours: { start: "21:00", end: "10:00", resumeAt: "10:30" },
    };
    await save(tenant, quietUntilTen, "skip", new Date("2026-01-01T10:00:00Z"));

    const due = new Date("2026-01-01T14:00:00Z");
    const claimed = await dispatchDueOf(handle.db, new Map([[contact.id, due]]));
    await sendDeliveries(
      handle.db,
      provider,
      claimed.map((d) => d.id),
      due,
    );

    expect(callsOf(contact.id)).toHaveLength(0);
    const rows = await deliveriesOf(handle.db, contact.id);
    // 10:30 CST is 16:30Z.
    expect(rows.map((d) => [d.status, d.nextAttemptAt])).toEqual([
      ["pending", new Date("2026-01-01T16:30:00Z")],
      ["pending", new Date("2026-01-01T16:30:00Z")],
    ]);
    const deferred = (await eventsOf(handle.db, contact.id)).filter(
      (e) => e.type === "deferred_quiet_hours" && e.at.getTime() === due.getTime(),
    );
    expect(deferred).toHaveLength(2);
    expect(deferred[0]!.reason).toMatch(
      /inside quiet hours 21:00–10:00; moved to 2026-01-01 10:30/,
    );
  });
});
