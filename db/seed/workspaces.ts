import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import {
  contacts,
  memberships,
  templateRevisions,
  templates,
  tenantSettings,
  tenants,
  users,
} from "@/db/schema";
import { presetFor } from "@/db/presets";
import {
  demoTenants,
  demoUserEmail,
  demoUserName,
  demoUsers,
  type DemoTenant,
} from "./demo-tenants";
import { seededFaker, stableUuid } from "./random";
import { arrivesTodayEvery, historyStart, sized, type SeedSize } from "./size";
import { demoTemplateRows, demoVariants } from "./templates";
/* eslint-disable @typescript-eslint/no-restricted-imports -- the demo workspaces are activated
   through the real activation, so their audit log and state are what an owner's would be. */
import { REACTIVATION_MODULE } from "@/server/modules/catalog";
import { changeModuleState } from "@/server/modules/change-state";
import { grantEntitlement } from "@/server/modules/entitle";
/* eslint-enable @typescript-eslint/no-restricted-imports */

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
        const tenantId = existing?.id ?? (await createTenant(tx, demo, historyStart(now)));
        await ensureDemoUsers(tx, demo, tenantId);
        if (!existing) await insertTemplates(tx, demo, tenantId, historyStart(now));
        return { demo, tenantId, created: !existing, arrivesTodayEvery: arrivesTodayEvery(size) };
      }),
    );
  }
  return workspaces;
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

/** A sandbox workspace, entitled, its module activated when its year of history begins. */
async function createTenant(db: Db, demo: DemoTenant, since: Date): Promise<string> {
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
  await activateDemo(db, tenant!.id, since);
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

/** Through the real activation: a sandbox meets its capabilities with the Outbox (SPEC §1.9). */
async function activateDemo(db: Db, tenantId: string, now: Date) {
  const code = REACTIVATION_MODULE;
  await grantEntitlement(db, { tenantId, code, source: "demo workspace", expiresAt: null, now });
  const outbox = { email: "outbox", sms: "outbox", web_push: "outbox", zalo: "outbox" } as const;
  const result = await changeModuleState(db, {
    tenantId,
    code,
    action: "activate",
    actor: { userId: null, label: "Demo seed" },
    drivers: outbox,
    now,
  });
  if (!("status" in result) || result.status.state !== "active") {
    throw new Error(`The demo workspace did not activate: ${JSON.stringify(result)}`);
  }
}
