import { and, count, eq, notInArray } from "drizzle-orm";
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
import { generatePastActivity } from "./activity";
import { generateContact } from "./contacts";
import {
  demoTenants,
  demoUserEmail,
  demoUserName,
  demoUsers,
  type DemoTenant,
} from "./demo-tenants";
import { generateExercises } from "./exercises";
import { buildHistory, type HistoryProgress } from "./history/run";
import { demoTemplateRows, demoVariants } from "./templates";
import { DAY_MS, seededFaker, stableUuid } from "./random";

export type SeedReport = { tenant: string; created: boolean; contacts: number; activities: number };
export type SeedOptions = {
  /** Run the engine over the year before `now` (default); false: contacts as of `now` only. */
  history?: boolean;
  onProgress?: HistoryProgress;
};

/** The demo's history: the engine has run for the workspaces over the year before `now`. */
export const HISTORY_DAYS = 365;
export const historyStart = (now: Date) => new Date(now.getTime() - HISTORY_DAYS * DAY_MS);

/**
 * Creates the demo tenants, their users (one per role, and a second marketer to review the first)
 * and data, relative to `now`: contacts with their past activity, then a year of the engine's
 * history over them (`history/run.ts`) that ends at `now`, where the live engine takes over.
 * Idempotent: an existing demo tenant keeps its data; only missing users and memberships are added.
 */
export async function seedDemo(
  db: Db,
  now: Date,
  size: SeedSize = "full",
  options: SeedOptions = {},
): Promise<SeedReport[]> {
  const workspaces = await seedDemoWorkspaces(db, now, size);
  const created = workspaces.filter((w) => w.created);
  const counts = await seedDemoContacts(db, now, created, options);
  return workspaces.map((w) => ({
    tenant: w.demo.slug,
    created: w.created,
    ...(counts.get(w.tenantId) ?? { contacts: 0, activities: 0 }),
  }));
}

export async function seedIfEmpty(
  db: Db,
  now: Date,
  size: SeedSize = "full",
  options: SeedOptions = {},
): Promise<SeedReport[] | null> {
  const [row] = await db.select({ n: count() }).from(tenants);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(db, now, size, options);
}

/**
 * `full`: thousands of contacts, the demo as a user sees it. `small`: the first contacts of the
 * same deterministic sequence (the same ids and past activity), so the e2e tests' server seeds,
 * builds its year of history and plans its backlog in seconds.
 */
export type SeedSize = "full" | "small";
const SMALL_SEED_CONTACTS = 60;

function sized(demo: DemoTenant, size: SeedSize): DemoTenant {
  if (size === "full") return demo;
  return { ...demo, contactCount: Math.min(demo.contactCount, SMALL_SEED_CONTACTS) };
}

/**
 * With history, one contact in this many arrives today instead of being there for the year
 * (`seedDemoContacts`). The small seed has more of them: the e2e tests watch the live engine
 * send their backlog, and at night in Vietnam only learners abroad can get a message at once.
 */
const arrivesTodayEvery = (size: SeedSize) => (size === "full" ? 5 : 2);

/** A demo workspace in a database; `created` when this seed made it. */
export type DemoWorkspace = {
  demo: DemoTenant;
  tenantId: string;
  created: boolean;
  arrivesTodayEvery: number;
};

/**
 * The workspaces alone: tenant, settings, demo users and approved variants, without contacts.
 * Their ids are derived from their slugs, so that a database where the contacts are built
 * elsewhere (`background.ts`) gets the same workspaces.
 */
export async function seedDemoWorkspaces(
  db: Db,
  now: Date,
  size: SeedSize,
): Promise<DemoWorkspace[]> {
  const workspaces: DemoWorkspace[] = [];
  for (const demo of demoTenants.map((t) => sized(t, size))) {
    workspaces.push(
      await db.transaction(async (tx) => {
        const [existing] = await tx.select().from(tenants).where(eq(tenants.slug, demo.slug));
        const tenantId = existing?.id ?? (await createTenant(tx, demo));
        await ensureDemoUsers(tx, demo, tenantId);
        if (!existing) await insertTemplates(tx, demo, tenantId, historyStart(now));
        return { demo, tenantId, created: !existing, arrivesTodayEvery: arrivesTodayEvery(size) };
      }),
    );
  }
  return workspaces;
}

/**
 * The workspaces' contacts, their activity and the exercise catalog; then, unless the database
 * holds other workspaces' contacts (the engine's virtual clock would move them too), the year of
 * history. Most contacts are there from its start; some (`arrivesTodayEvery`) arrive today, as an
 * import would bring them, with their past activity only, so the live engine has a backlog to
 * plan and send in its first minutes. Without history every contact arrives today. Returns each
 * tenant's counts.
 */
