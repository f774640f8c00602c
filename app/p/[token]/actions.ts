"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { channel } from "@/db/schema/enums";
import { getDb } from "@/db/runtime";
import { appLinks } from "@/server/links/message-links";
import { setChannelState } from "@/server/preferences/channel-state";

const changeInput = z.object({
  token: z.string().min(1),
  channel: z.enum(channel.enumValues),
  state: z.enum(["subscribed", "unsubscribed"]),
});

/** The preference center's switch: the token is checked again, the change scoped to its contact. */
export async function changeChannel(formData: FormData): Promise<void> {
  const input = changeInput.safeParse(Object.fromEntries(formData));
  if (!input.success) return;
  const now = new Date();
  const verified = await appLinks().tokens.verify(input.data.token, now);
  if (!verified.ok || verified.claims.k !== "p") return;
  await setChannelState(await getDb(), {
    tenantId: verified.claims.t,
    contactId: verified.claims.c,
    channel: input.data.channel,
    state: input.data.state,
    source: "the preference center",
    now,
  });
  revalidatePath(`/p/${input.data.token}`);
}
