import { pgEnum } from "drizzle-orm/pg-core";
import { channelNames } from "./channel-names";

export const tenantKind = pgEnum("tenant_kind", ["self_study", "home_services"]);
export const role = pgEnum("role", ["owner", "marketer", "analyst"]);
export const channel = pgEnum("channel", channelNames);
export const activityKind = pgEnum("activity_kind", [
  "exercise_completed",
  "job_booked",
  "job_completed",
  "purchase",
  "visit",
]);

export type TenantKind = (typeof tenantKind.enumValues)[number];
export type Role = (typeof role.enumValues)[number];
export type Channel = (typeof channel.enumValues)[number];
export type ActivityKind = (typeof activityKind.enumValues)[number];
