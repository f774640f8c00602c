import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempts, contacts, deliveries } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import { runUntil } from "@/server/engine/virtual-time";
import { homeServicesCustomer } from "@/test/customer";

/**
 * A home-services customer sent the six_months reminder on email and SMS (+13125550123): the
 * provider message id of each send, and the contact's channel states.
 */
export async function sentCustomer(db: Db, phone = "+13125550123") {
  const { tenant, contact, provider } = await homeServicesCustomer(db, {
    email: "c@mail.example",
    phone,
  });
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
