import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { setChannelState } from "@/server/preferences/channel-state";
import { parseSmsKeyword } from "./inbound-sms";

/**
 * SPEC §1.5: `STOP`/`UNSUBSCRIBE` by SMS opts out of SMS, `START` opts back in. Carriers apply a
 * STOP to the sending number, so it reaches every contact with that phone number who is texted
 * from it. Returns the keyword and how many contacts changed.
 */
export async function applyInboundSms(db: Db, from: string, body: string, now: Date) {
  const keyword = parseSmsKeyword(body);
  if (!keyword) return { keyword, changed: 0 };
  const matches = await db
    .select({ id: contacts.id, tenantId: contacts.tenantId })
    .from(contacts)
    .where(eq(contacts.phone, from));
  for (const c of matches)
    await setChannelState(db, {
      tenantId: c.tenantId,
      contactId: c.id,
      channel: "sms",
      state: keyword === "stop" ? "unsubscribed" : "subscribed",
      source: `an SMS reply "${body.trim().toUpperCase()}"`,
      now,
    });
  return { keyword, changed: matches.length };
}
