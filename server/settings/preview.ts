import { z } from "zod";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { TenantKind } from "@/db/schema/enums";
import { loadContact, type ContactContext } from "@/server/engine/contact-context";
import { currentHistories } from "@/server/engine/planning/next-check";
import { yearAhead, type PreviewReminder } from "@/server/engine/planning/year-ahead";
import { addLocalMonths, atWallClock, localDate, localMidnight } from "@/server/engine/time";
import { line } from "@/server/lib/bounded";
import { ianaTimeZone } from "@/server/lib/zod-extras";
import { currentSettings } from "./save";
import type { TenantSettings } from "./schema";

/**
 * A contact typed in for the preview: last active at noon on a local date in a zone, reachable on
 * every channel.
 */
const typedContact = z.object({
  label: line(60).min(1, "must not be empty"),
  timeZone: ianaTimeZone,
  lastActivityOn: z.iso.date({ message: "must be a date such as 2026-03-01" }),
});

/** A sample contact as the planner needs it: its name, zone and last activity. */
export type TypedContact = { label: string; timeZone: string; lastActivityAt: Date };

export const previewContactsSchema = z.object({
  /** Contacts of the workspace, by id. */
  contactIds: z.array(z.uuid()).max(10).default([]),
  typed: z.array(typedContact).max(10).default([]),
  lateMilestones: z.enum(["skip", "send"]).default("skip"),
});

export type CadencePreview = {
  label: string;
  zone: string;
  current: PreviewReminder[];
  proposed: PreviewReminder[];
};

/**
 * SPEC §3: for up to 10 sample contacts, the next 12 months of reminders under the current and the
 * new settings, side by side, computed by the planner in virtual time (nothing is written). Null
 * when a given contact is not the workspace's.
 */
export async function previewCadences(
  db: Db,
  tenant: { id: string; kind: TenantKind; timeZone: string },
  input: z.infer<typeof previewContactsSchema> & { settings: TenantSettings },
  now: Date,
): Promise<CadencePreview[] | null> {
  const current = await currentSettings(db, tenant);
  const ids =
    input.contactIds.length || input.typed.length
      ? input.contactIds.slice(0, 10)
      : await defaultSampleIds(db, tenant.id);
  const found = await Promise.all(ids.map((id) => loadContact(db, tenant.id, id)));
  // A contact of another workspace is not found, as any id the caller gives.
  if (found.some((c) => c === null)) return null;
  const stored = found as ContactContext[];
  const typed = input.typed.map((t, i) =>
    sampleContact(
      { ...t, lastActivityAt: atWallClock(t.lastActivityOn, "12:00", t.timeZone) },
      i,
      stored[0],
      tenant,
      current.settings,
    ),
  );
  const samples = [...stored, ...typed].slice(0, 10);
  const histories = await currentHistories(
    db,
    stored.filter((c) => c.lastActivityAt),
  );
  const until = localMidnight(addLocalMonths(localDate(now, tenant.timeZone), 12), tenant.timeZone);
  const window = { from: now, until };
  return samples.map((contact) => {
    const history = histories.get(contact.id) ?? [];
    return {
      label: contact.name || contact.externalId,
      zone: contact.zone,
      current: yearAhead(contact, history, window),
      proposed: yearAhead({ ...contact, settings: input.settings }, history, window, {
        before: current.settings,
        lateMilestones: input.lateMilestones,
        version: current.version + 1,
      }),
    };
  });
}

/** A typed-in contact as the planner sees one: subscribed and reachable on every channel. */
export function sampleContact(
  t: TypedContact,
  i: number,
  like: ContactContext | undefined,
  tenant: { id: string; kind: TenantKind },
  settings: TenantSettings,
): ContactContext {
  const at = new Date(0);
  return {
    id: `typed-${i}`,
    tenantId: tenant.id,
    externalId: t.label,
    name: t.label,
    firstName: null,
    email: "sample@preview.invalid",
    phone: "+10000000000",
    zaloUserId: "preview",
    timeZone: t.timeZone,
    locale: null,
    tags: [],
    program: null,
    lastSkill: null,
    lastActivityAt: t.lastActivityAt,
    lastService: null,
    lastServiceAt: null,
    channels: {
      email: "subscribed",
      sms: "subscribed",
      web_push: "subscribed",
      zalo: "subscribed",
    },
    nextCheckAt: null,
    engineFailures: 0,
    engineError: null,
    engineErrorAt: null,
    createdAt: at,
    updatedAt: at,
    zone: t.timeZone,
    pushSubscription: "{}",
    // What the contact would receive once the module runs, whatever its state now.
    moduleState: "active",
    settings,
    tenant: like?.tenant ?? {
      kind: tenant.kind,
      // The preview plans what the contact would receive: the holdout does not apply to it.
      holdoutSalt: "",
      sender: { name: "", email: "", postalAddress: "" },
    },
  };
}

/**
 * Three contacts to preview when the owner picked none: at a quarter, half and three quarters of
 * the workspace's range of last activity, so the preview shows early, middle and late cycles.
 */
async function defaultSampleIds(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), isNotNull(contacts.lastActivityAt)))
    .orderBy(desc(contacts.lastActivityAt))
    .limit(2_000);
  const picks = [0.25, 0.5, 0.75].map((q) => rows[Math.floor(rows.length * q)]?.id);
  return [...new Set(picks.filter((id): id is string => id !== undefined))];
}
