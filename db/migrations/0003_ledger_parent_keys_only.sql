ALTER TABLE "attempts" DROP CONSTRAINT "attempts_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "cycles" DROP CONSTRAINT "cycles_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "engine_events" DROP CONSTRAINT "engine_events_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "reminders" DROP CONSTRAINT "reminders_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "reminders" DROP CONSTRAINT "reminders_contact_id_contacts_id_fk";
