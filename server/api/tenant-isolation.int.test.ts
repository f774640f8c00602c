import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { callerFor, createContact, createMember, createTenant } from "@/test/factories";
import { openTestDb } from "@/test/db";
import { createApiKey, listApiKeys } from "@/server/api-keys/keys";
import { appRouter } from "./root";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

async function twoTenants() {
  const { db } = handle;
  const a = await createTenant(db, "self_study", "Asia/Ho_Chi_Minh");
  const b = await createTenant(db, "home_services", "America/New_York");
  const aContact = await createContact(db, a.id, { name: "Alice A", tags: ["shared-tag"] });
  const bContact = await createContact(db, b.id, { name: "Bob B", tags: ["shared-tag"] });
  const aOwner = await createMember(db, a.id, ["owner"]);
  const bOwner = await createMember(db, b.id, ["owner"]);
  return { a, b, aContact, bContact, aOwner, bOwner };
}

describe("tenant isolation through tRPC", () => {
  it("lists only the caller's tenant's contacts, whatever the filters", async () => {
    const { a, aOwner, aContact, bContact } = await twoTenants();
    const api = callerFor(handle.db, aOwner.id, a.id);
    const all = await api.contacts.list({});
    expect(all.rows.map((r) => r.id)).toEqual([aContact.id]);
    const byTag = await api.contacts.list({ tag: "shared-tag" });
    expect(byTag.rows.map((r) => r.id)).toEqual([aContact.id]);
    const byExternalId = await api.contacts.list({ search: bContact.externalId });
    expect(byExternalId.total).toBe(0);
    expect(await api.contacts.tags()).toEqual(["shared-tag"]);
  });

  it("reads the caller's tenant's settings, not another's", async () => {
    const { a, b, aOwner, bOwner } = await twoTenants();
    const aSettings = await callerFor(handle.db, aOwner.id, a.id).settings.get();
    const bSettings = await callerFor(handle.db, bOwner.id, b.id).settings.get();
    expect(aSettings.channels).toEqual(["web_push", "zalo"]);
    expect(bSettings.channels).toEqual(["email", "sms"]);
  });

  it("never lets a session name a tenant the user is not a member of", async () => {
    const { b, aOwner } = await twoTenants();
    const forged = callerFor(handle.db, aOwner.id, b.id);
    expect(await codeOf(forged.contacts.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(forged.me.get())).toBe("FORBIDDEN");
  });

  it("cannot revoke or see another tenant's API key", async () => {
    const { a, b, aOwner } = await twoTenants();
    const bKey = await createApiKey(handle.db, { tenantId: b.id, name: "b", createdBy: null });
    const api = callerFor(handle.db, aOwner.id, a.id);
    expect(await api.apiKeys.list()).toEqual([]);
    expect(await codeOf(api.apiKeys.revoke({ id: bKey.id }))).toBe("NOT_FOUND");
    const [stillActive] = await listApiKeys(handle.db, b.id);
    expect(stillActive?.revokedAt).toBeNull();
  });
});

describe("roles", () => {
  it("refuses a visitor with UNAUTHORIZED", async () => {
    const api = callerFor(handle.db, null);
    expect(await codeOf(api.contacts.list({}))).toBe("UNAUTHORIZED");
  });

  it.each([
    ["analyst", "contacts.list", "OK"],
    ["analyst", "settings.get", "FORBIDDEN"],
    ["analyst", "apiKeys.create", "FORBIDDEN"],
    ["analyst", "apiKeys.list", "FORBIDDEN"],
    ["marketer", "settings.get", "OK"],
    ["marketer", "apiKeys.create", "FORBIDDEN"],
    ["owner", "apiKeys.create", "OK"],
    ["owner", "settings.get", "OK"],
  ] as const)("%s calling %s → %s", async (role, procedure, expected) => {
    const tenant = await createTenant(handle.db);
    const user = await createMember(handle.db, tenant.id, [role]);
    const api = callerFor(handle.db, user.id, tenant.id);
    const calls = {
      "contacts.list": () => api.contacts.list({}),
      "settings.get": () => api.settings.get(),
      "apiKeys.create": () => api.apiKeys.create({ name: "k" }),
      "apiKeys.list": () => api.apiKeys.list(),
    };
    expect(await codeOf(calls[procedure]())).toBe(expected);
  });

  it("reports which field of the input is wrong", async () => {
    const tenant = await createTenant(handle.db);
    const owner = await createMember(handle.db, tenant.id, ["owner"]);
    const api = callerFor(handle.db, owner.id, tenant.id);
    await expect(api.apiKeys.create({ name: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.contacts.list({ pageSize: 1000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("tells the navigation what the role may use", async () => {
    const tenant = await createTenant(handle.db);
    const analyst = await createMember(handle.db, tenant.id, ["analyst"]);
    const me = await callerFor(handle.db, analyst.id, tenant.id).me.get();
    expect(me.permissions).toEqual(["contacts.read", "dashboard.read"]);
    expect(me.tenant.id).toBe(tenant.id);
  });
});

describe("error answers over HTTP", () => {
  it("say which input field is wrong, in words, and hide internals", async () => {
    const tenant = await createTenant(handle.db);
    const owner = await createMember(handle.db, tenant.id, ["owner"]);
    const session = { userId: owner.id, tenantId: tenant.id, expires: "2099-01-01T00:00:00.000Z" };
    const input = encodeURIComponent(JSON.stringify({ json: { pageSize: 1000 } }));
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://rekindle.test/api/trpc/contacts.list?input=${input}`),
      router: appRouter,
      createContext: () => ({ db: handle.db, session }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: {
        json: { message: string; data: { fieldErrors?: Record<string, string[]>; stack?: string } };
      };
    };
    expect(error.json.message).toBe("Page size must be at most 100");
    expect(error.json.data.fieldErrors?.pageSize).toEqual(["Page size must be at most 100"]);
    expect(error.json.data.stack ?? null).toBeNull();
  });
});
