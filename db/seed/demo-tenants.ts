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
  },
];

export const demoRoles: Role[] = ["owner", "marketer", "analyst"];

/** One demo user per role per tenant, e.g. `owner@lotus-english.example`. */
export function demoUserEmail(tenant: DemoTenant, role: Role): string {
  return `${role}@${tenant.slug}.example`;
}

export function demoUserName(tenant: DemoTenant, role: Role): string {
  return `${tenant.name} ${role[0]!.toUpperCase()}${role.slice(1)}`;
}
