// `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or the embedded database.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { envDbTarget } from "@/db/env-target";

const handle = await openDatabase(envDbTarget());
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
