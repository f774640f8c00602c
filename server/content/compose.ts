import { and, desc, isNotNull, sql } from "drizzle-orm";
import { anyOf } from "@/db/bulk";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import type { ContactContext } from "@/server/engine/contact-context";
import { saveLinks, type LinkRow, type MessageLinks } from "@/server/links/message-links";
import {
  loadApprovedVariants,
  variantKey,
  type ApprovedVariant,
} from "@/server/templates/approved";
import { FALLBACK_CTA, fallbackVariant } from "./fallback";
import { checkGuards, type GuardFailure } from "./guards";
import { loadCatalog, loadPins } from "./load-catalog";
import type { MessageContent, StoredContent } from "./message";
import { pickVariant, seededRandom } from "./pick-variant";
import { loadRecaps } from "./recap";
import { recommend, recommends, type Catalog, type Exercise } from "./recommend";
import { renderVariant } from "./render";
import { groupBy } from "@/server/lib/group-by";

export type ComposeItem = {
  contact: ContactContext;
  deliveryId: string;
  reminderId: string;
  stage: string;
  channel: Channel;
  now: Date;
};

export type Composed =
  | { ok: true; content: StoredContent; reason: string }
  | { ok: false; failure: GuardFailure; message: MessageContent };

/**
 * The message of each delivery's first attempt (SPEC §1.6): an approved variant picked at random
 * (preferring a CTA kind the contact did not just see) or the built-in fallback, filled with the
 * contact's recap, recommendations, offer and short links, then checked by the compliance guards.
 * The links of the messages that pass are stored together, in one insert for the whole batch.
 */
export async function composeMessages(
  db: Db,
  items: ComposeItem[],
  links: MessageLinks,
): Promise<Map<string, Composed>> {
  const composed = new Map<string, Composed>();
  if (items.length === 0) return composed;
  const tenantIds = [...new Set(items.map((i) => i.contact.tenantId))];
  const [approved, previousCta] = await Promise.all([
    loadApprovedVariants(db, tenantIds),
    previousCtaKinds(db, items),
  ]);
  const chosen = items.map((item) => {
    const candidates = approved.get(variantKey(item.contact.tenantId, item.stage, item.channel));
    const random = seededRandom(item.deliveryId);
    return pickVariant(candidates ?? [], previousCta.get(item.contact.id) ?? null, random);
  });
  const extras = await loadExtras(db, items, chosen);
  const rows: LinkRow[] = [];
  for (const [i, item] of items.entries()) {
    const made = linksOf(links, item);
    const result = await composeOne(item, chosen[i]!, extras, made);
    composed.set(item.deliveryId, result);
    // Only the links the message carries: an SMS has no use for an unsubscribe link.
    const carried = result.ok ? JSON.stringify(result.content.message) : "";
    const row = result.ok ? made.row((url) => carried.includes(url)) : null;
    if (row) rows.push(row);
  }
  await saveLinks(db, rows);
  return composed;
}

/** How one message's links are made: new short links for sends, inert ones for previews. */
export type ItemLinks = {
  tracked: (target: string) => string;
  preferences: () => string;
  unsubscribe: () => string;
};

function linksOf(links: MessageLinks, item: ComposeItem) {
  const { tenantId, id: contactId } = item.contact;
  const message = links.forMessage({ tenantId, contactId, deliveryId: item.deliveryId }, item.now);
  return {
    tracked: (target: string) => message.link("tracked", target),
    preferences: () => message.link("preferences", null),
    unsubscribe: () => message.link("unsubscribe", null),
    row: message.row,
  };
}

/** One message: rendered, guarded, and described for the ledger (see `composeMessages`). */
export async function composeOne(
  item: ComposeItem,
  variant: ApprovedVariant | null,
  extras: Extras,
  links: ItemLinks,
): Promise<Composed> {
  const { contact } = item;
  const { settings } = contact;
  const picks = extras.recommendations(item, variant);
  const targets = [
    settings.offer?.bookingUrl ?? settings.appUrl,
    // Where the catalog says the exercise opens; the app's conventional path without one.
    ...picks.map(
      (p) =>
        p.exercise.url ??
        `${settings.appUrl.replace(/\/$/, "")}/exercises/${encodeURIComponent(p.exercise.externalId)}`,
    ),
  ];
  const tracked = targets.map((target) => links.tracked(target));
  const unsubscribe = links.unsubscribe();
  const message = await renderVariant(
    variant?.content ?? fallbackVariant(item.stage, item.channel, settings.niche),
    {
      contactName: contact.name,
      contactFirstName: contact.firstName,
      contactLocale: contact.locale,
      nameOrder: settings.nameOrder,
      sender: contact.tenant.sender,
      offer: settings.offer,
      brand: settings.brand,
      links: {
        cta: tracked[0]!,
        booking: settings.offer ? tracked[0]! : null,
        preferences: links.preferences(),
        unsubscribe,
        exercises: picks.map((p, i) => ({ title: p.exercise.title, url: tracked[i + 1]! })),
      },
      recap: item.stage === "streak_lost" ? (extras.recaps.get(contact.id) ?? null) : null,
      history: {
        lastActivityAt: contact.lastActivityAt,
        lastService: contact.lastService,
        lastServiceAt: contact.lastServiceAt,
        zone: contact.zone,
        locale: contact.locale,
        now: item.now,
      },
    },
  );
  const failure = checkGuards(message, contact.tenant.sender, unsubscribe);
  if (failure) return { ok: false, failure, message };
  const content: StoredContent = {
    message,
    revisionId: variant?.revisionId ?? null,
    variant: variant?.name ?? "fallback",
    ctaKind: variant?.ctaKind ?? FALLBACK_CTA,
    recommendations: picks.map((p) => ({
      exerciseId: p.exercise.id,
      title: p.exercise.title,
      rule: p.rule,
    })),
  };
  return { ok: true, content, reason: describeChoice(item, variant, content) };
}

