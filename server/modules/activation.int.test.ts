import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { tenantEntitlements, tenantModules, tenants } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { createApiKey } from "@/server/api-keys/keys";
import { listAudit } from "@/server/audit/list";
import type { Driver } from "@/server/engine/channels/from-env";
import { contactTimeline } from "@/server/engine/explain/timeline";
import { runUntil } from "@/server/engine/virtual-time";
import { apiRequest } from "@/test/api-request";
import { openTestDb } from "@/test/db";
import { deliveriesOf, recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { answerActivation, answerActivationStatus } from "./activation-http";
import { answerCatalog } from "./catalog-http";
import { REACTIVATION_MODULE } from "./catalog";
import { grantEntitlement } from "./entitle";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const now = new Date("2026-12-01T10:00:00Z");
const outbox: Record<Channel, Driver> = {
  email: "outbox",
  sms: "outbox",
  web_push: "outbox",
  zalo: "outbox",
};
const activate = { module_code: REACTIVATION_MODULE };

/** A home-services workspace (email + SMS) as a real one starts: inactive, not entitled. */
async function freshWorkspace() {
  const tenant = await createTenant(handle.db, "home_services");
  await handle.db.delete(tenantModules).where(eq(tenantModules.tenantId, tenant.id));
  await handle.db.delete(tenantEntitlements).where(eq(tenantEntitlements.tenantId, tenant.id));
  const owner = await createApiKey(handle.db, {
    tenantId: tenant.id,
    name: "ops",
    createdBy: null,
    role: "owner",
    scopes: ["activation", "contacts"],
  });
  return { tenant, key: owner.key };
}

function post(key: string | null, body: unknown, drivers = outbox, at = now) {
  return answerActivation(apiRequest("/api/tenants/activate-module", key, body), {
    db: handle.db,
    drivers,
    now: at,
    sessionOwner: () => Promise.resolve(null),
  });
}

const entitle = (tenantId: string) =>
  grantEntitlement(handle.db, {
    tenantId,
    code: REACTIVATION_MODULE,
    source: "plan: growth",
    expiresAt: null,
    now,
  });

describe("the catalog (GET /api/catalog/modules)", () => {
  it("returns the module's record: trigger, inputs, actions, settings schema, capabilities, guards, tools", async () => {
    const answer = answerCatalog(
      new Request(`http://rekindle.test/api/catalog/modules?code=${REACTIVATION_MODULE}`),
    );
    expect(answer.status).toBe(200);
    const record = await answer.json();
    expect(record).toMatchObject({
      code: REACTIVATION_MODULE,
      trigger: { event: "customer.dormant" },
      requiredCapabilities: { servicesPreset: ["crm", "email", "sms"] },
      activation: { api: "POST /api/tenants/activate-module" },
    });
    expect(record.inputs.map((i: { key: string }) => i.key)).toEqual([
      "contact_record",
      "last_job_record",
      "reactivation_offer",
    ]);
    expect(record.complianceGuards.map((g: { key: string }) => g.key)).toEqual([
      "email_footer",
      "can_spam",
      "sms_opt_out",
    ]);
    expect(record.settings.schema.properties).toHaveProperty("cadence");
    expect(record.tools.mcp.tools.map((t: { name: string }) => t.name)).toContain(
      "reactivation_stats",
    );
  });

  it("answers 404 naming the known codes for an unknown one", async () => {
    const answer = answerCatalog(new Request("http://rekindle.test/api/catalog/modules?code=nope"));
    expect(answer.status).toBe(404);
    expect((await answer.json()).error.message).toContain(REACTIVATION_MODULE);
  });
});

describe("activation (POST /api/tenants/activate-module)", () => {
  it("defers a workspace without entitlement and providers, naming each item and its fix", async () => {
    const { key } = await freshWorkspace();
    const answer = await post(key, activate);
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.state).toBe("deferred");
    expect(body.missing.map((m: { item: string }) => m.item)).toEqual([
      "dormant_customer_reactivation",
      "email",
      "sms",
    ]);
    const sms = body.missing.find((m: { item: string }) => m.item === "sms");
    expect(sms.fix).toMatch(/TWILIO_ACCOUNT_SID/);
    expect(sms.reason).toMatch(/no SMS provider is configured/);
  });

  it("defers on sms alone when only SMS lacks a provider, then is active once it has one", async () => {
    const { tenant, key } = await freshWorkspace();
    await entitle(tenant.id);
    const withResend = { ...outbox, email: "resend" } as const;
    const deferred = await (await post(key, activate, withResend)).json();
    expect(deferred.state).toBe("deferred");
    expect(deferred.missing).toEqual([
      expect.objectContaining({ kind: "capability", item: "sms" }),
    ]);
    const configured = { ...withResend, sms: "twilio" } as const;
    const active = await (await post(key, activate, configured)).json();
    expect(active.state).toBe("active");
    expect(active.missing).toEqual([]);
    expect(active.checklist.every((c: { met: boolean }) => c.met)).toBe(true);
    const audit = await listAudit(handle.db, tenant.id, { limit: 10 });
    expect(audit.map((e) => e.summary).sort()).toEqual([
      "Activated Dormant Customer Reactivation",
      "Activation of Dormant Customer Reactivation deferred: missing sms",
    ]);
  });

  it("defers a workspace without a postal address (CAN-SPAM) and says where to set it", async () => {
    const { tenant, key } = await freshWorkspace();
    await entitle(tenant.id);
    await handle.db.update(tenants).set({ postalAddress: "" }).where(eq(tenants.id, tenant.id));
    const all = { email: "resend", sms: "twilio", web_push: "outbox", zalo: "outbox" } as const;
    const body = await (await post(key, activate, all)).json();
    expect(body.missing).toEqual([
      expect.objectContaining({ kind: "postal_address", fix: expect.stringMatching(/Settings/) }),
    ]);
  });

  it("defers an expired entitlement", async () => {
    const { tenant, key } = await freshWorkspace();
    await grantEntitlement(handle.db, {
      tenantId: tenant.id,
      code: REACTIVATION_MODULE,
      source: "trial",
      expiresAt: now,
      now,
    });
    const all = { email: "resend", sms: "twilio", web_push: "outbox", zalo: "outbox" } as const;
    const body = await (await post(key, activate, all)).json();
    expect(body.missing).toEqual([
      expect.objectContaining({
        kind: "entitlement",
        reason: expect.stringMatching(/trial.*ended/),
      }),
    ]);
  });

  it("activates a sandbox on the Outbox, and says so", async () => {
    const { tenant, key } = await freshWorkspace();
    await entitle(tenant.id);
    await handle.db.update(tenants).set({ sandbox: true }).where(eq(tenants.id, tenant.id));
    const body = await (await post(key, activate)).json();
    expect(body).toMatchObject({
      state: "active",
      sandbox: true,
      note: "sandbox: messages go to the Outbox",
    });
  });

  it.each([
    [
      "an unknown module code",
      { module_code: "nope" },
      404,
      /This server offers: dormant_customer_reactivation/,
    ],
    ["no module code", {}, 400, /module_code/],
    ["an unknown action", { ...activate, action: "explode" }, 400, /action/],
    ["an unknown niche", { ...activate, niche: "bakery" }, 400, /niche/],
    ["pausing an inactive module", { ...activate, action: "pause" }, 409, /Only an active module/],
  ])("answers %s with %i and the reason", async (_, body, status, message) => {
    const { key } = await freshWorkspace();
    const answer = await post(key, body);
    expect(answer.status).toBe(status);
    expect((await answer.json()).error.message).toMatch(message);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const { key } = await freshWorkspace();
    expect((await post(key, "{not json")).status).toBe(400);
  });

  it("refuses keys that may not activate: 401 unknown/expired, 403 without the scope or not an owner", async () => {
    const { tenant } = await freshWorkspace();
    const make = (fields: Partial<Parameters<typeof createApiKey>[1]>) =>
      createApiKey(handle.db, { tenantId: tenant.id, name: "k", createdBy: null, ...fields });
    const noScope = await make({ role: "owner", scopes: ["contacts"] });
    const analyst = await make({ role: "analyst", scopes: ["activation"] });
    const expired = await make({ role: "owner", scopes: ["activation"], expiresAt: now });
    expect((await post(null, activate)).status).toBe(401);
    expect((await post("rk_unknown", activate)).status).toBe(401);
    expect((await post(expired.key, activate)).status).toBe(401);
    const scopeless = await post(noScope.key, activate);
    expect(scopeless.status).toBe(403);
    expect((await scopeless.json()).error.message).toMatch(/`activation` scope/);
    const notOwner = await post(analyst.key, activate);
    expect(notOwner.status).toBe(403);
    expect((await notOwner.json()).error.message).toMatch(/acts as analyst/);
  });

  it("GET shows the live checklist", async () => {
    const { key } = await freshWorkspace();
    const request = new Request(
      `http://rekindle.test/api/tenants/activate-module?module_code=${REACTIVATION_MODULE}`,
      { headers: { authorization: `Bearer ${key}` } },
    );
    const body = await (
      await answerActivationStatus(request, {
        db: handle.db,
        drivers: outbox,
        now,
        sessionOwner: () => Promise.resolve(null),
      })
    ).json();
    expect(body.state).toBe("inactive");
    expect(body.checklist.map((c: { item: string; met: boolean }) => `${c.item}:${c.met}`)).toEqual(
      [
        "dormant_customer_reactivation:false",
        // The key has the contacts scope: contacts can arrive.
        "crm:true",
        "email:false",
        "sms:false",
        "sender:true",
        "postal_address:true",
      ],
    );
  });
});

