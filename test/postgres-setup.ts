// Global setup of the integration:postgres project: migrate the server in DATABASE_URL once.
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export default async function setup() {
  const handle = await openDatabase({ url: process.env.DATABASE_URL! });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}
