import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts, exercises } from "@/db/schema";
import { openTestDb } from "@/test/db";
import { eventsOf } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { autoMap, type ImportTarget } from "./fields";
import { importBatch, type LineError } from "./import-batch";
import { scanCsv, streamRows } from "./read-csv";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const now = new Date("2026-11-23T12:00:00Z");

/** The page's whole path: scan the header, map it, stream the rows, import each batch. */
async function importCsv(
  tenantId: string,
  csv: string,
  options: { target?: ImportTarget; batchSize?: number } = {},
) {
  const { target = "contacts", batchSize } = options;
  const file = new Blob([csv]);
  const { header } = await scanCsv(file);
  const totals = { rows: 0, created: 0, updated: 0, rejected: 0, errors: [] as LineError[] };
  await streamRows(
    file,
    autoMap(target, header),
    async (rows) => {
      const outcome = await importBatch(handle.db, tenantId, target, rows, now);
      totals.rows += outcome.rows;
      totals.created += outcome.created;
      totals.updated += outcome.updated;
      totals.rejected += outcome.rejected;
      totals.errors.push(...outcome.errors);
    },
    { batchSize },
  );
  return totals;
}

const contactsOf = (tenantId: string) =>
  handle.db
    .select()
    .from(contacts)
    .where(eq(contacts.tenantId, tenantId))
    .orderBy(contacts.externalId);

describe("importing contacts from a CSV", () => {
  it("stores every valid row and reports each bad one by its line, in words", async () => {
    const tenant = await createTenant(handle.db);
    const csv = [
      "External ID,Full name,E-mail,Phone,Time zone,Tags,Last activity,Channels",
      "c1,Maya Ortiz,maya@mail.example,+1 (312) 555-0199,America/Chicago,vip;gold,2026-10-01T10:00:00-05:00,email:subscribed;sms",
      "c2,Bad Email,not-an-email,,Mars/Base,,,",
      "",
      'c3,"Lan, Nguyen",,,,,,',
      ",No Id,,,,,,",
      "c4,Too,Many,Cells,,,,,,",
      'c5,"Two\nlines",,,,,2030-01-01T00:00:00Z,fax',
      "c6,Last One,,,,,,",
    ].join("\n");
    const result = await importCsv(tenant.id, csv, { batchSize: 3 });
    // Line 8's quoted name spans two lines: the next row starts on line 10.
    expect(result).toMatchObject({ rows: 7, created: 3, updated: 0, rejected: 4 });
    expect(result.errors).toEqual([
      { line: 3, field: "email", reason: "must be a valid email address" },
      {
        line: 3,
        field: "timeZone",
        reason: "must be an IANA time zone such as Asia/Ho_Chi_Minh",
      },
      { line: 6, field: "externalId", reason: "is required; the cell is empty" },
      {
        line: 7,
        field: "(row)",
        reason:
          "has 10 cells where the header has 8 columns (a value holding the separator or a line break must be in double quotes)",
      },
      // A name is one line: the schema refuses the quoted line break.
      {
        line: 8,
        field: "name",
        reason: "must not contain control characters such as NUL, tabs or line breaks",
      },
      { line: 8, field: "lastActivityAt", reason: "is in the future" },
      { line: 8, field: "channels.fax", reason: "is not a known field" },
    ]);
    const stored = await contactsOf(tenant.id);
    expect(stored.map((c) => c.externalId)).toEqual(["c1", "c3", "c6"]);
    expect(stored[0]).toMatchObject({
      name: "Maya Ortiz",
      email: "maya@mail.example",
      phone: "+13125550199",
      timeZone: "America/Chicago",
      tags: ["vip", "gold"],
      channels: { email: "subscribed", sms: "subscribed" },
      lastActivityAt: new Date("2026-10-01T15:00:00Z"),
      nextCheckAt: now,
    });
    expect(stored[1]!.name).toBe("Lan, Nguyen");
  });

  it("counts lines through quoted line breaks, CRLF and blank lines", async () => {
    const tenant = await createTenant(handle.db);
    const csv = 'externalId,name\r\n"a1","one\r\ntwo\r\nthree"\r\n\r\na2,bad\tname\r\na3,ok\r\n';
    const result = await importCsv(tenant.id, csv);
    const control = "must not contain control characters such as NUL, tabs or line breaks";
    expect(result.errors).toEqual([
      { line: 2, field: "name", reason: control },
      {
        line: 6,
        field: "name",
        reason: "must not contain control characters such as NUL, tabs or line breaks",
      },
    ]);
    expect(result).toMatchObject({ rows: 3, created: 1, rejected: 2 });
  });

  it("reports a repeated external id with the line it repeats, across batches", async () => {
    const tenant = await createTenant(handle.db);
    const rows = ["externalId,name", "d1,First", "d2,Second", "d3,Third", "d1,Again", "d2,Again"];
    const result = await importCsv(tenant.id, rows.join("\n"), { batchSize: 2 });
    expect(result.errors).toEqual([
      { line: 5, field: "externalId", reason: "repeats the external id of line 2" },
      { line: 6, field: "externalId", reason: "repeats the external id of line 3" },
    ]);
    expect((await contactsOf(tenant.id)).map((c) => c.name)).toEqual(["First", "Second", "Third"]);
  });

  it("is idempotent: the same file again updates the same contacts and creates none", async () => {
    const tenant = await createTenant(handle.db);
    const csv = "externalId,name,email\ne1,Ana,ana@mail.example\ne2,Ben,\ne3,,bad";
    const first = await importCsv(tenant.id, csv);
    const second = await importCsv(tenant.id, csv);
    expect(first).toMatchObject({ created: 2, updated: 0, rejected: 1 });
    expect(second).toMatchObject({ created: 0, updated: 2, rejected: 1 });
    expect(second.errors).toEqual(first.errors);
    const stored = await contactsOf(tenant.id);
    expect(stored.map((c) => [c.externalId, c.name, c.email])).toEqual([
      ["e1", "Ana", "ana@mail.example"],
      ["e2", "Ben", null],
    ]);
  });

  it("an empty cell keeps the stored value, as a field left out of an API row does", async () => {
    const tenant = await createTenant(handle.db);
    await createContact(handle.db, tenant.id, {
      externalId: "k1",
      name: "Kept",
      email: "kept@mail.example",
    });
    await importCsv(tenant.id, "externalId,name,email\nk1,,new@mail.example");
    const [stored] = await contactsOf(tenant.id);
    expect(stored).toMatchObject({ name: "Kept", email: "new@mail.example" });
  });

  it("stores in the importing tenant only: the same external id elsewhere is untouched", async () => {
    const mine = await createTenant(handle.db);
    const theirs = await createTenant(handle.db);
    const other = await createContact(handle.db, theirs.id, {
      externalId: "shared",
      name: "Theirs",
    });
    const result = await importCsv(mine.id, "externalId,name\nshared,Mine");
    expect(result).toMatchObject({ created: 1, updated: 0 });
    expect((await contactsOf(mine.id)).map((c) => c.name)).toEqual(["Mine"]);
    const [after] = await contactsOf(theirs.id);
    expect(after).toMatchObject({ id: other.id, name: "Theirs" });
  });

  it("goes through the API's upsert: a new address makes an unreachable channel reachable", async () => {
    const tenant = await createTenant(handle.db);
    const contact = await createContact(handle.db, tenant.id, {
      externalId: "u1",
      email: "old@mail.example",
      channels: { email: "unreachable" },
      nextCheckAt: null,
    });
    await importCsv(tenant.id, "externalId,email\nu1,new@mail.example");
    const [stored] = await contactsOf(tenant.id);
    expect(stored).toMatchObject({ channels: { email: "subscribed" }, nextCheckAt: now });
    const changed = (await eventsOf(handle.db, contact.id)).filter(
      (e) => e.type === "channel_changed",
    );
    expect(changed).toHaveLength(1);
    // The timeline says where the address came from.
    expect(changed[0]!.reason).toContain("a CSV import: new email address");
  });

  it("reports a zone the database does not know on its line and stores the rest", async () => {
    const tenant = await createTenant(handle.db);
    // Node knows it; Postgres's tz database does not (the API's per-row check).
    const result = await importCsv(
      tenant.id,
      "externalId,timeZone\nz1,Asia/Ho_Chi_Minh\nz2,US/Pacific-New\nz3,UTC",
    );
    const unknown = result.errors.filter((e) => e.field === "timeZone");
    // Whether Node still knows the retired zone depends on its ICU: then the schema refuses it.
    expect(unknown.map((e) => e.line)).toEqual([3]);
    expect((await contactsOf(tenant.id)).map((c) => c.externalId)).toEqual(["z1", "z3"]);
  });
});

