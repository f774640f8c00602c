"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { channel } from "@/db/schema/enums";
import { getDb } from "@/db/runtime";
import { linkIdSchema } from "@/server/links/link-id";
import { resolveLink } from "@/server/links/resolve-link";
import { setChannelState } from "@/server/preferences/channel-state";

const changeInput = z.object({
  link: linkIdSchema,
  channel: z.enum(channel.enumValues),
  state: z.enum(["subscribed", "unsubscribed"]),
});

/** The preference center's switch: the link is checked again, the change scoped to its contact. */
export async function changeChannel(formData: FormData): Promise<void> {
  const input = changeInput.safeParse(Object.fromEntries(formData));
  if (!input.success) return;
  const now = new Date();
  const db = await getDb();
  const resolved = await resolveLink(db, input.data.link, "preferences", now);
  if (!resolved.ok) return;
  await setChannelState(db, {
    tenantId: resolved.link.tenantId,
    contactId: resolved.link.contactId,
    channel: input.data.channel,
    state: input.data.state,
    source: "the preference center",
    now,
  });
  revalidatePath(`/p/${input.data.link}`);
}
