import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contacts } from "@/db/schema";
import type { TenantKind } from "@/db/schema/enums";
import { runBatch } from "@/server/http/batch-request";
import { contactsBatch } from "@/server/http/endpoints";
import { openTestDb } from "@/test/db";
import { createKey, createTenant } from "@/test/factories";
import { previewMessage } from "./preview";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const now = new Date("2026-11-23T12:00:00Z");

/** What `Hi {{first_name}}!` says to a contact sent through the contacts API. */
async function greeting(kind: TenantKind, row: Record<string, unknown>): Promise<string> {
  const tenant = await createTenant(handle.db, kind);
  const request = new Request("http://rekindle.test/api/v1/contacts", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${await createKey(handle.db, tenant.id)}`,
    },
    body: JSON.stringify({ contacts: [{ externalId: "c1", ...row }] }),
  });
  expect(
    await (await runBatch(handle.db, request, contactsBatch as never, now)).json(),
  ).toMatchObject({ errors: [] });
  const [contact] = await handle.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenant.id), eq(contacts.externalId, "c1")));
  const preview = await previewMessage(handle.db, {
    tenantId: tenant.id,
    contactId: contact!.id,
    stage: "week",
    channel: "zalo",
    content: { channel: "zalo", text: "Hi {{first_name}}! {{cta_link}} {{preferences_link}}" },
    ctaKind: "start_now",
    templateId: null,
    now,
    baseUrl: "https://rekindle.test",
  });
  const message = preview!.composed.ok ? preview!.composed.content.message : null;
  return message?.channel === "zalo" ? message.text.split("!")[0]! : "";
}

describe("{{first_name}}: the name the tenant gave, else its customers' usual name order", () => {
  it("greets a Vietnamese app's learner browsing in en-US by the given name, last", async () => {
    expect(await greeting("self_study", { name: "Phan Diễm Hương", locale: "en-US" })).toBe(
      "Hi Hương",
    );
  });

  it("greets a home-services customer by the first word", async () => {
    expect(await greeting("home_services", { name: "Maria Lopez", locale: "en-US" })).toBe(
      "Hi Maria",
    );
  });

  it("uses the first name as given, in either order", async () => {
    const row = { name: "Phan Diễm Hương", firstName: "Diễm Hương", locale: "en-US" };
    expect(await greeting("self_study", row)).toBe("Hi Diễm Hương");
    expect(await greeting("home_services", row)).toBe("Hi Diễm Hương");
  });
});
