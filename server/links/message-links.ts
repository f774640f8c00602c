import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { links, type LinkKind } from "@/db/schema";
import { env } from "@/server/env";
import { newLinkId } from "./link-id";

export type LinkRow = typeof links.$inferInsert;

const DAY = 86_400_000;
/** Each kind lives as long as a contact may reasonably use it. */
const lifetime: Record<LinkKind, number> = {
  tracked: 90 * DAY,
  preferences: 365 * DAY,
  unsubscribe: 365 * DAY,
};
const path: Record<LinkKind, string> = { tracked: "r", preferences: "p", unsubscribe: "u" };

type NewLink = {
  tenantId: string;
  contactId: string;
  deliveryId: string | null;
  kind: LinkKind;
  target: string | null;
};

/**
 * Makes the short links of messages (SPEC §1.10): a random id per link under the app's URL. A link
 * is only a row in memory until `saveLinks` stores a batch of them, so composing a thousand
 * messages costs one insert, and a message that is never sent leaves no link behind.
 */
export function messageLinks(baseUrl: string) {
  return {
    mint(link: NewLink, now: Date): { row: LinkRow; url: string } {
      const id = newLinkId();
      const expiresAt = new Date(now.getTime() + lifetime[link.kind]);
      return {
        row: { id, ...link, createdAt: now, expiresAt },
        url: `${baseUrl}/${path[link.kind]}/${id}`,
      };
    },
  };
}

export type MessageLinks = ReturnType<typeof messageLinks>;

/** Stores minted links; an id is never reused, so nothing conflicts. */
export async function saveLinks(db: Db, rows: LinkRow[]): Promise<void> {
  await insertInChunks(db, links, rows);
}

let configured: MessageLinks | null = null;

/** The app's links, under its public URL. */
export function appLinks(): MessageLinks {
  configured ??= messageLinks(env.NEXTAUTH_URL.replace(/\/$/, ""));
  return configured;
}
