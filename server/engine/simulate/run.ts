import { asc, eq } from "drizzle-orm";
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
import type { Scenario } from "./scenario";

/**
 * Every call not failed by the scenario is accepted at once: the report is read from the ledger's
 * attempts, so a preview of a year need not fill an Outbox with messages nobody reads.
 */
const accepting: ChannelProvider = {
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
  }: {
    open?: () => Promise<DbHandle>;
    /** Looks at the ledger before the database closes (property tests check invariants there). */
    inspect?: (db: Db) => Promise<void>;
    /** How virtual time advances; tests compare the per-contact clocks with one shared clock. */
    clocks?: typeof runContactClocks;
    /** Provider calls that stay in flight while the contact's events arrive (property tests). */
    inFlight?: InFlight;
  } = {},
) {
  const handle = await open();
  try {
    const { db } = handle;
    const ids = await loadScenario(db, scenario);
    const externalIds = new Map([...ids].map(([external, id]) => [id, external]));
    const provider = failingProvider(accepting, scenario.failures, (id) => externalIds.get(id)!);
    const [start, end] = [new Date(scenario.start), new Date(scenario.end)];
    const events = scenario.events
      .filter((e) => new Date(e.at) >= start && new Date(e.at) < end)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((event) => ({ contactId: ids.get(event.contact)!, event }));
    await clocks(db, provider, events, start, end, inFlight);
    await inspect?.(db);
    return await report(db);
  } finally {
    await handle.close();
  }
}

async function freshDatabase(): Promise<DbHandle> {
  const handle = await openDatabase({});
  await migrateDatabase(handle);
  return handle;
}

/** The preset of the scenario's kind, with the scenario's settings over it. */
function settingsFor(scenario: Scenario): TenantSettings {
  const preset = presetFor(scenario.preset);
  const { timezone: _, stages, recurringEveryDays, ...rest } = scenario.settings ?? {};
  return tenantSettingsSchema.parse({
    ...preset,
    ...rest,
    cadence: {
      stages: stages?.map((s) => ({ label: s.key, ...s })) ?? preset.cadence.stages,
      recurringEveryDays:
        recurringEveryDays === undefined ? preset.cadence.recurringEveryDays : recurringEveryDays,
    },
  });
}

async function loadScenario(db: Db, scenario: Scenario): Promise<Map<string, string>> {
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
    })
    .returning();
  await db.insert(tenantSettings).values({ tenantId: tenant!.id, settings: settingsFor(scenario) });
  const start = new Date(scenario.start);
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
  return new Map(rows.map((r) => [r.externalId, r.id]));
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
      ...(d.status === "skipped" && { reason: d.reason }),
    })),
  };
}
