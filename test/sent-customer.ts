import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempts, contacts, deliveries } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { runUntil } from "@/server/engine/virtual-time";
import { recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";

/**
 * A home-services customer sent the six_months reminder on email and SMS (+13125550123): the
 * provider message id of each send, and the contact's channel states.
 */
export async function sentCustomer(db: Db, phone = "+13125550123") {
  const tenant = await createTenant(db, "home_services", "America/Chicago");
  const last = new Date("2025-07-01T15:00:00Z");
  const contact = await createContact(db, tenant.id, {
    email: "c@mail.example",
    phone,
    timeZone: "America/Chicago",
    channels: { email: "subscribed", sms: "subscribed" },
    lastActivityAt: last,
    nextCheckAt: last,
  });
  const { provider } = recordingProvider(db);
  await runUntil(db, provider, new Date("2025-12-31T12:00:00Z"), new Date("2026-01-02T00:00:00Z"));
  const rows = await db
    .select({ channel: deliveries.channel, response: attempts.response })
    .from(attempts)
    .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
    .where(eq(deliveries.contactId, contact.id));
  const idOf = (channel: Channel) =>
    String(rows.find((r) => r.channel === channel)!.response!.providerMessageId);
  const channels = async () =>
    (
      await db.select({ c: contacts.channels }).from(contacts).where(eq(contacts.id, contact.id))
    )[0]!.c;
  return { tenant, contact, idOf, channels };
}
