import type { Permission } from "@/server/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission };

/** Every page of the app and the permission it needs; the nav shows only what the role may use. */
export const navItems: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard.read" },
  { href: "/contacts", label: "Contacts", permission: "contacts.read" },
  { href: "/templates", label: "Templates", permission: "templates.read" },
  { href: "/outbox", label: "Outbox", permission: "outbox.read" },
  { href: "/settings", label: "Settings", permission: "settings.read" },
  { href: "/activation", label: "Activation", permission: "module.manage" },
  { href: "/team", label: "Team", permission: "team.manage" },
  { href: "/api-keys", label: "API keys", permission: "apiKeys.manage" },
  { href: "/developers", label: "API docs", permission: "apiKeys.manage" },
  { href: "/audit", label: "Audit log", permission: "audit.read" },
];
