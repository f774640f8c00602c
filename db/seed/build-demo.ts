// The background build's child process (`background.ts`): builds the demo workspaces, their
// contacts and the year of history in an in-memory database of its own, then writes the contact
// tables of the workspaces named on the command line to a folder for the app to copy in.
// Prints its progress as one JSON object per line on stdout.
//   node --import tsx db/seed/build-demo.ts <now> <full|small> <folder> <tenant id>...
import { PGlite } from "@electric-sql/pglite";
import { pgliteHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo, type SeedSize } from "./index";
import { exportContactTables } from "./transfer";

const [now, size, dir, ...tenantIds] = process.argv.slice(2);
const client = await PGlite.create();
await migrateDatabase(pgliteHandle(client));
await seedDemo(pgliteHandle(client).db, new Date(now!), size as SeedSize, {
  onProgress: (done, of, through) =>
    process.stdout.write(`${JSON.stringify({ done, of, through })}\n`),
});
await exportContactTables(client, tenantIds, dir!);
await client.close();