function describeChoice(
  item: ComposeItem,
  variant: ApprovedVariant | null,
  content: StoredContent,
) {
  const which = variant
    ? `Variant ${variant.name} (CTA ${variant.ctaKind}) of ${item.stage} × ${item.channel}.`
    : `No approved variant for ${item.stage} × ${item.channel}: the built-in fallback was used.`;
  const recs = content.recommendations.map((r) => `${r.title} (${r.rule.replaceAll("_", " ")})`);
  return recs.length ? `${which} Recommended: ${recs.join(", ")}.` : which;
}

/** The CTA kind of each contact's latest earlier reminder that was attempted. */
async function previousCtaKinds(db: Db, items: ComposeItem[]): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinctOn([deliveries.contactId], {
      contactId: deliveries.contactId,
      ctaKind: sql<string>`${deliveries.content}->>'ctaKind'`,
    })
    .from(deliveries)
    .where(
      and(
        anyOf(deliveries.contactId, [...new Set(items.map((i) => i.contact.id))]),
        isNotNull(deliveries.content),
        sql`not (${deliveries.reminderId} = any(${anyReminder(items)}))`,
      ),
    )
    .orderBy(deliveries.contactId, desc(deliveries.firstAttemptAt));
  return new Map(rows.map((r) => [r.contactId, r.ctaKind]));
}

const anyReminder = (items: ComposeItem[]) =>
  sql`array(select json_array_elements_text(${JSON.stringify([...new Set(items.map((i) => i.reminderId))])}::json)::uuid)`;

export type Extras = {
  recaps: Map<string, string>;
  recommendations: (
    item: ComposeItem,
    variant: ApprovedVariant | null,
  ) => ReturnType<typeof recommend>;
};

/** Recaps and recommendation candidates for the items that use them, a few queries per tenant. */
export async function loadExtras(
  db: Db,
  items: ComposeItem[],
  chosen: (ApprovedVariant | null)[],
): Promise<Extras> {
  const recapped = items.filter((i) => i.stage === "streak_lost").map((i) => i.contact);
  const recommending = items.filter(
    (i) => i.contact.tenant.kind === "self_study" && recommends(i.stage),
  );
  const catalogs = new Map<string, Catalog>();
  // Pins by tenant, each tenant's loaded with it: a template id never brings another's exercises.
  const pins = new Map<string, Map<string, Exercise[]>>();
  const templateIds = groupBy(
    items.flatMap((item, i) => {
      const variant = chosen[i];
      return variant ? [{ tenantId: item.contact.tenantId, id: variant.templateId }] : [];
    }),
    (t) => t.tenantId,
  );
  const [recapLists] = await Promise.all([
    Promise.all(byTenant(recapped).map((list) => loadRecaps(db, list))),
    ...byTenant(recommending.map((i) => i.contact)).map(async (list) => {
      const tenantId = list[0]!.tenantId;
      const earliest = Math.min(...recommending.map((i) => i.now.getTime()));
      const window = list[0]!.settings.freshWindowDays * 86_400_000;
      const [catalog, tenantPins] = await Promise.all([
        loadCatalog(db, tenantId, {
          programs: distinct(list.map((c) => c.program)),
          skills: distinct(list.map((c) => c.lastSkill)),
          freshSince: new Date(earliest - window),
        }),
        loadPins(db, tenantId, templateIds.get(tenantId)?.map((t) => t.id) ?? []),
      ]);
      catalogs.set(tenantId, catalog);
      pins.set(tenantId, tenantPins);
    }),
  ]);
  return {
    recaps: new Map(recapLists.flatMap((m) => [...m])),
    recommendations(item, variant) {
      const catalog = catalogs.get(item.contact.tenantId);
      if (!catalog || item.contact.tenant.kind !== "self_study" || !recommends(item.stage))
        return [];
      const freshSince = item.now.getTime() - item.contact.settings.freshWindowDays * 86_400_000;
      // Nothing published after the contact's instant, and "fresh" measured from it.
      const published = (e: Exercise) => e.publishedAt <= item.now;
      const fresh = (e: Exercise) => published(e) && e.publishedAt.getTime() > freshSince;
      const pinned = variant && pins.get(item.contact.tenantId)?.get(variant.templateId);
      return recommend(item.contact, pinned || [], {
        freshByProgram: mapValues(catalog.freshByProgram, (l) => l.filter(fresh)),
        trendingBySkill: mapValues(catalog.trendingBySkill, (l) => l.filter(published)),
        global: catalog.global.filter(published),
      });
    },
  };
}

function byTenant<T extends { tenantId: string }>(list: T[]): T[][] {
  return [...groupBy(list, (c) => c.tenantId).values()];
}

const distinct = (values: (string | null)[]) => [
  ...new Set(values.filter((v): v is string => !!v)),
];

function mapValues<K, V>(map: Map<K, V>, f: (v: V) => V): Map<K, V> {
  return new Map([...map].map(([k, v]) => [k, f(v)]));
}
