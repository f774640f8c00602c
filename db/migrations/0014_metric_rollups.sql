CREATE TABLE "metric_rollup_state" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_rollups" (
	"tenant_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "metric_rollups_tenant_id_period_period_start_dimension_key_metric_pk" PRIMARY KEY("tenant_id","period","period_start","dimension","key","metric")
);
--> statement-breakpoint
ALTER TABLE "metric_rollup_state" ADD CONSTRAINT "metric_rollup_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_rollups_read_idx" ON "metric_rollups" USING btree ("tenant_id","period","dimension","period_start");