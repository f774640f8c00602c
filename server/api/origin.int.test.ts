import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { foreignOrigin } from "@/server/http/origin";
import { openTestDb } from "@/test/db";
import { createMember, createTenant } from "@/test/factories";
import { appRouter } from "./root";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const appUrl = "http://rekindle.test";

/** An owner's signed-in browser calling a procedure over HTTP, as the route does. */
async function asOwner() {
  const tenant = await createTenant(handle.db);
  const owner = await createMember(handle.db, tenant.id, ["owner"]);
  const session = { userId: owner.id, tenantId: tenant.id, expires: "2099-01-01T00:00:00.000Z" };
  const call = (req: Request) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => ({ db: handle.db, session, foreignOrigin: foreignOrigin(req, appUrl) }),
    });
  const createKey = (headers: Record<string, string>) =>
    call(
      new Request(`${appUrl}/api/trpc/apiKeys.create`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ json: { name: "ops" } }),
      }),
    );
  const listKeys = (headers: Record<string, string>) =>
    call(new Request(`${appUrl}/api/trpc/apiKeys.list`, { headers }));
  const keys = () => handle.db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenant.id));
  return { createKey, listKeys, keys };
}

describe("tRPC mutations from another site's page", () => {
  it("are refused with 403 and change nothing", async () => {
    const owner = await asOwner();
    const response = await owner.createKey({ origin: "https://evil.example" });
    expect(response.status).toBe(403);
    const { error } = await response.json();
    expect(error.json.data.code).toBe("FORBIDDEN");
    expect(error.json.message).toContain("https://evil.example");
    expect(await owner.keys()).toEqual([]);
  });

  it("are accepted from the app's own pages and from clients that send no Origin", async () => {
    const owner = await asOwner();
    expect((await owner.createKey({ origin: appUrl })).status).toBe(200);
    expect((await owner.createKey({})).status).toBe(200);
    expect(await owner.keys()).toHaveLength(2);
  });

  it("leave queries alone: the browser keeps their answers from the other site", async () => {
    const owner = await asOwner();
    expect((await owner.listKeys({ origin: "https://evil.example" })).status).toBe(200);
  });
});
