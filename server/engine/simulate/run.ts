import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { insertInChunks } from "@/db/bulk";
import { openDatabase, type Db, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import {
  attempts,
  contacts,
  deliveries,
  pushSubscriptions,
  reminders,
  tenantSettings,
  tenants,
} from "@/db/schema";
import { presetFor } from "@/db/presets";
import { tenantSettingsSchema, type TenantSettings } from "@/server/settings/schema";
import type { ChannelProvider } from "../channels/provider";
import { runContactClocks } from "./contact-clocks";
import type { InFlight } from "./events-in-flight";
import { failingProvider } from "./failing-provider";
import { scenarioMetrics } from "./metrics";
import type { ContactEvent } from "./apply-event";
import type { Scenario, ScenarioSettings } from "./scenario";
import { currentSettings, saveSettings } from "@/server/settings/save";
import { entitleAndActivate } from "@/server/modules/entitle";

/**
 * Every call not failed by the scenario is accepted at once: the report is read from the ledger's
 * attempts, so a preview of a year need not fill an Outbox with messages nobody reads.
 */
export const accepting: ChannelProvider = {
  send: async (_message, { idempotencyKey }) => ({ providerMessageId: idempotencyKey }),
};

const defaultZone = { self_study: "Asia/Ho_Chi_Minh", home_services: "America/Chicago" } as const;

/**
 * Replays a scenario through the real engine steps on a fresh in-memory database, in virtual
 * time from `start` (included) to `end` (excluded), and reports every attempt and delivery.
 */
export async function runScenario(
  scenario: Scenario,
  {
    open = freshDatabase,
    inspect,
    clocks = runContactClocks,
    inFlight,
    workers,
  }: {
    open?: () => Promise<DbHandle>;
    /** Looks at the ledger before the database closes (property tests check invariants there). */
    inspect?: (db: Db) => Promise<void>;
    /** How virtual time advances; tests compare the per-contact clocks with one shared clock. */
    clocks?: typeof runContactClocks;
    /** Provider calls that stay in flight while the contact's events arrive (property tests). */
    inFlight?: InFlight;
    /** Batches run at once each round on a database server (PGlite runs one at a time). */
    workers?: number;
  } = {},
) {
  const handle = await open();
  const atOnce = handle.driver === "postgres" ? workers : 1;
  try {
    const { db } = handle;
    const { tenantId, ids } = await loadScenario(db, scenario);
    const externalIds = new Map([...ids].map(([external, id]) => [id, external]));
    const provider = failingProvider(accepting, scenario.failures, (id) => externalIds.get(id)!);
    const [start, end] = [new Date(scenario.start), new Date(scenario.end)];
    const inRange = scenario.events
      .filter((e) => new Date(e.at) >= start && new Date(e.at) < end)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const events = inRange.flatMap((event) =>
      event.type === "settings" ? [] : [{ contactId: ids.get(event.contact)!, event }],
    );
    const changes = inRange.filter((e) => e.type === "settings");
    // A settings change concerns every contact: each contact's clock runs up to it first.
    let from = start;
    for (const change of changes) {
      const at = new Date(change.at);
      await clocks(db, provider, eventsIn(events, from, at), from, at, {
        inFlight,
        workers: atOnce,
      });
      await changeScenarioSettings(db, tenantId, change, at);
      from = at;
    }
    await clocks(db, provider, eventsIn(events, from, end), from, end, {
      inFlight,
      workers: atOnce,
    });
    await inspect?.(db);
    const { settings } = await currentSettings(db, {
      id: tenantId,
      kind: await tenantKindOf(db, tenantId),
    });
    return {
      ...(await report(db)),
      metrics: await scenarioMetrics(db, tenantId, settings.attributionWindowDays),
    };
  } finally {
    await handle.close();
  }
}

async function freshDatabase(): Promise<DbHandle> {
  const handle = await openDatabase({});
  await migrateDatabase(handle);
  return handle;
}

const eventsIn = (events: ContactEvent[], from: Date, to: Date) =>
  events.filter((e) => new Date(e.event.at) >= from && new Date(e.event.at) < to);

/** `base` with a scenario's settings over it: keys it leaves out keep their value. */
function settingsOver(base: TenantSettings, over: ScenarioSettings = {}): TenantSettings {
  const { timezone: _, holdoutSalt: __, stages, recurringEveryDays, ...rest } = over;
  return tenantSettingsSchema.parse({
    ...base,
    ...rest,
    cadence: {
      stages: stages?.map((s) => ({ label: s.key, ...s })) ?? base.cadence.stages,
      recurringEveryDays:
        recurringEveryDays === undefined ? base.cadence.recurringEveryDays : recurringEveryDays,
    },
  });
}

/** A `settings` event, saved the way the Settings page saves (SPEC §1.9). */
async function changeScenarioSettings(
  db: Db,
  tenantId: string,
  change: Extract<Scenario["events"][number], { type: "settings" }>,
  at: Date,
): Promise<void> {
  const tenant = { id: tenantId, kind: await tenantKindOf(db, tenantId) };
  const current = await currentSettings(db, tenant);
  if (change.settings.holdoutSalt)
    await db
      .update(tenants)
      .set({ holdoutSalt: change.settings.holdoutSalt })
      .where(eq(tenants.id, tenantId));
  if (change.settings.timezone) {
    await db
      .update(tenants)
      .set({ timeZone: change.settings.timezone })
      .where(eq(tenants.id, tenantId));
    // Contacts without a zone of their own now count their days there: plan them again.
    await db
      .update(contacts)
      .set({ nextCheckAt: at })
      .where(
        and(
          eq(contacts.tenantId, tenantId),
          isNull(contacts.timeZone),
          isNotNull(contacts.lastActivityAt),
        ),
      );
  }
  await saveSettings(db, {
    tenant,
    settings: settingsOver(current.settings, change.settings),
    sender: current.sender,
    lateMilestones: change.lateMilestones,
    actor: { userId: null, label: "the scenario" },
    now: at,
  });
}

async function tenantKindOf(db: Db, tenantId: string) {
  const [row] = await db
    .select({ kind: tenants.kind })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row!.kind;
}

async function loadScenario(db: Db, scenario: Scenario) {
  const [tenant] = await db
    .insert(tenants)
    .values({
      slug: "simulation",
      name: "Simulation",
      kind: scenario.preset,
      timeZone: scenario.settings?.timezone ?? defaultZone[scenario.preset],
      postalAddress: "Simulation",
      senderName: "Simulation",
      senderEmail: "simulation@rekindle.local",
      holdoutSalt: scenario.settings?.holdoutSalt ?? "simulation",
    })
    .returning();
  await db.insert(tenantSettings).values({
    tenantId: tenant!.id,
    settings: settingsOver(presetFor(scenario.preset), scenario.settings),
  });
  const start = new Date(scenario.start);
  await entitleAndActivate(db, tenant!.id, "simulation", start);
  const rows = scenario.contacts.map((c) => ({
    id: crypto.randomUUID(),
    tenantId: tenant!.id,
    externalId: c.id,
    timeZone: c.timezone ?? null,
    lastActivityAt: c.lastActivityAt ? new Date(c.lastActivityAt) : null,
    channels: c.channels,
    tags: c.tags,
    email: `${c.id}@simulation.example`,
    phone: "+10000000000",
    zaloUserId: `zalo-${c.id}`,
    // The engine first sees every contact at `start`.
    nextCheckAt: start,
  }));
  await insertInChunks(db, contacts, rows);
  await insertInChunks(
    db,
    pushSubscriptions,
    rows.map((r) => ({
      tenantId: r.tenantId,
      contactId: r.id,
      endpoint: `https://push.simulation.example/${r.id}`,
      p256dh: "simulated",
      auth: "simulated",
    })),
  );
  return { tenantId: tenant!.id, ids: new Map(rows.map((r) => [r.externalId, r.id])) };
}

async function report(db: Db) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const attemptRows = await db
    .select({
      contact: contacts.externalId,
      stage: reminders.key,
      channel: deliveries.channel,
      attempt: attempts.number,
      at: attempts.startedAt,
      outcome: attempts.outcome,
      variant: deliveries.variant,
    })
    .from(attempts)
    .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .innerJoin(contacts, eq(contacts.id, deliveries.contactId))
    .orderBy(
      asc(attempts.startedAt),
      asc(contacts.externalId),
      asc(deliveries.channel),
      asc(attempts.number),
    );
  const deliveryRows = await db
    .select({
      contact: contacts.externalId,
      stage: reminders.key,
      channel: deliveries.channel,
      status: deliveries.status,
      reason: deliveries.reason,
      dueAt: deliveries.dueAt,
    })
    .from(deliveries)
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .innerJoin(contacts, eq(contacts.id, deliveries.contactId))
    .orderBy(
      asc(deliveries.dueAt),
      asc(contacts.externalId),
      asc(reminders.reachedAt),
      asc(deliveries.channel),
      // Two reminders reached at the same instant (a stage and a recurring reminder after a
      // settings change): by key, so every replay lists them alike.
      asc(reminders.key),
      asc(reminders.sequence),
    );
  return {
    attempts: attemptRows.map((a) => ({
      contact: a.contact,
      stage: a.stage,
      channel: a.channel,
      attempt: a.attempt,
      at: iso(a.at),
      // An attempt still "started" when the scenario ended never reached the provider's answer.
      outcome: a.outcome === "started" ? "pending" : a.outcome,
      variant: a.variant,
    })),
    deliveries: deliveryRows.map((d) => ({
      contact: d.contact,
      stage: d.stage,
      channel: d.channel,
      status: d.status === "sending" ? "pending" : d.status,
      dueAt: iso(d.dueAt),
      // Why it was not sent, where the reason is not the status itself: a skip, and a cancel
      // by a settings change (a return's cancels read the same as before).
      ...((d.status === "skipped" || d.reason === "settings_changed") && { reason: d.reason }),
    })),
  };
}
