import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import {
  activityEvents,
  contacts,
  exercises,
  memberships,
  tenantSettings,
  tenants,
  users,
} from "@/db/schema";
import { presetFor } from "@/server/settings/presets";
import { generateHistory } from "./activity";
import { generateContact } from "./contacts";
import {
  demoRoles,
  demoTenants,
  demoUserEmail,
  demoUserName,
  type DemoTenant,
} from "./demo-tenants";
import { generateExercises } from "./exercises";
import { seededFaker } from "./random";

export type SeedReport = { tenant: string; created: boolean; contacts: number; activities: number };

/**
 * Creates the demo tenants, their users (one per role) and data, relative to `now`.
 * Idempotent: an existing demo tenant keeps its data; only missing users and memberships are added.
 */
export async function seedDemo(db: Db, now: Date): Promise<SeedReport[]> {
  const reports: SeedReport[] = [];
  for (const demo of demoTenants) reports.push(await seedTenant(db, demo, now));
  return reports;
}

export async function seedIfEmpty(db: Db, now: Date): Promise<SeedReport[] | null> {
  const [row] = await db.select({ n: count() }).from(tenants);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(db, now);
}

async function seedTenant(db: Db, demo: DemoTenant, now: Date): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(tenants).where(eq(tenants.slug, demo.slug));
    const tenantId = existing?.id ?? (await createTenant(tx, demo));
    await ensureDemoUsers(tx, demo, tenantId);
    if (existing) return { tenant: demo.slug, created: false, contacts: 0, activities: 0 };
    const data = await insertTenantData(tx, demo, tenantId, now);
    return { tenant: demo.slug, created: true, ...data };
  });
}

async function createTenant(db: Db, demo: DemoTenant): Promise<string> {
  const { contactCount: _, ...fields } = demo;
  const [tenant] = await db.insert(tenants).values(fields).returning({ id: tenants.id });
  const settings = presetFor(demo.kind);
  if (demo.kind === "home_services") {
    settings.offer = {
      title: "15% off your next tune-up",
      code: "COMEBACK15",
      expiresAt: null,
      bookingUrl: "https://brightside-home.example/book",
    };
  }
  await db.insert(tenantSettings).values({ tenantId: tenant!.id, settings });
  return tenant!.id;
}

async function ensureDemoUsers(db: Db, demo: DemoTenant, tenantId: string): Promise<void> {
  for (const role of demoRoles) {
    const email = demoUserEmail(demo, role);
    await db
      .insert(users)
      .values({ email, name: demoUserName(demo, role) })
      .onConflictDoNothing();
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await db
      .insert(memberships)
      .values({ userId: user!.id, tenantId, roles: [role] })
      .onConflictDoNothing();
  }
}

async function insertTenantData(db: Db, demo: DemoTenant, tenantId: string, now: Date) {
  const faker = seededFaker(demo.kind);
  const catalog = (demo.kind === "self_study" ? generateExercises(faker, tenantId, now) : []).map(
    (exercise) => ({ ...exercise, id: faker.string.uuid() }),
  );
  await insertInChunks(db, exercises, catalog);
  const exerciseIds = catalog.map((e) => e.id);

  const contactRows = [];
  const activityRows = [];
  for (let i = 0; i < demo.contactCount; i++) {
    const contact = generateContact(faker, demo, tenantId, i);
    const id = faker.string.uuid();
    const history = generateHistory(
      faker,
      demo.kind,
      { tenantId, contactId: id, externalId: contact.externalId },
      exerciseIds,
      now,
    );
    // The engine looks at every contact with a history on its first tick.
    const nextCheckAt = history.lastActivityAt ? now : null;
    contactRows.push({ ...contact, id, lastActivityAt: history.lastActivityAt, nextCheckAt });
    activityRows.push(...history.events);
  }
  await insertInChunks(db, contacts, contactRows);
  await insertInChunks(db, activityEvents, activityRows);
  return { contacts: contactRows.length, activities: activityRows.length };
}
