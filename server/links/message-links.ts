import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { links, type LinkKind, type StoredLink } from "@/db/schema";
import { env } from "@/server/env";
import { newLinkTag, newMessageKey } from "./link-id";

export type LinkRow = typeof links.$inferInsert;

const DAY = 86_400_000;
/** Each kind lives as long as a contact may reasonably use it. */
const lifetime: Record<LinkKind, number> = {
  tracked: 90 * DAY,
  preferences: 365 * DAY,
  unsubscribe: 365 * DAY,
};
const path: Record<LinkKind, string> = { tracked: "r", preferences: "p", unsubscribe: "u" };

/** Whose message the links are in. */
type Owner = { tenantId: string; contactId: string; deliveryId: string | null };

/**
 * Makes the short links of messages (SPEC §1.10). A message's links share its random key and
 * each has its own tag (`server/links/link-id.ts`). They are only memory until the message's row
 * is stored with `saveLinks`, so composing a thousand messages costs one insert, and a message
 * that is never sent leaves no link behind.
 */
export function messageLinks(baseUrl: string) {
  return {
    forMessage(owner: Owner, now: Date) {
      const key = newMessageKey();
      const made: { entry: StoredLink; url: string }[] = [];
      return {
        /** A new link of the message, as its URL. */
        link: (kind: LinkKind, target: string | null): string => {
          let tag = newLinkTag();
          while (made.some((m) => m.entry.tag === tag)) tag = newLinkTag();
          const expiresAt = new Date(now.getTime() + lifetime[kind]).toISOString();
          const url = `${baseUrl}/${path[kind]}/${key}${tag}`;
          made.push({ entry: { tag, kind, target, expiresAt }, url });
          return url;
        },
        /** The row to store: only the links `carried` keeps (the message shows them), if any. */
        row: (carried: (url: string) => boolean = () => true): LinkRow | null => {
          const entries = made.filter((m) => carried(m.url)).map((m) => m.entry);
          return entries.length ? { id: key, ...owner, createdAt: now, entries } : null;
        },
      };
    },
  };
}

export type MessageLinks = ReturnType<typeof messageLinks>;

/** Stores messages' links; a key is never reused, so nothing conflicts. */
export async function saveLinks(db: Db, rows: LinkRow[]): Promise<void> {
  await insertInChunks(db, links, rows);
}

let configured: MessageLinks | null = null;

/** The app's links, under its public URL. */
export function appLinks(): MessageLinks {
  configured ??= messageLinks(env.NEXTAUTH_URL.replace(/\/$/, ""));
  return configured;
}