describe("importing the exercise catalog from a CSV", () => {
  const exercisesOf = (tenantId: string) =>
    handle.db
      .select()
      .from(exercises)
      .where(eq(exercises.tenantId, tenantId))
      .orderBy(exercises.externalId);

  it("upserts by external id, reports bad rows by line, and keeps popularity", async () => {
    const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
    const csv = [
      "id,title,program,skill,published,link",
      "ex-1,Travel talk,ielts,speaking,2026-01-05T00:00:00+07:00,https://app.example/ex/1",
      "ex-2,No date,ielts,reading,,",
      "ex-3,Bad link,toeic,listening,2026-02-01T00:00:00Z,javascript:alert(1)",
      "ex-4,Plain,toeic,grammar,2026-02-01T00:00:00Z,",
    ].join("\n");
    const first = await importCsv(tenant.id, csv, { target: "exercises" });
    expect(first).toMatchObject({ rows: 4, created: 2, updated: 0, rejected: 2 });
    expect(first.errors).toEqual([
      { line: 3, field: "publishedAt", reason: "is required; the cell is empty" },
      { line: 4, field: "url", reason: "must be an http(s) URL" },
    ]);
    await handle.db
      .update(exercises)
      .set({ popularity: 42 })
      .where(eq(exercises.tenantId, tenant.id));
    const again = await importCsv(
      tenant.id,
      "externalId,title,program,skill,publishedAt\nex-1,Travel talk (new),ielts,speaking,2026-01-05T00:00:00Z",
      { target: "exercises" },
    );
    expect(again).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    const stored = await exercisesOf(tenant.id);
    expect(stored.map((e) => [e.externalId, e.title, e.url, e.popularity])).toEqual([
      // A row without a url column keeps the stored url.
      ["ex-1", "Travel talk (new)", "https://app.example/ex/1", 42],
      ["ex-4", "Plain", null, 42],
    ]);
  });
});
