import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { tenantModules } from "@/db/schema";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";
import { openTestDb } from "@/test/db";
import { createMember, createTenant } from "@/test/factories";
import { findMembership } from "./membership";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

describe("findMembership", () => {
  it("carries the module's state for the banner on every page: active, paused, deferred with its count, inactive", async () => {
    const { db } = handle;
    const tenant = await createTenant(db);
    const user = await createMember(db, tenant.id, ["analyst"]);
    const row = and(
      eq(tenantModules.tenantId, tenant.id),
      eq(tenantModules.moduleCode, REACTIVATION_MODULE),
    );
    const state = async () => {
      const m = await findMembership(db, user.id, tenant.id);
      return { state: m?.moduleState, missing: m?.moduleMissing };
    };

    expect(await state()).toEqual({ state: "active", missing: 0 });
    await db.update(tenantModules).set({ state: "paused" }).where(row);
    expect(await state()).toEqual({ state: "paused", missing: 0 });
    const missing = [
      { kind: "capability" as const, item: "sms", reason: "r", fix: "f" },
      { kind: "postal_address" as const, item: "postal_address", reason: "r", fix: "f" },
    ];
    await db.update(tenantModules).set({ state: "deferred", missing }).where(row);
    expect(await state()).toEqual({ state: "deferred", missing: 2 });
    // No row: the module was never touched, so it is inactive.
    await db.delete(tenantModules).where(row);
    expect(await state()).toEqual({ state: "inactive", missing: 0 });
    expect((await findMembership(db, user.id, tenant.id))?.tenantName).toBe(tenant.name);
  });
});
