import type { Db } from "@/db/client";
import { recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";

export const chicago = "America/Chicago";
/** Last job 2025-07-01 10:00 local → six_months reached 2026-01-01, sent 08:00 local (14:00Z). */
export const lastJob = new Date("2025-07-01T15:00:00Z");

/**
 * A home-services customer in Chicago, on email and SMS, whose six-month reminder is due on
 * 2026-01-01, with a recording provider.
 */
export async function homeServicesCustomer(
  db: Db,
  fields: Parameters<typeof createContact>[2] = {},
) {
  const tenant = await createTenant(db, "home_services", chicago);
  const contact = await createContact(db, tenant.id, {
    name: "Maria Lopez",
    email: "maria@mail.example",
    phone: "+13125550100",
    timeZone: chicago,
    channels: { email: "subscribed", sms: "subscribed" },
    lastActivityAt: lastJob,
    nextCheckAt: lastJob,
    ...fields,
  });
  return { tenant, contact, ...recordingProvider(db) };
}