export async function seedDemoContacts(
  db: Db,
  now: Date,
  workspaces: DemoWorkspace[],
  { history = true, onProgress }: SeedOptions = {},
): Promise<Map<string, { contacts: number; activities: number }>> {
  const ids = workspaces.map((w) => w.tenantId);
  const withHistory = history && ids.length > 0 && !(await othersHaveContacts(db, ids));
  const start = withHistory ? historyStart(now) : null;
  const inHistory: string[] = [];
  for (const workspace of workspaces) {
    await db.transaction(async (tx) => {
      inHistory.push(...(await insertTenantData(tx, workspace, { start, now })));
    });
  }
  if (start) await buildHistory(db, inHistory, start, now, onProgress);
  const counts = new Map<string, { contacts: number; activities: number }>();
  for (const tenantId of ids) {
    const [people] = await db
      .select({ n: count() })
      .from(contacts)
      .where(eq(contacts.tenantId, tenantId));
    const [activities] = await db
      .select({ n: count() })
      .from(activityEvents)
      .where(eq(activityEvents.tenantId, tenantId));
    counts.set(tenantId, { contacts: people!.n, activities: activities!.n });
  }
  return counts;
}

async function othersHaveContacts(db: Db, tenantIds: string[]): Promise<boolean> {
  const [other] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(notInArray(contacts.tenantId, tenantIds))
    .limit(1);
  return other !== undefined;
}

/** The demo workspaces that exist but have no contacts: the seed stopped before adding them. */
export async function demoWorkspacesWithoutContacts(
  db: Db,
  size: SeedSize,
): Promise<DemoWorkspace[]> {
  const found: DemoWorkspace[] = [];
  for (const demo of demoTenants.map((t) => sized(t, size))) {
    const [row] = await db
      .select({ id: tenants.id, contacts: count(contacts.id) })
      .from(tenants)
      .leftJoin(contacts, eq(contacts.tenantId, tenants.id))
      .where(and(eq(tenants.slug, demo.slug), eq(tenants.sandbox, true)))
      .groupBy(tenants.id);
    if (row && row.contacts === 0)
      found.push({
        demo,
        tenantId: row.id,
        created: true,
        arrivesTodayEvery: arrivesTodayEvery(size),
      });
  }
  return found;
}

const demoTenantId = (demo: DemoTenant) => stableUuid(`rekindle-demo-tenant:${demo.slug}`);

async function createTenant(db: Db, demo: DemoTenant): Promise<string> {
  const { contactCount: _, holdoutPercent, ...fields } = demo;
  // Demo workspaces are sandboxes: marked as such in the UI, and the only ones demo sign-in opens.
  // A fixed holdout salt: the same contacts are held out on every machine.
  const [tenant] = await db
    .insert(tenants)
    .values({
      ...fields,
      id: demoTenantId(demo),
      sandbox: true,
      holdoutSalt: `demo:${demo.slug}`,
    })
    .returning({ id: tenants.id });
  const settings = presetFor(demo.kind);
  settings.holdoutPercent = holdoutPercent;
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

/**
 * The catalog, contacts, past activity and push subscriptions of one workspace; returns the ids
 * of the contacts that are there from the history's `start` (none without history).
 */
async function insertTenantData(
  db: Db,
  { demo, tenantId, arrivesTodayEvery }: DemoWorkspace,
  { start, now }: { start: Date | null; now: Date },
): Promise<string[]> {
  const faker = seededFaker(demo.kind);
  const catalog = (demo.kind === "self_study" ? generateExercises(faker, tenantId, now) : []).map(
    (exercise) => ({ ...exercise, id: faker.string.uuid() }),
  );
  await insertInChunks(db, exercises, catalog);
  const exerciseIds = catalog.map((e) => e.id);

  const contactRows = [];
  const activityRows = [];
  const fromStart: string[] = [];
  for (let i = 0; i < demo.contactCount; i++) {
    const contact = generateContact(faker, demo, tenantId, i);
    const id = faker.string.uuid();
    const since = start && i % arrivesTodayEvery !== arrivesTodayEvery - 1 ? start : now;
    const past = generatePastActivity(
      faker,
      demo.kind,
      { tenantId, contactId: id, externalId: contact.externalId },
      exerciseIds,
      since,
    );
    // The engine first looks at every contact with an activity when it arrives.
    const nextCheckAt = past.lastActivityAt ? since : null;
    contactRows.push({ ...contact, id, lastActivityAt: past.lastActivityAt, nextCheckAt });
    activityRows.push(...past.events);
    if (since !== now) fromStart.push(id);
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
  return fromStart;
}

async function insertTemplates(db: Db, demo: DemoTenant, tenantId: string, approvedAt: Date) {
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
    approvedAt,
    () => faker.string.uuid(),
  );
  await insertInChunks(db, templates, rows.templates);
  await insertInChunks(db, templateRevisions, rows.revisions);
}
