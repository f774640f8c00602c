import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteHandle, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { openScratchDatabase } from "@/db/scratch-database";
import { onPostgresServer } from "@/test/db";
import { resolveLink } from "./resolve-link";

/** The migration that turned one row per link into one row per message. */
const ONE_ROW_PER_MESSAGE = "0019_links_one_row_per_message";

/** The committed migrations up to, not including, `tag`: a database as it was before it. */
async function migrationsBefore(tag: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "rekindle-migrations-"));
  await cp(path.join(process.cwd(), "db", "migrations"), folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8")) as {
    entries: { idx: number; tag: string }[];
  };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  expect(last).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

let handle: DbHandle;
let before: string;
beforeAll(async () => {
  handle = onPostgresServer
    ? await openScratchDatabase(process.env.DATABASE_URL!, "rekindle_test")
    : pgliteHandle(await PGlite.create());
  before = await migrationsBefore(ONE_ROW_PER_MESSAGE);
});
afterAll(async () => {
  await handle.close();
  await rm(before, { recursive: true, force: true });
});

const tenant = "00000000-0000-4000-8000-000000000001";
const contact = "00000000-0000-4000-8000-000000000002";
const delivery = "00000000-0000-4000-8000-000000000003";
const sent = new Date("2026-01-01T14:00:00Z");

describe("links sent before links were stored one row per message keep working", () => {
  it("each old id resolves to its own kind, target and expiry; others stay invalid", async () => {
    const { db } = handle;
    await migrateDatabase(handle, before);
    // An email's three links and a preference link made outside a message, as stored then.
    await db.execute(sql`insert into links
      (id, tenant_id, contact_id, delivery_id, kind, target, created_at, expires_at) values
      ('OldEmailKeyTrack', ${tenant}, ${contact}, ${delivery}, 'tracked', 'https://a.example/?q="x"', ${sent.toISOString()}, '2026-04-01T14:00:00Z'),
      ('OldEmailKeyPrefs', ${tenant}, ${contact}, ${delivery}, 'preferences', null, ${sent.toISOString()}, '2027-01-01T14:00:00Z'),
      ('OldEmailKeyUnsub', ${tenant}, ${contact}, ${delivery}, 'unsubscribe', null, ${sent.toISOString()}, '2027-01-01T14:00:00Z'),
      ('OldPreferenceOne', ${tenant}, ${contact}, null, 'preferences', null, ${sent.toISOString()}, '2027-01-01T14:00:00Z')`);
    await migrateDatabase(handle);

    const now = new Date("2026-02-01T00:00:00Z");
    const owner = { tenantId: tenant, contactId: contact, createdAt: sent };
    expect(await resolveLink(db, "OldEmailKeyTrack", "tracked", now)).toEqual({
      ok: true,
      link: {
        ...owner,
        id: "OldEmailKeyTrack",
        deliveryId: delivery,
        kind: "tracked",
        target: 'https://a.example/?q="x"',
        expiresAt: new Date("2026-04-01T14:00:00Z"),
      },
    });
    for (const [id, kind] of [
      ["OldEmailKeyPrefs", "preferences"],
      ["OldEmailKeyUnsub", "unsubscribe"],
      ["OldPreferenceOne", "preferences"],
    ] as const) {
      const resolved = await resolveLink(db, id, kind, now);
      expect(resolved).toMatchObject({ ok: true, link: { id, kind, target: null } });
    }
    expect(await resolveLink(db, "OldEmailKeyTrack", "unsubscribe", now)).toEqual({
      ok: false,
      problem: "invalid",
    });
    expect(await resolveLink(db, "OldEmailKeyXXXXX", "tracked", now)).toEqual({
      ok: false,
      problem: "invalid",
    });
    const later = new Date("2026-04-01T14:00:00Z");
    expect(await resolveLink(db, "OldEmailKeyTrack", "tracked", later)).toEqual({
      ok: false,
      problem: "expired",
    });
  });
});
