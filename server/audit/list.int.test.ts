import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/test/db";
import { createTenant } from "@/test/factories";
import { listAudit } from "./list";
import { recordAudit } from "./record";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

describe("the audit log's pages", () => {
  it("pages newest first with before and beforeId, losing no entry that shares an instant", async () => {
    const tenant = await createTenant(handle.db);
    const other = await createTenant(handle.db);
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 10, minute));
    // Five entries, three of them at the same instant.
    for (const [i, minute] of [1, 2, 2, 2, 3].entries())
      await recordAudit(handle.db, {
        tenantId: tenant.id,
        actor: { userId: null, label: "ana@example.com (owner)" },
        kind: "contact",
        summary: `entry ${i}`,
        data: {},
        at: at(minute),
      });
    await recordAudit(handle.db, {
      tenantId: other.id,
      actor: { userId: null, label: "someone@else.example (owner)" },
      kind: "contact",
      summary: "another workspace",
      data: {},
      at: at(2),
    });

    const seen: string[] = [];
    let cursor: { before?: Date; beforeId?: string } = {};
    for (let page = 0; page < 5; page++) {
      const rows = await listAudit(handle.db, tenant.id, { ...cursor, limit: 2 });
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => r.summary));
      const last = rows.at(-1)!;
      cursor = { before: last.at, beforeId: last.id };
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen[0]).toBe("entry 4");
    expect(seen.at(-1)).toBe("entry 0");

    // `before` alone still means "strictly earlier than this instant".
    const earlier = await listAudit(handle.db, tenant.id, { before: at(2), limit: 10 });
    expect(earlier.map((r) => r.summary)).toEqual(["entry 0"]);
  });
});
