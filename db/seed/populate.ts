import { count, eq, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { activityEvents, contacts, exercises, pushSubscriptions } from "@/db/schema";
import { generatePastActivity } from "./activity";
import { generateContact } from "./contacts";
import { generateExercises } from "./exercises";
import { buildHistory, type HistoryProgress } from "./history/run";
import { seededFaker } from "./random";
import { historyStart } from "./size";
import type { DemoWorkspace } from "./workspaces";

export type SeedOptions = {
  /** Run the engine over the year before `now` (default); false: contacts as of `now` only. */
  history?: boolean;
  onProgress?: HistoryProgress;
};

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
