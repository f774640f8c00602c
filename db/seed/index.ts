import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import {
  activityEvents,
  contacts,
  exercises,
  memberships,
  pushSubscriptions,
  templateRevisions,
  templates,
  tenantSettings,
  tenants,
  users,
} from "@/db/schema";
import { presetFor } from "@/db/presets";
import { generateHistory } from "./activity";
import { generateContact } from "./contacts";
import {
  demoTenants,
  demoUserEmail,
  demoUserName,
  demoUsers,
  type DemoTenant,
} from "./demo-tenants";
import { generateExercises } from "./exercises";
import { demoTemplateRows, demoVariants } from "./templates";
import { seededFaker } from "./random";

export type SeedReport = { tenant: string; created: boolean; contacts: number; activities: number };

/**
 * Creates the demo tenants, their users (one per role, and a second marketer to review the first)
 * and data, relative to `now`.
 * Idempotent: an existing demo tenant keeps its data; only missing users and memberships are added.
 */
export async function seedDemo(db: Db, now: Date, size: SeedSize = "full"): Promise<SeedReport[]> {
  const reports: SeedReport[] = [];
  for (const demo of demoTenants) reports.push(await seedTenant(db, sized(demo, size), now));
  return reports;
}

export async function seedIfEmpty(
  db: Db,
  now: Date,
  size: SeedSize = "full",
): Promise<SeedReport[] | null> {
  const [row] = await db.select({ n: count() }).from(tenants);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(db, now, size);
}

/**
 * `full`: thousands of contacts, the demo as a user sees it. `small`: the first contacts of the
 * same deterministic sequence (the same ids and histories), so the e2e tests' server seeds and
 * plans its backlog in seconds.
 */
export type SeedSize = "full" | "small";
const SMALL_SEED_CONTACTS = 60;

function sized(demo: DemoTenant, size: SeedSize): DemoTenant {
  if (size === "full") return demo;
  return { ...demo, contactCount: Math.min(demo.contactCount, SMALL_SEED_CONTACTS) };
}

async function seedTenant(db: Db, demo: DemoTenant, now: Date): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(tenants).where(eq(tenants.slug, demo.slug));
    const tenantId = existing?.id ?? (await createTenant(tx, demo));
    await ensureDemoUsers(tx, demo, tenantId);
    if (existing) return { tenant: demo.slug, created: false, contacts: 0, activities: 0 };
    const data = await insertTenantData(tx, demo, tenantId, now);
    await insertTemplates(tx, demo, tenantId, now);
    return { tenant: demo.slug, created: true, ...data };
  });
}

async function createTenant(db: Db, demo: DemoTenant): Promise<string> {
  const { contactCount: _, ...fields } = demo;
  // Demo workspaces are sandboxes: marked as such in the UI, and the only ones demo sign-in opens.
  const [tenant] = await db
    .insert(tenants)
    .values({ ...fields, sandbox: true })
    .returning({ id: tenants.id });
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
  for (const demoUser of demoUsers) {
    const email = demoUserEmail(demo, demoUser.handle);
    await db
      .insert(users)
      .values({ email, name: demoUserName(demo, demoUser) })
      .onConflictDoNothing();
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await db
      .insert(memberships)
      .values({ userId: user!.id, tenantId, roles: [demoUser.role] })
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
  // Browsers that granted notifications; the Outbox captures them until VAPID keys are set.
  await insertInChunks(
    db,
    pushSubscriptions,
    contactRows
      .filter((c) => c.channels?.web_push)
      .map((c) => ({
        tenantId,
        contactId: c.id,
        endpoint: `https://fcm.googleapis.com/fcm/send/demo-${c.externalId}`,
        p256dh: "demo",
        auth: "demo",
      })),
  );
  return { contacts: contactRows.length, activities: activityRows.length };
}

async function insertTemplates(db: Db, demo: DemoTenant, tenantId: string, now: Date) {
  const settings = presetFor(demo.kind);
  const stages = settings.cadence.stages.map((s) => s.key);
  if (settings.cadence.recurringEveryDays) stages.push("recurring");
  const [marketer, marketer2] = await Promise.all(
    ["marketer", "marketer2"].map(async (handle) => {
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, demoUserEmail(demo, handle)));
      return user!.id;
    }),
  );
  const faker = seededFaker(demo.kind);
  const rows = demoTemplateRows(
    tenantId,
    demoVariants(demo.kind, stages, settings.channels),
    { author: marketer!, reviewer: marketer2! },
    now,
    () => faker.string.uuid(),
  );
  await insertInChunks(db, templates, rows.templates);
  await insertInChunks(db, templateRevisions, rows.revisions);
}
