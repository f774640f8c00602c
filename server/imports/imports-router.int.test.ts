import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import { openTestDb } from "@/test/db";
import { callerFor, createMember, createTenant } from "@/test/factories";
import type { ImportRow } from "./records";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

async function owner() {
  const tenant = await createTenant(handle.db);
  const user = await createMember(handle.db, tenant.id, ["owner"]);
  return { tenant, user, api: callerFor(handle.db, user.id, tenant.id) };
}

const row = (line: number, values: Record<string, string>): ImportRow => ({ line, values });

const importsOf = (tenantId: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.kind, "import")));

async function expectError(call: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
}

describe("imports router", () => {
  it("imports batches, answers each bad row by line, and records one audit entry at the end", async () => {
    const { tenant, api } = await owner();
    const { receipt } = await api.imports.start({ target: "contacts", fileName: "customers.csv" });
    const first = await api.imports.batch({
      receipt,
      rows: [row(2, { externalId: "a1", name: "Ana" }), row(3, { externalId: "a2", email: "x" })],
    });
    expect(first).toMatchObject({
      rows: 2,
      created: 1,
      updated: 0,
      rejected: 1,
      errors: [{ line: 3, field: "email", reason: "must be a valid email address" }],
    });
    const second = await api.imports.batch({
      receipt: first.receipt,
      rows: [
        row(5, { externalId: "a3" }),
        {
          line: 6,
          values: {},
          problem: { field: "externalId", reason: "repeats the external id of line 2" },
        },
      ],
    });
    expect(second).toMatchObject({ created: 1, rejected: 1 });
    const finished = await api.imports.finish({ receipt: second.receipt, status: "completed" });
    expect(finished).toEqual({ recorded: true, rows: 4, created: 2, updated: 0, rejected: 2 });
    // A retried finish records nothing more.
    expect(
      await api.imports.finish({ receipt: second.receipt, status: "completed" }),
    ).toMatchObject({ recorded: false });
    const entries = await importsOf(tenant.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorLabel: "A member (owner)",
      summary: "Imported contacts from customers.csv: 4 rows, 2 stored, 2 rejected",
      data: {
        fileName: "customers.csv",
        target: "contacts",
        rows: 4,
        imported: 2,
        rejected: 2,
        status: "completed",
      },
    });
    const stored = await handle.db
      .select({ externalId: contacts.externalId })
      .from(contacts)
      .where(eq(contacts.tenantId, tenant.id))
      .orderBy(contacts.externalId);
    expect(stored.map((c) => c.externalId)).toEqual(["a1", "a3"]);
  });

  it("records a canceled import with what was stored before it stopped", async () => {
    const { tenant, api } = await owner();
    const { receipt } = await api.imports.start({ target: "contacts", fileName: "big.csv" });
    const first = await api.imports.batch({ receipt, rows: [row(2, { externalId: "b1" })] });
    await api.imports.finish({ receipt: first.receipt, status: "canceled" });
    const [entry] = await importsOf(tenant.id);
    expect(entry!.summary).toBe(
      "Canceled an import of contacts from big.csv after 1 rows: 1 stored, 0 rejected",
    );
  });

  it("refuses a receipt that was altered, or belongs to another workspace", async () => {
    const mine = await owner();
    const theirs = await owner();
    const { receipt } = await mine.api.imports.start({ target: "contacts", fileName: "a.csv" });
    await expectError(
      theirs.api.imports.batch({ receipt, rows: [row(2, { externalId: "x" })] }),
      "BAD_REQUEST",
      /receipt is not valid/,
    );
    const [payload, signature] = receipt.split(".");
    const tally = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...tally, rejected: -5 })).toString("base64url");
    await expectError(
      mine.api.imports.finish({ receipt: `${forged}.${signature}`, status: "completed" }),
      "BAD_REQUEST",
    );
    expect(await importsOf(mine.tenant.id)).toEqual([]);
    expect(await importsOf(theirs.tenant.id)).toEqual([]);
    const stored = await handle.db
      .select()
      .from(contacts)
      .where(eq(contacts.tenantId, theirs.tenant.id));
    expect(stored).toEqual([]);
  });

  it("counts each line once: a batch must continue after the lines already counted", async () => {
    const { api } = await owner();
    const { receipt } = await api.imports.start({ target: "contacts", fileName: "a.csv" });
    const first = await api.imports.batch({ receipt, rows: [row(2, { externalId: "c1" })] });
    await expectError(
      api.imports.batch({ receipt: first.receipt, rows: [row(2, { externalId: "c1" })] }),
      "BAD_REQUEST",
      /follow line 2/,
    );
    // A retry with the previous receipt (its answer was lost) is counted once.
    const retried = await api.imports.batch({ receipt, rows: [row(2, { externalId: "c1" })] });
    expect(await api.imports.finish({ receipt: retried.receipt, status: "completed" })).toEqual({
      recorded: true,
      rows: 1,
      created: 0,
      updated: 1,
      rejected: 0,
    });
  });

  it("is the owner's: a marketer and an analyst may not import", async () => {
    const tenant = await createTenant(handle.db);
    for (const role of ["marketer", "analyst"] as const) {
      const user = await createMember(handle.db, tenant.id, [role]);
      const api = callerFor(handle.db, user.id, tenant.id);
      await expectError(
        api.imports.start({ target: "contacts", fileName: "a.csv" }),
        "FORBIDDEN",
        /contacts\.write/,
      );
    }
  });

  it("refuses more than 1,000 rows in one batch and an unknown field name", async () => {
    const { api } = await owner();
    const { receipt } = await api.imports.start({ target: "contacts", fileName: "a.csv" });
    const rows = Array.from({ length: 1_001 }, (_, i) => row(i + 2, { externalId: `r${i}` }));
    await expectError(api.imports.batch({ receipt, rows }), "BAD_REQUEST");
    await expectError(
      api.imports.batch({ receipt, rows: [row(2, { externalId: "r", __proto__x: "1" })] }),
      "BAD_REQUEST",
    );
  });
});
