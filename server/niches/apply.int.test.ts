import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DbHandle } from "@/db/client";
import { auditLog, tenantSettings } from "@/db/schema";
import { presetFor } from "@/db/presets";
import { currentSettings, saveSettings } from "@/server/settings/save";
import { openTestDb } from "@/test/db";
import { homeServicesCustomer } from "@/test/customer";
import { createTenant } from "@/test/factories";
import { applyNichePreset, NicheRefused } from "./apply";
import { nichePresets } from "./presets";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const actor = { userId: null, label: "ana@brightside.example (owner)" };
const now = new Date("2025-11-15T18:00:00Z");

async function stored(tenantId: string) {
  const [row] = await handle.db
    .select()
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenantId));
  return row!;
}

async function auditOf(tenantId: string) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.kind, "settings")))
    .orderBy(desc(auditLog.at));
}

describe("applyNichePreset — the owner picks the kind of business", () => {
  it("saves the niche's settings as a new version, audited with before and after", async () => {
    const tenant = await createTenant(handle.db, "home_services");
    const report = await applyNichePreset(handle.db, {
      tenantId: tenant.id,
      niche: "cleaning",
      actor,
      now,
    });
    expect(report).toMatchObject({ niche: "cleaning", version: 2 });

    const row = await stored(tenant.id);
    expect(row.version).toBe(2);
    expect(row.updatedAt).toEqual(now);
    expect(row.settings).toMatchObject({
      niche: "cleaning",
      cadence: nichePresets.cleaning.cadence,
      channels: ["email", "sms"],
      offer: { code: "FRESH15", expiresAt: null },
    });

    const [entry] = await auditOf(tenant.id);
    expect(entry).toMatchObject({
      actorLabel: actor.label,
      at: now,
      summary: expect.stringMatching(/^Changed stages, offer, niche \(version 2\)$/),
    });
    expect(entry!.data).toMatchObject({ version: 2, lateMilestones: "skip" });
    expect((entry!.data as { diff: unknown[] }).diff).toEqual([
      {
        setting: "Stages",
        before:
          "6 months since last job (6 months), 9 months since last job (9 months), 12 months since last job (12 months)",
        after:
          "5 weeks since last clean (35 days), 2 months since last clean (2 months), 6 months since last clean (6 months)",
      },
      {
        setting: "Offer",
        before: "none",
        after:
          "15% off your next clean booked within 14 days, code FRESH15, no expiry, booking https://www.example.com",
      },
      { setting: "Niche", before: "none", after: "Cleaning" },
    ]);
  });

  it("applying the niche in force again makes no version and no audit entry", async () => {
    const tenant = await createTenant(handle.db, "home_services");
    await applyNichePreset(handle.db, { tenantId: tenant.id, niche: "hvac", actor, now });
    const again = await applyNichePreset(handle.db, {
      tenantId: tenant.id,
      niche: "hvac",
      actor,
      now: new Date(now.getTime() + 60_000),
    });
    expect(again).toMatchObject({ version: 2, changed: 0 });
    expect(await auditOf(tenant.id)).toHaveLength(1);
  });

  it("keeps the owner's own settings and booking link; a later niche replaces the earlier one", async () => {
    const tenant = await createTenant(handle.db, "home_services");
    const own = {
      ...presetFor("home_services"),
      quietHours: { start: "21:00", end: "09:00", resumeAt: "09:30" },
      brand: { color: "#0f766e", logoUrl: null },
      offer: { title: "Old", code: "OLD", expiresAt: null, bookingUrl: "https://book.example/x" },
    };
    const { sender } = await currentSettings(handle.db, tenant);
    await saveSettings(handle.db, {
      tenant,
      settings: own,
      sender,
      lateMilestones: "skip",
      actor,
      now,
    });
    await applyNichePreset(handle.db, { tenantId: tenant.id, niche: "med_spa", actor, now });
    const report = await applyNichePreset(handle.db, {
      tenantId: tenant.id,
      niche: "auto_detail",
      actor,
      now,
    });
    expect(report.version).toBe(4);
    const { settings } = await stored(tenant.id);
    expect(settings).toMatchObject({
      niche: "auto_detail",
      quietHours: own.quietHours,
      brand: own.brand,
      offer: { code: "SHINE20", bookingUrl: "https://book.example/x" },
      cadence: nichePresets.auto_detail.cadence,
    });
  });

  it("skips the milestones a new ladder puts in the past by default, as the Settings page does", async () => {
    // Last job 2025-07-01: under the cleaning ladder, 5 weeks and 2 months are behind on 15 November.
    const { tenant } = await homeServicesCustomer(handle.db);
    const report = await applyNichePreset(handle.db, {
      tenantId: tenant.id,
      niche: "cleaning",
      actor,
      now,
    });
    expect(report.impact.late).toEqual({
      contacts: 1,
      byStage: { five_weeks: 1, two_months: 1 },
    });
  });

  it("refuses a learning app, and says which field of the input is wrong", async () => {
    const learning = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    await expect(
      applyNichePreset(handle.db, { tenantId: learning.id, niche: "cleaning", actor, now }),
    ).rejects.toThrow(NicheRefused);
    expect((await stored(learning.id)).version).toBe(1);

    const error = await applyNichePreset(handle.db, {
      tenantId: learning.id,
      niche: "plumbing" as never,
      actor,
      now,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "niche",
        "must be one of owner_operator, med_spa, cleaning, hvac, pest_control, auto_detail",
      ],
    ]);
    await expect(
      applyNichePreset(handle.db, { tenantId: crypto.randomUUID(), niche: "hvac", actor, now }),
    ).rejects.toThrow(/No workspace/);
  });
});
