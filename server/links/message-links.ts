import { env } from "@/server/env";
import { linkTokens, type LinkClaims, type LinkTokens } from "./tokens";

/** Builds the signed URLs of messages: tracked links, preference center, one-click unsubscribe. */
export function messageLinks(tokens: LinkTokens, baseUrl: string) {
  const url = async (path: string, claims: LinkClaims, now: Date) =>
    `${baseUrl}/${path}/${await tokens.sign(claims, now)}`;
  return {
    tokens,
    tracked: (tenantId: string, deliveryId: string, link: number, now: Date) =>
      url("r", { k: "r", t: tenantId, d: deliveryId, l: link }, now),
    preferences: (tenantId: string, contactId: string, now: Date) =>
      url("p", { k: "p", t: tenantId, c: contactId }, now),
    unsubscribe: (tenantId: string, contactId: string, now: Date) =>
      url("u", { k: "u", t: tenantId, c: contactId }, now),
  };
}

export type MessageLinks = ReturnType<typeof messageLinks>;

let configured: MessageLinks | null = null;

/** The app's links, signed with its secret, under its public URL. */
export function appLinks(): MessageLinks {
  configured ??= messageLinks(linkTokens(env.NEXTAUTH_SECRET), env.NEXTAUTH_URL.replace(/\/$/, ""));
  return configured;
}
