import { uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

/** The owning tenant of a row; deleting the tenant deletes its rows. */
export const tenantIdColumn = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
