import type { Role, TenantKind } from "@/db/schema/enums";

export type DemoTenant = {
  slug: string;
  name: string;
  kind: TenantKind;
  timeZone: string;
  postalAddress: string;
  senderName: string;
  senderEmail: string;
  contactCount: number;
  /** The share of inactivity cycles left without reminders to measure the lift (SPEC §1.8). */
  holdoutPercent: number;
};

export const demoTenants: DemoTenant[] = [
  {
    slug: "lotus-english",
    name: "Lotus English",
    kind: "self_study",
    timeZone: "Asia/Ho_Chi_Minh",
    postalAddress: "12 Nguyễn Huệ, Bến Nghé, Quận 1, TP. Hồ Chí Minh, Việt Nam",
    senderName: "Lotus English",
    senderEmail: "hello@lotus-english.example",
    contactCount: 2_500,
    holdoutPercent: 0,
  },
  {
    slug: "brightside-home",
    name: "Brightside Home Services",
    kind: "home_services",
    timeZone: "America/Chicago",
    postalAddress: "410 N Michigan Ave, Chicago, IL 60611, USA",
    senderName: "Brightside Home Services",
    senderEmail: "service@brightside-home.example",
    contactCount: 1_500,
    holdoutPercent: 10,
  },
];

/**
 * The demo users of each tenant: one per role, and a second marketer, so that in the demo one
 * marketer submits a variant and the other approves it (self-approval is off by default).
 */
export type DemoUser = { handle: string; role: Role; label: string };
export const demoUsers: DemoUser[] = [
  { handle: "owner", role: "owner", label: "owner" },
  { handle: "marketer", role: "marketer", label: "marketer" },
  { handle: "marketer2", role: "marketer", label: "marketer 2" },
  { handle: "analyst", role: "analyst", label: "analyst" },
];

/** A demo user's address, e.g. `owner@lotus-english.example` or `marketer2@…`. */
export function demoUserEmail(tenant: DemoTenant, handle: string): string {
  return `${handle}@${tenant.slug}.example`;
}

export function demoUserName(tenant: DemoTenant, user: DemoUser): string {
  return `${tenant.name} ${user.label[0]!.toUpperCase()}${user.label.slice(1)}`;
}

/** Every demo user's address, in every demo tenant. */
export const demoUserEmails: string[] = demoTenants.flatMap((t) =>
  demoUsers.map((u) => demoUserEmail(t, u.handle)),
);
