CREATE TYPE "public"."module_state" AS ENUM('inactive', 'deferred', 'active', 'paused');--> statement-breakpoint
CREATE TABLE "tenant_entitlements" (
	"tenant_id" uuid NOT NULL,
	"module_code" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"source" text NOT NULL,
	CONSTRAINT "tenant_entitlements_tenant_id_module_code_pk" PRIMARY KEY("tenant_id","module_code")
);
--> statement-breakpoint
CREATE TABLE "tenant_modules" (
	"tenant_id" uuid NOT NULL,
	"module_code" text NOT NULL,
	"state" "module_state" NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"niche" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_modules_tenant_id_module_code_pk" PRIMARY KEY("tenant_id","module_code")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "role" "role" DEFAULT 'analyst' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{"contacts","activity","exercises","push_subscriptions"}' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenant_entitlements" ADD CONSTRAINT "tenant_entitlements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_modules" ADD CONSTRAINT "tenant_modules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Workspaces made before activation existed were running the engine: they keep running, entitled.
INSERT INTO "tenant_entitlements" ("tenant_id", "module_code", "source") SELECT "id", 'dormant_customer_reactivation', 'existing workspace at upgrade' FROM "tenants";--> statement-breakpoint
INSERT INTO "tenant_modules" ("tenant_id", "module_code", "state") SELECT "id", 'dormant_customer_reactivation', 'active' FROM "tenants";--> statement-breakpoint
-- Keys made before roles existed could only call the integration API: `owner` keeps them as they
-- were (their scopes open nothing that a role decides).
UPDATE "api_keys" SET "role" = 'owner';
