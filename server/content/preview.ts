import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, templates } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { loadContact } from "@/server/engine/contact-context";
import { LINK_ID_LENGTH } from "@/server/links/link-id";
import { composeOne, loadExtras, type ComposeItem, type ItemLinks } from "./compose";
import type { VariantContent } from "./variant-content";

/**
 * A preview's links are as long as a sent message's (an SMS's segments depend on it) but lead
 * nowhere: nothing is stored for a preview.
 */
function previewLinks(baseUrl: string): ItemLinks {
  const base = baseUrl.replace(/\/$/, "");
  const inert = (path: string) => `${base}/${path}/${"preview".padEnd(LINK_ID_LENGTH, "0")}`;
  return {
    tracked: () => inert("r"),
    preferences: () => inert("p"),
    unsubscribe: () => inert("u"),
  };
}

/**
 * Renders any variant for any contact of the workspace (its first contact by name when none is
 * given) exactly as a send would: the contact's recap, recommendations and the offer, and the
 * compliance guards' verdict. Nothing is stored. Null when the contact or the variant is not the
 * workspace's.
 */
export async function previewMessage(
  db: Db,
  input: {
    tenantId: string;
    contactId: string | null;
    stage: string;
    channel: Channel;
    content: VariantContent;
    ctaKind: string;
    templateId: string | null;
    now: Date;
    baseUrl: string;
  },
) {
  const contactId = input.contactId ?? (await firstContact(db, input.tenantId));
  const [contact, ownVariant] = await Promise.all([
    contactId ? loadContact(db, input.tenantId, contactId) : null,
    input.templateId ? isTemplateOf(db, input.tenantId, input.templateId) : true,
  ]);
  if (!contact || !ownVariant) return null;
  const item: ComposeItem = {
    contact,
    deliveryId: "preview",
    reminderId: "preview",
    stage: input.stage,
    channel: input.channel,
    now: input.now,
  };
  const variant = {
    templateId: input.templateId ?? "",
    revisionId: "preview",
    name: "preview",
    ctaKind: input.ctaKind,
    content: input.content,
  };
  const extras = await loadExtras(db, [item], [input.templateId ? variant : null]);
  const composed = await composeOne(item, variant, extras, previewLinks(input.baseUrl));
  return { contact: { id: contact.id, name: contact.name }, composed };
}

/** Whether the variant being edited is the workspace's (its pins are recommended first). */
async function isTemplateOf(db: Db, tenantId: string, templateId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.id, templateId), eq(templates.tenantId, tenantId)));
  return row !== undefined;
}

async function firstContact(db: Db, tenantId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.tenantId, tenantId))
    .orderBy(asc(contacts.name))
    .limit(1);
  return row?.id ?? null;
}