describe("a paused module sends nothing, and resumes like downtime (SPEC §1.9)", () => {
  const hcm = "Asia/Ho_Chi_Minh";
  const setState = async (tenantId: string, action: "pause" | "resume", at: Date) => {
    const key = await createApiKey(handle.db, {
      tenantId,
      name: "ops",
      createdBy: null,
      role: "owner",
      scopes: ["activation"],
    });
    const sandboxDrivers = outbox;
    await handle.db.update(tenants).set({ sandbox: true }).where(eq(tenants.id, tenantId));
    const body = await (await post(key.key, { ...activate, action }, sandboxDrivers, at)).json();
    return body.state as string;
  };

  it("keeps the pending streak_lost while paused; on resume only the highest stage goes out", async () => {
    // Last exercise Jan 1 21:00 local → streak_lost reached Jan 3 00:00 local (Jan 2 17:00Z),
    // due 08:00 local (Jan 3 01:00Z); week reached Jan 8 00:00 local (Jan 7 17:00Z).
    const tenant = await createTenant(handle.db, "self_study", hcm);
    const contact = await createContact(handle.db, tenant.id, {
      timeZone: hcm,
      channels: { web_push: "subscribed", zalo: "subscribed" },
      lastActivityAt: new Date("2026-01-01T14:00:00Z"),
      nextCheckAt: new Date("2026-01-01T14:00:00Z"),
    });
    const { provider, callsOf } = recordingProvider(handle.db);
    const run = (from: string, until: string) =>
      runUntil(handle.db, provider, new Date(from), new Date(until));

    await run("2026-01-01T15:00:00Z", "2026-01-02T18:00:00Z");
    const planned = await deliveriesOf(handle.db, contact.id);
    expect(planned.map((d) => `${d.stage}/${d.status}`)).toEqual([
      "streak_lost/pending",
      "streak_lost/pending",
    ]);

    expect(await setState(tenant.id, "pause", new Date("2026-01-02T18:00:00Z"))).toBe("paused");
    await run("2026-01-02T18:00:00Z", "2026-01-10T03:00:00Z");
    expect(callsOf(contact.id)).toEqual([]);
    const explained = await contactTimeline(handle.db, tenant.id, contact.id);
    expect(explained!.moduleHold).toMatch(/^Reactivation is paused in this workspace/);
    expect((await deliveriesOf(handle.db, contact.id)).map((d) => d.status)).toEqual([
      "pending",
      "pending",
    ]);

    // Resumed at 10:00 local on Jan 10: week was reached meanwhile; streak_lost is superseded.
    expect(await setState(tenant.id, "resume", new Date("2026-01-10T03:00:00Z"))).toBe("active");
    await run("2026-01-10T03:00:00Z", "2026-01-11T00:00:00Z");
    const after = await deliveriesOf(handle.db, contact.id);
    expect(after.map((d) => `${d.stage}/${d.channel}: ${d.status}`)).toEqual([
      "streak_lost/web_push: superseded",
      "streak_lost/zalo: superseded",
      "week/web_push: sent",
      "week/zalo: sent",
    ]);
    expect(callsOf(contact.id)).toHaveLength(2);
    expect((await contactTimeline(handle.db, tenant.id, contact.id))!.moduleHold).toBeNull();
    expect(
      after.filter((d) => d.status === "sent").map((d) => d.firstAttemptAt?.toISOString()),
    ).toEqual(["2026-01-10T03:00:00.000Z", "2026-01-10T03:00:00.000Z"]);
  });
});
