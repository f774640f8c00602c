import { sql } from "drizzle-orm";
import { tenantModules } from "@/db/schema";
import { REACTIVATION_MODULE } from "@/server/modules/catalog";

/**
 * The workspaces whose module is active (SPEC §1.9: only they plan or send), as an array
 * PostgreSQL computes once per statement. Queue reads filter on `tenant_id = any(…)` instead of
 * joining `tenant_modules`: a join let the planner, misled by statistics that lag behind bulk
 * writes, read and sort every due row before taking a batch, instead of walking the queue's index
 * in order and stopping at the batch size.
 */
export const activeWorkspaces = sql`array(select m.tenant_id from ${tenantModules} m
  where m.module_code = ${REACTIVATION_MODULE} and m.state = 'active')`;
