// `npm run db:seed`: migrates, then creates the demo tenants (idempotent).
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { envDbTarget } from "@/db/env-target";

const handle = await openDatabase(envDbTarget());
try {
  await migrateDatabase(handle);
  for (const r of await seedDemo(handle.db, new Date())) {
    console.log(
      r.created
        ? `${r.tenant}: created with ${r.contacts} contacts and ${r.activities} activity events`
        : `${r.tenant}: already present, demo users checked`,
    );
  }
} finally {
  await handle.close();
}
