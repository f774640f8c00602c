import type { Role } from "@/db/schema/enums";

/** What each role may do: procedures and pages name a permission, never a role. */
export const permissions = {
  "contacts.read": ["owner", "marketer", "analyst"],
  /** The analyst dashboard: reactivations, revenue, lift (SPEC §3). */
  "dashboard.read": ["owner", "marketer", "analyst"],
  "settings.read": ["owner", "marketer"],
  "settings.write": ["owner"],
  "apiKeys.manage": ["owner"],
  /** Activate, pause, resume or deactivate the module (SPEC §1.9). */
  "module.manage": ["owner"],
  "audit.read": ["owner"],
  "team.manage": ["owner"],
  /** Imports and the owner's actions on a contact (do-not-contact, a channel off). */
  "contacts.write": ["owner"],
  "outbox.read": ["owner", "marketer"],
  "templates.read": ["owner", "marketer"],
  "templates.write": ["marketer"],
  "templates.review": ["marketer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = permissions[permission];
  return roles.some((r) => allowed.includes(r));
}
