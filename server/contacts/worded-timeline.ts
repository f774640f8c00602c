import type { Db } from "@/db/client";
import type { TenantKind } from "@/db/schema/enums";
import { contactTimeline } from "@/server/engine/explain/timeline";
import { getTenantSettings } from "@/server/settings/get";
import { stageLabels } from "@/server/settings/stage-labels";
import { eventTitle, wordReason } from "./timeline-words";

/**
 * The contact's timeline (SPEC §1.7) as its page shows it: each decision titled in words, and
 * the ledger's reasons with stage labels, channel names and times in the contact's zone. Null
 * when the tenant has no such contact.
 */
export async function wordedTimeline(
  db: Db,
  tenant: { id: string; kind: TenantKind },
  contactId: string,
) {
  const [timeline, settings] = await Promise.all([
    contactTimeline(db, tenant.id, contactId),
    getTenantSettings(db, tenant),
  ]);
  if (!timeline) return null;
  const wording = { stageLabels: stageLabels(settings), zone: timeline.contact.zone };
  return {
    ...timeline,
    events: timeline.events.map((e) => ({
      ...e,
      title: eventTitle(e.type),
      reason: wordReason(e.reason, wording),
    })),
    deliveries: timeline.deliveries.map((d) => ({
      ...d,
      reason: d.reason ? wordReason(d.reason, wording) : null,
    })),
  };
}
