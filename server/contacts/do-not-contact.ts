import type { Db } from "@/db/client";
import { recordAudit, type Actor } from "@/server/audit/record";
import { DO_NOT_CONTACT } from "@/server/engine/audience";
import { contactLabel, lockContactForAction } from "./owner-action-target";
import { setContactTag } from "./tag";

export type DoNotContactChange = {
  tenantId: string;
  contactId: string;
  /** true: tag the contact `do-not-contact`; false: remove the tag. */
  on: boolean;
  actor: Actor;
  now: Date;
};

/**
 * An owner tags a contact `do-not-contact` or removes the tag (SPEC §1.5): the tag changes and
 * the engine plans the contact again (`setContactTag`, the path every tag change takes), the
 * contact's timeline says so, and the audit log says who did it — all in one transaction.
 * Returns null when the tenant has no such contact; `changed: false` when the tag already was so.
 */
export async function setDoNotContact(
  db: Db,
  change: DoNotContactChange,
): Promise<{ changed: boolean } | null> {
  const { tenantId, contactId, on, actor, now } = change;
  return db.transaction(async (tx) => {
    const contact = await lockContactForAction(tx, tenantId, contactId);
    if (!contact) return null;
    const result = await setContactTag(tx, {
      tenantId,
      contactId,
      tag: DO_NOT_CONTACT,
      present: on,
      source: "the owner",
      now,
    });
    if (!result?.changed) return { changed: false };
    const who = contactLabel(contact);
    await recordAudit(tx, {
      tenantId,
      actor,
      kind: "contact",
      summary: on ? `Tagged ${who} do-not-contact` : `Removed do-not-contact from ${who}`,
      data: {
        contactId,
        externalId: contact.externalId,
        name: contact.name,
        action: on ? "tag_added" : "tag_removed",
        tag: DO_NOT_CONTACT,
      },
      at: now,
    });
    return { changed: true };
  });
}
