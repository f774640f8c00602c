import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import {
  contacts,
  exercises,
  memberships,
  pushSubscriptions,
  tenantSettings,
  tenants,
  users,
} from "@/db/schema";
import type { Role, TenantKind } from "@/db/schema/enums";
import { createApiKey } from "@/server/api-keys/keys";
import { createCaller } from "@/server/api/root";
import { presetFor } from "@/db/presets";
import { entitleAndActivate } from "@/server/modules/entitle";

export async function createTenant(
  db: Db,
  kind: TenantKind = "home_services",
  timeZone = "America/Chicago",
) {
  const slug = `t-${randomUUID()}`;
  const [tenant] = await db
    .insert(tenants)
    .values({
      slug,
      name: `Tenant ${slug.slice(2, 10)}`,
      kind,
      timeZone,
      postalAddress: "1 Test Street",
      senderName: "Test",
      senderEmail: "test@tenant.example",
    })
    .returning();
  await db.insert(tenantSettings).values({ tenantId: tenant!.id, settings: presetFor(kind) });
  // Tests drive the engine: their workspaces run it, as workspaces did before activation.
  await entitleAndActivate(db, tenant!.id, "test", new Date("2020-01-01T00:00:00Z"));
  return tenant!;
}

export async function createMember(db: Db, tenantId: string, roles: Role[]) {
  const [user] = await db
    .insert(users)
    .values({ email: `${randomUUID()}@user.example`, name: "Test user" })
    .returning();
  await db.insert(memberships).values({ userId: user!.id, tenantId, roles });
  return user!;
}

/** A tRPC caller with the real middleware, as the session of `userId` in `tenantId`. */
export function callerFor(db: Db, userId: string | null, tenantId?: string) {
  const session = userId ? { userId, tenantId, expires: "2099-01-01T00:00:00.000Z" } : null;
  return createCaller({ db, session });
}

/** A contact reachable on every channel: email and phone when given, a Zalo id, a browser. */
export async function createContact(
  db: Db,
  tenantId: string,
  fields: Partial<typeof contacts.$inferInsert> = {},
) {
  const externalId = fields.externalId ?? `c-${randomUUID()}`;
  const [contact] = await db
    .insert(contacts)
    .values({ tenantId, externalId, name: "Contact", zaloUserId: `zalo-${externalId}`, ...fields })
    .returning();
  await db.insert(pushSubscriptions).values({
    tenantId,
    contactId: contact!.id,
    endpoint: `https://push.test.example/${contact!.id}`,
    p256dh: "test-key",
    auth: "test-auth",
  });
  return contact!;
}

export async function createKey(db: Db, tenantId: string) {
  return (await createApiKey(db, { tenantId, name: "test", createdBy: null })).key;
}

/** An exercise of the tenant's catalog, published a year ago. */
export async function createExercise(
  db: Db,
  tenantId: string,
  fields: Partial<typeof exercises.$inferInsert> = {},
) {
  const [exercise] = await db
    .insert(exercises)
    .values({
      tenantId,
      externalId: `ex-${randomUUID()}`,
      program: "ielts",
      skill: "listening",
      title: "Exercise",
      publishedAt: new Date(Date.now() - 365 * 86_400_000),
      ...fields,
    })
    .returning();
  return exercise!;
}
