import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { activityEvents, templateRevisions } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import type { ApiKeyScope } from "@/server/api-keys/scopes";
import { createApiKey, revokeApiKey } from "@/server/api-keys/keys";
import { listAudit } from "@/server/audit/list";
import { addLocalDays, addLocalMonths, localDate } from "@/server/engine/time";
import { recordActivity } from "@/server/engine/steps/record-activity";
import { runUntil } from "@/server/engine/virtual-time";
import { dashboardData } from "@/server/metrics/dashboard";
import { refreshRollups } from "@/server/metrics/rollups/refresh";
import { chicago, lastJob } from "@/test/customer";
import { openTestDb } from "@/test/db";
import { recordingProvider } from "@/test/engine";
import { callerFor, createContact, createMember, createTenant } from "@/test/factories";

// The route opens the process's database: here, this file's test database.
const database = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock("@/db/runtime", () => ({ getDb: async () => database.db }));

vi.resetModules();
const route = await import("@/app/api/mcp/route");

const url = "http://rekindle.test/api/mcp";

/** The route's handlers, as Next would call them for the request's method. */
function handle(request: Request): Promise<Response> | Response {
  const method = request.method as "POST" | "GET" | "DELETE";
  return route[method](request);
}

/** An MCP client over Streamable HTTP whose requests go to the route handlers. */
async function connect(key: string) {
  const client = new Client({ name: "rekindle-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
    fetch: (input, init) => Promise.resolve(handle(new Request(input, init))),
  });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A successful call's structured answer. */
async function answer(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await call(client, name, args);
  expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
  // The text block carries the same JSON, for clients that read only text.
  expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual(
    result.structuredContent,
  );
  return result.structuredContent as Answer;
}

// Answers are checked field by field against what the domain functions return.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = Record<string, any>;

/** A refused call's words. */
async function refusal(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await call(client, name, args);
  expect(result.isError).toBe(true);
  return (result.content[0] as { text: string }).text;
}

const sms = (text: string) => ({ channel: "sms" as const, text: `${text} {{cta_link}}` });

let dbHandle: DbHandle;
let db: Db;
const world = {} as Awaited<ReturnType<typeof seed>>;

/**
 * Workspace A (home services, Chicago): three customers whose last job was 2025-07-01, sent the
 * six-month reminder on email and SMS on 2026-01-01; Bob comes back on the 5th with a 325 USD job.
 * Its marketer submitted three SMS variants for review. Workspace B has a contact and keys of
 * its own.
 */
async function seed() {
  const tenant = await createTenant(db, "home_services", chicago);
  const [owner, author] = await Promise.all([
    createMember(db, tenant.id, ["owner"]),
    createMember(db, tenant.id, ["marketer"]),
  ]);
  const customer = (externalId: string, name: string, email: string) =>
    createContact(db, tenant.id, {
      externalId,
      name,
      email,
      phone: "+13125550100",
      timeZone: chicago,
      channels: { email: "subscribed", sms: "subscribed" },
      lastActivityAt: lastJob,
      nextCheckAt: lastJob,
    });
  const maria = await customer("crm-maria", "Maria Lopez", "maria@mail.example");
  const bob = await customer("crm-bob", "Bob Stone", "bob@mail.example");
  await customer("crm-carla", "Carla Diaz", "carla@mail.example");

  const other = await createTenant(db, "home_services", chicago);
  const otherOwner = await createMember(db, other.id, ["owner"]);
  const stranger = await createContact(db, other.id, { externalId: "crm-maria", name: "Maria B" });

  const { provider } = recordingProvider(db);
  await runUntil(db, provider, new Date("2025-12-31T12:00:00Z"), new Date("2026-01-02T00:00:00Z"));
  const returnedAt = new Date("2026-01-05T16:00:00Z");
  await db.insert(activityEvents).values({
    tenantId: tenant.id,
    contactId: bob.id,
    externalId: "job-bob-1",
    kind: "job_completed",
    occurredAt: returnedAt,
    revenueMinor: 32500,
    currency: "USD",
  });
  await recordActivity(db, { contactId: bob.id, activityAt: returnedAt, at: returnedAt });
  await refreshRollups(db, tenant.id, new Date());

  const writes = callerFor(db, author.id, tenant.id);
  const submitted = [];
  for (const text of ["Time for a check-up?", "We miss you", "Book again"]) {
    const { revision } = await writes.templates.create({
      stage: "six_months",
      channel: "sms",
      ctaKind: "book_now",
      content: sms(text),
    });
    await writes.templates.review({ revisionId: revision.id, action: "submit", comment: null });
    submitted.push(revision);
  }

  const key = async (
    tenantId: string,
    createdBy: string,
    role: Role,
    scopes: ApiKeyScope[],
    name = `${role} key`,
  ) => (await createApiKey(db, { tenantId, name, createdBy, role, scopes })).key;
  const readWrite: ApiKeyScope[] = ["mcp:read", "mcp:write"];
  return {
    tenant,
    owner,
    author,
    maria,
    bob,
    stranger,
    submitted,
    keys: {
      owner: await key(tenant.id, owner.id, "owner", readWrite),
      marketer: await key(tenant.id, owner.id, "marketer", readWrite, "Claude reviewer"),
      marketerReadOnly: await key(tenant.id, owner.id, "marketer", ["mcp:read"]),
      analyst: await key(tenant.id, owner.id, "analyst", ["mcp:read"]),
      /** Made by the author of the revisions: approving them is self-approval. */
      author: await key(tenant.id, author.id, "marketer", readWrite),
      other: await key(other.id, otherOwner.id, "marketer", readWrite),
    },
  };
}

beforeAll(async () => {
  dbHandle = await openTestDb();
  db = dbHandle.db;
  database.db = db;
  Object.assign(world, await seed());
});
afterAll(() => dbHandle.close());

const names = async (client: Client) => (await client.listTools()).tools.map((t) => t.name);

describe("MCP at /api/mcp: tools by the key's role", () => {
  it("lists the tools each role may use, with input and output schemas", async () => {
    expect(await names(await connect(world.keys.analyst))).toEqual([
      "reactivation_stats",
      "search_contacts",
      "explain_contact",
    ]);
    expect(await names(await connect(world.keys.marketer))).toEqual([
      "reactivation_stats",
      "search_contacts",
      "explain_contact",
      "preview_cadence",
      "list_pending_approvals",
      "review_variant",
    ]);
    // Reviewing is a marketer's; and a marketer key without mcp:write cannot change anything.
    expect(await names(await connect(world.keys.owner))).not.toContain("review_variant");
    expect(await names(await connect(world.keys.marketerReadOnly))).not.toContain("review_variant");
    const [stats] = (await (await connect(world.keys.analyst)).listTools()).tools;
    expect(stats).toMatchObject({
      title: "Reactivation stats",
      inputSchema: { type: "object", properties: { from: { format: "date" } } },
      outputSchema: { type: "object", properties: { kpis: { type: "object" } } },
      annotations: { readOnlyHint: true },
    });
  });

  it("reactivation_stats answers exactly what the dashboard shows for the same range", async () => {
    const client = await connect(world.keys.analyst);
    const range = { from: "2025-12-01", to: "2026-02-28" };
    const stats = await answer(client, "reactivation_stats", range);
    const dashboard = JSON.parse(
      JSON.stringify(
        await dashboardData(db, world.tenant, { ...range, period: "week" }, new Date()),
      ),
    );
    expect(stats.kpis).toEqual(dashboard.kpis);
    expect(stats.kpis).toMatchObject({
      contactsReached: 3,
      remindersSent: 6,
      reactivations: 1,
      rate: 1 / 3,
      revenue: { USD: 32500 },
      revenuePerReactivation: { USD: 32500 },
    });
    for (const part of ["byStage", "byChannel", "funnel", "holdout", "refreshedAt"])
      expect(stats[part]).toEqual(dashboard[part]);
    expect(stats.series).toHaveLength(dashboard.series.length);
    expect(stats.byStage.map((s: { label: string }) => s.label)).toContain(
      "6 months since last job",
    );

    const bySms = await answer(client, "reactivation_stats", { ...range, channel: "sms" });
    expect(bySms.filter).toEqual({ stage: null, channel: "sms" });
    expect(bySms.kpis.contactsReached).toBe(3);
    // The dashboard's own checks of the range, in words.
    expect(
      await refusal(client, "reactivation_stats", { from: "2026-03-01", to: "2026-02-01" }),
    ).toMatch(/must not be before the start date/);
  });

  it("search_contacts filters with the contacts list, pages and masks addresses", async () => {
    const client = await connect(world.keys.analyst);
    const found = await answer(client, "search_contacts", { search: "maria" });
    expect(found).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(found.rows[0]).toMatchObject({
      id: world.maria.id,
      externalId: "crm-maria",
      name: "Maria Lopez",
      email: "m***@mail.example",
      phone: "+1 ••• ••• 0100",
      channels: { email: "subscribed", sms: "subscribed" },
    });
    const reached = await answer(client, "search_contacts", { reached: "six_months", pageSize: 5 });
    expect(reached.total).toBe(3);
    expect(await refusal(client, "search_contacts", { pageSize: 500 })).toBe(
      "Page size must be at most 50",
    );
  });

  it("explain_contact tells why each reminder went out and what happens next", async () => {
    const client = await connect(world.keys.analyst);
    const byExternalId = await answer(client, "explain_contact", { externalId: "crm-maria" });
    expect(byExternalId.contact).toMatchObject({ id: world.maria.id, name: "Maria Lopez" });
    const sent = byExternalId.deliveries.filter((d: { status: string }) => d.status === "sent");
    expect(sent.map((d: { stage: string; channel: string }) => [d.stage, d.channel])).toEqual([
      ["six_months", "email"],
      ["six_months", "sms"],
    ]);
    expect(byExternalId.events.map((e: { title: string }) => e.title)).toContain("Sent");
    expect(
      byExternalId.events.find((e: { type: string }) => e.type === "stage_reached").reason,
    ).toContain("6 months since last job");
    expect(byExternalId.next[0].what).toMatch(/^9 months since last job reached/);
    // No message's content: that is for roles that may read the Outbox.
    expect(sent[0]).not.toHaveProperty("content");

    const byId = await answer(client, "explain_contact", { contactId: world.maria.id, limit: 2 });
    expect(byId.events).toHaveLength(2);
    expect(byId.eventsOmitted).toBe(byExternalId.events.length - 2);
    expect(await refusal(client, "explain_contact", {})).toBe(
      "Name the contact by its contactId or its externalId.",
    );
  });

  it("preview_cadence plans a contact's next reminders under the settings in force", async () => {
    const client = await connect(world.keys.marketer);
    // A sample customer whose six months are up in 10 days.
    const today = localDate(new Date(), chicago);
    const lastActivityOn = addLocalDays(addLocalMonths(today, -6), 10);
    const preview = await answer(client, "preview_cadence", { lastActivityOn, days: 30 });
    expect(preview.sample).toEqual({ label: "Sample contact", zone: chicago });
    expect(preview.reminders).toHaveLength(1);
    expect(preview.reminders[0]).toMatchObject({
      stage: "six_months",
      stageLabel: "6 months since last job",
      channels: [
        { channel: "email", status: "sent" },
        { channel: "sms", status: "sent" },
      ],
    });
    // Reached at local midnight, sent when quiet hours end.
    expect(Date.parse(preview.reminders[0].dueAt)).toBeGreaterThan(
      Date.parse(preview.reminders[0].reachedAt),
    );
    const maria = await answer(client, "preview_cadence", { contactId: world.maria.id, days: 365 });
    expect(maria.sample.label).toBe("Maria Lopez");
  });

  it("list_pending_approvals shows the variants in review with their content and author", async () => {
    const client = await connect(world.keys.marketer);
    const pending = await answer(client, "list_pending_approvals");
    expect(pending.allowSelfApproval).toBe(false);
    expect(pending.revisions.map((r: { revisionId: string }) => r.revisionId).sort()).toEqual(
      world.submitted.map((r) => r.id).sort(),
    );
    expect(pending.revisions[0]).toMatchObject({
      stage: "six_months",
      stageLabel: "6 months since last job",
      channel: "sms",
      content: { channel: "sms", text: expect.stringContaining("{{cta_link}}") },
      authorEmail: world.author.email,
      authoredByKeyMaker: false,
      replacesApproved: false,
    });
  });
});

describe("reviewing a variant over MCP", () => {
  it("is refused to an analyst key and to a key without mcp:write, naming what is missing", async () => {
    const [first] = world.submitted;
    const analyst = await connect(world.keys.analyst);
    const args = { revisionId: first!.id, action: "approve" };
    expect(await refusal(analyst, "review_variant", args)).toMatch(
      /acts as analyst, and review_variant needs the templates.review permission/,
    );
    expect(await refusal(analyst, "list_pending_approvals")).toMatch(/templates.read/);
    expect(
      await refusal(await connect(world.keys.marketerReadOnly), "review_variant", args),
    ).toMatch(/lacks the mcp:write scope/);
    expect(await statusOf(first!.id)).toBe("in_review");
  });

  it("follows the Templates page's rules: no self-approval, a comment to reject", async () => {
    const [, second] = world.submitted;
    const byAuthor = await connect(world.keys.author);
    expect(
      await refusal(byAuthor, "review_variant", { revisionId: second!.id, action: "approve" }),
    ).toMatch(/You wrote this revision: another marketer must approve it/);
    const marketer = await connect(world.keys.marketer);
    expect(
      await refusal(marketer, "review_variant", { revisionId: second!.id, action: "reject" }),
    ).toBe("Say why it is rejected: a comment is required.");
    expect(await statusOf(second!.id)).toBe("in_review");
    const rejected = await answer(marketer, "review_variant", {
      revisionId: second!.id,
      action: "reject",
      comment: "Too vague",
    });
    expect(rejected).toMatchObject({ status: "rejected", reviewComment: "Too vague" });
  });

  it("approves for the key's maker and writes the audit log, naming the key", async () => {
    const [first] = world.submitted;
    const marketer = await connect(world.keys.marketer);
    const approved = await answer(marketer, "review_variant", {
      revisionId: first!.id,
      action: "approve",
      comment: "Clear",
    });
    expect(approved).toMatchObject({ revisionId: first!.id, status: "approved", number: 1 });
    const [row] = await db
      .select()
      .from(templateRevisions)
      .where(eq(templateRevisions.id, first!.id));
    expect(row).toMatchObject({ status: "approved", reviewerId: world.owner.id });

    const [entry] = await listAudit(db, world.tenant.id, { kind: "template", limit: 1 });
    expect(entry).toMatchObject({
      summary: "Approved: variant A of six_months × sms (revision 1)",
      data: { action: "approve", comment: "Clear" },
    });
    expect(entry!.actor).toMatch(
      new RegExp(`^API key “Claude reviewer” \\(rk_\\S+…\\) via MCP, as marketer, made by `),
    );
    expect(entry!.actor).toContain(world.owner.email);
    // Reviewed once: a second approval is refused by the same rule as on the page.
    expect(
      await refusal(marketer, "review_variant", { revisionId: first!.id, action: "approve" }),
    ).toMatch(/Only a revision in review can be approved; this one is approved/);
    const pending = await answer(marketer, "list_pending_approvals");
    expect(pending.revisions).toHaveLength(1);
  });
});

describe("a key sees its own workspace only", () => {
  it("finds nothing of another workspace, by search, id or external id", async () => {
    const other = await connect(world.keys.other);
    const stats = await answer(other, "reactivation_stats", {
      from: "2025-12-01",
      to: "2026-02-28",
    });
    expect(stats.kpis).toMatchObject({ contactsReached: 0, reactivations: 0, revenue: {} });
    const found = await answer(other, "search_contacts", {});
    expect(found.rows.map((r: { id: string }) => r.id)).toEqual([world.stranger.id]);
    expect(await refusal(other, "explain_contact", { contactId: world.maria.id })).toBe(
      "No such contact in this workspace.",
    );
    // The same external id names this workspace's own contact.
    const own = await answer(other, "explain_contact", { externalId: "crm-maria" });
    expect(own.contact.id).toBe(world.stranger.id);
    expect(await refusal(other, "preview_cadence", { contactId: world.bob.id })).toBe(
      "No such contact in this workspace.",
    );
    expect((await answer(other, "list_pending_approvals")).revisions).toEqual([]);
    const [, , third] = world.submitted;
    expect(
      await refusal(other, "review_variant", { revisionId: third!.id, action: "approve" }),
    ).toBe("No such revision in this workspace.");
    expect(await statusOf(third!.id)).toBe("in_review");
  });
});

describe("keys the server refuses", () => {
  const post = (key: string | null, headers: Record<string, string> = {}) =>
    handle(
      new Request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      }),
    );

  it("answers 401 to no key, an unknown, a revoked and an expired key", async () => {
    const revoked = await createApiKey(db, {
      tenantId: world.tenant.id,
      name: "old",
      createdBy: world.owner.id,
      role: "analyst",
      scopes: ["mcp:read"],
    });
    await revokeApiKey(db, world.tenant.id, revoked.id, new Date());
    const expired = await createApiKey(db, {
      tenantId: world.tenant.id,
      name: "short-lived",
      createdBy: world.owner.id,
      role: "analyst",
      scopes: ["mcp:read"],
      expiresAt: new Date(Date.now() - 60_000),
    });
    for (const [key, words] of [
      [null, /Send a valid API key/],
      ["rk_not-a-real-key", /not known/],
      [revoked.key, /was revoked on/],
      [expired.key, /expired on/],
    ] as const) {
      const response = await post(key);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const body = await response.json();
      expect(body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000 } });
      expect(body.error.message).toMatch(words);
    }
    await expect(connect(revoked.key)).rejects.toSatisfy(
      (e) => e instanceof StreamableHTTPError && e.code === 401,
    );
  });

  it("answers 403 to a key without mcp:read, naming the scope", async () => {
    const integration = await createApiKey(db, {
      tenantId: world.tenant.id,
      name: "CRM sync",
      createdBy: world.owner.id,
    });
    const response = await post(integration.key);
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    const body = await response.json();
    expect(body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000 } });
    expect(body.error.message).toContain("lacks the `mcp:read` scope");
    await expect(connect(integration.key)).rejects.toSatisfy(
      (e) => e instanceof StreamableHTTPError && e.code === 403,
    );
  });

  it("refuses a request from another site's page, even with a valid key", async () => {
    const response = await post(world.keys.analyst, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain("https://evil.example");
    const ok = await post(world.keys.analyst);
    expect(ok.status).toBe(200);
    expect((await ok.json()).result.tools).toHaveLength(3);
  });

  it("has no sessions: GET and DELETE answer 405", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await handle(new Request(url, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });
});

async function statusOf(revisionId: string) {
  const [row] = await db
    .select({ status: templateRevisions.status })
    .from(templateRevisions)
    .where(eq(templateRevisions.id, revisionId));
  return row?.status;
}
