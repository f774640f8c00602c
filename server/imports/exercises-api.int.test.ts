import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { exercises } from "@/db/schema";
import { runBatch } from "@/server/http/batch-request";
import { apiRequest } from "@/test/api-request";
import { openTestDb } from "@/test/db";
import { createKey, createTenant } from "@/test/factories";
import { exercisesBatch } from "./exercises-endpoint";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const now = new Date("2026-11-23T12:00:00Z");

const post = (key: string | null, body: unknown) =>
  runBatch(handle.db, apiRequest("/api/v1/exercises", key, body), exercisesBatch, now);

async function tenantWithKey() {
  const tenant = await createTenant(handle.db, "self_study", "Asia/Ho_Chi_Minh");
  return { tenant, key: await createKey(handle.db, tenant.id) };
}

const catalogOf = (tenantId: string) =>
  handle.db
    .select()
    .from(exercises)
    .where(eq(exercises.tenantId, tenantId))
    .orderBy(exercises.externalId);

const exercise = (externalId: string, fields: Record<string, unknown> = {}) => ({
  externalId,
  title: `Exercise ${externalId}`,
  program: "ielts",
  skill: "listening",
  publishedAt: "2026-11-01T00:00:00+07:00",
  ...fields,
});

describe("POST /api/v1/exercises", () => {
  it("answers 401 without a key or with an unknown one, and stores nothing", async () => {
    const { tenant } = await tenantWithKey();
    for (const key of [null, "rk_not-a-real-key"]) {
      const response = await post(key, { exercises: [exercise("e1")] });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    expect(await catalogOf(tenant.id)).toEqual([]);
  });

  it("stores the valid rows and reports each bad one with index, field and reason", async () => {
    const { tenant, key } = await tenantWithKey();
    const response = await post(key, {
      exercises: [
        exercise("e1", { url: "https://app.example/e/1" }),
        exercise("e2", { publishedAt: "2027-01-01T00:00:00Z", url: "ftp://x.example/e" }),
        { externalId: "e3", title: "No program" },
        exercise("e4", { popularity: 5 }),
        exercise("e1", { title: "again" }),
        exercise("e5"),
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      created: 2,
      updated: 0,
      errors: [
        { index: 1, field: "publishedAt", reason: "is in the future" },
        { index: 1, field: "url", reason: "must be an http(s) URL" },
        { index: 2, field: "program", reason: expect.any(String) },
        { index: 2, field: "skill", reason: expect.any(String) },
        { index: 2, field: "publishedAt", reason: expect.any(String) },
        { index: 3, field: "popularity", reason: "is not a known field" },
        { index: 4, field: "externalId", reason: "repeats row 0 of this batch" },
      ],
    });
    const stored = await catalogOf(tenant.id);
    expect(stored.map((e) => [e.externalId, e.title, e.url])).toEqual([
      ["e1", "Exercise e1", "https://app.example/e/1"],
      ["e5", "Exercise e5", null],
    ]);
    expect(stored[0]!.publishedAt).toEqual(new Date("2026-10-31T17:00:00Z"));
  });

  it("is idempotent by external id: the same call again updates, a changed row changes", async () => {
    const { tenant, key } = await tenantWithKey();
    const body = {
      exercises: [exercise("e1", { url: "https://app.example/e/1" }), exercise("e2")],
    };
    expect(await (await post(key, body)).json()).toEqual({ created: 2, updated: 0, errors: [] });
    expect(await (await post(key, body)).json()).toEqual({ created: 0, updated: 2, errors: [] });
    await post(key, {
      exercises: [exercise("e1", { title: "Renamed" }), exercise("e2", { url: null })],
    });
    const stored = await catalogOf(tenant.id);
    expect(stored).toHaveLength(2);
    expect(stored.map((e) => [e.externalId, e.title, e.url])).toEqual([
      // Left out: the url stays; null: cleared.
      ["e1", "Renamed", "https://app.example/e/1"],
      ["e2", "Exercise e2", null],
    ]);
  });

  it("writes the key's workspace only: the same external id elsewhere is another exercise", async () => {
    const a = await tenantWithKey();
    const b = await tenantWithKey();
    await post(a.key, { exercises: [exercise("shared", { title: "A's" })] });
    expect(await (await post(b.key, { exercises: [exercise("shared")] })).json()).toMatchObject({
      created: 1,
    });
    expect((await catalogOf(a.tenant.id)).map((e) => e.title)).toEqual(["A's"]);
    expect((await catalogOf(b.tenant.id)).map((e) => e.title)).toEqual(["Exercise shared"]);
  });

  it("refuses more than 1,000 rows and a body that is not the envelope", async () => {
    const { key } = await tenantWithKey();
    const many = Array.from({ length: 1_001 }, (_, i) => exercise(`e${i}`));
    expect((await post(key, { exercises: many })).status).toBe(413);
    expect((await post(key, { contacts: [exercise("e1")] })).status).toBe(400);
  });
});
