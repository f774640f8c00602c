import { z } from "zod";
import type { Role } from "@/db/schema/enums";
import { line } from "@/server/lib/bounded";

/*
 * The Team page's input, shared by its forms (in the browser) and the tRPC router (on the
 * server): one schema, one set of messages. No server-only import here, so a client component
 * may load it (listed in `pureShared` of lint/client-imports.mjs).
 */

/** The roles an owner hands out, in the order the page offers them. */
export const teamRoles = ["owner", "marketer", "analyst"] as const satisfies readonly Role[];

/** What each role may do (server/auth/permissions.ts), in a few words, for the role picker. */
export const roleHints: Record<Role, string> = {
  owner: "settings, team, API keys, audit log, contacts and the Outbox",
  marketer: "templates and their reviews, the Outbox, contacts; reads settings",
  analyst: "contacts and their timelines, read only",
};

const role = z.enum(teamRoles, { error: "Choose a role: owner, marketer or analyst" });

/**
 * An address as next-auth's email provider keeps it (trimmed, lower case), so the invited user
 * is the one a sign-in link for that address finds. 254 characters is the longest SMTP allows.
 */
const email = line(254)
  .min(1, "Enter the email address to invite")
  .toLowerCase()
  .pipe(z.email("Enter an email address such as ana@example.com"));

/** A member: the id of their user. Opaque text (next-auth's adapter makes it), bounded. */
const memberId = line(100).min(1, "Choose a member");

export const inviteInput = z.object({ email, role });
export const changeRoleInput = z.object({ userId: memberId, role });
export const removeInput = z.object({ userId: memberId });

export type InviteInput = z.infer<typeof inviteInput>;
export type TeamRole = z.infer<typeof role>;
