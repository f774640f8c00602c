import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { contacts, links } from "@/db/schema";
import { GET as openTracked, HEAD as headTracked } from "@/app/r/[id]/route";
import { GET as openUnsubscribe, POST as oneClickUnsubscribe } from "@/app/u/[id]/route";
import { runUntil } from "@/server/engine/virtual-time";
import { openTestDb } from "@/test/db";
import { homeServicesCustomer } from "@/test/customer";
import { deliveriesOf, eventsOf, linksOf, outboxOf, recordingProvider } from "@/test/engine";
import { createContact, createTenant } from "@/test/factories";
import { resolveLink } from "./resolve-link";

const database = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock("@/db/runtime", () => ({ getDb: async () => database.db }));

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
  database.db = handle.db;
});
afterAll(() => handle.close());
afterEach(() => vi.useRealTimers());

const from = new Date("2025-12-31T12:00:00Z");
const sent = new Date("2026-01-01T14:01:00Z");
const later = new Date("2026-01-01T14:02:00Z");

const customer = () => homeServicesCustomer(handle.db);

// Up to whatever ends a link in HTML, text, a header or the JSON of all three.
const LINK = /http:\/\/localhost:3000\/([a-z])\/([^\s"'<>?&\\]+)/g;
/** Every app link in a contact's Outbox messages (HTML, text and headers). */
async function linksSentTo(contactId: string) {
  const outbox = JSON.stringify(await outboxOf(handle.db, contactId));
  return [...new Set([...outbox.matchAll(LINK)].map((m) => m[0]))].map((url) => {
    const [, path, id] = new RegExp(LINK.source).exec(url)!;
    return { url, path: path!, id: id! };
  });
}

async function trackedLinkOf(contactId: string, channel: "email" | "sms") {
  const message = (await outboxOf(handle.db, contactId)).find((m) => m.channel === channel)!;
  return /http:\/\/localhost:3000\/r\/[0-9A-Za-z]+/.exec(message.text)![0];
}

/** A route handler called at `now` (the routes read the clock). */
async function at<T>(now: Date, call: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  try {
    return await call();
  } finally {
    vi.useRealTimers();
  }
}
const params = (url: string) => ({ params: Promise.resolve({ id: url.split("/").at(-1)! }) });
const chrome =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const request = (url: string, method = "GET", agent = chrome) =>
  new Request(url, { method, headers: { "user-agent": agent } });

const smsOf = async (contactId: string) =>
  (await deliveriesOf(handle.db, contactId)).find((d) => d.channel === "sms")!;
const typesOf = async (contactId: string) =>
  (await eventsOf(handle.db, contactId)).map((e) => e.type);

describe("short links in messages (SPEC §1.10)", () => {
  it("every link of a sent message is the app URL, a path letter and a 16-character random id, stored with what it does", async () => {
    const { tenant, contact, provider } = await customer();
    await runUntil(handle.db, provider, from, new Date("2026-01-02T00:00:00Z"));
    const sentLinks = await linksSentTo(contact.id);
    // Email: the CTA, unsubscribe (body, footer, header) and preferences; SMS: its CTA.
    expect(sentLinks.map((l) => l.path).sort()).toEqual(["p", "r", "r", "u"]);
    for (const { url } of sentLinks)
      expect(url).toMatch(/^http:\/\/localhost:3000\/[rpu]\/[0-9A-Za-z]{16}$/);
    const rows = await linksOf(handle.db, contact.id);
    // One link per link the messages carry: none for a link a message does not show.
    expect(rows.map((r) => r.id).sort()).toEqual(sentLinks.map((l) => l.id).sort());
    // One stored row per message: the email's links share its key, the SMS has its own.
    const keys = new Set(rows.map((r) => r.key));
    expect(keys.size).toBe(2);
    const stored = await handle.db.select().from(links).where(eq(links.contactId, contact.id));
    expect(stored).toHaveLength(2);
    const deliveries = await deliveriesOf(handle.db, contact.id);
    const kind = { r: "tracked", p: "preferences", u: "unsubscribe" } as const;
    for (const { path, id } of sentLinks) {
      const row = rows.find((r) => r.id === id)!;
      expect(row).toMatchObject({ tenantId: tenant.id, kind: kind[path as keyof typeof kind] });
      expect(deliveries.map((d) => d.id)).toContain(row.deliveryId);
      expect(row.target).toBe(path === "r" ? "https://www.example.com" : null);
      const days = path === "r" ? 90 : 365;
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(days * 86_400_000);
    }
  });

  it("the fallback SMS with its link takes at most 2 segments (a JWT link made it 3+)", async () => {
    const { contact, provider } = await customer();
    await runUntil(handle.db, provider, from, new Date("2026-01-02T00:00:00Z"));
    const sms = (await outboxOf(handle.db, contact.id)).find((m) => m.channel === "sms")!;
    expect(sms.meta).toMatchObject({ segments: expect.any(Number) });
    expect((sms.meta as { segments: number }).segments).toBeLessThanOrEqual(2);
    const link = await trackedLinkOf(contact.id, "sms");
    expect(link.length).toBe("http://localhost:3000/r/".length + 16);
  });

  it("a retry resends the stored message: its links are the first attempt's, none made again", async () => {
    const { contact, provider, failNext, callsOf } = await customer();
    failNext({ contactId: contact.id, channel: "sms", kind: "transient", times: 1 });
    await runUntil(handle.db, provider, from, new Date("2026-01-02T00:00:00Z"));
    expect(callsOf(contact.id).filter((c) => c.channel === "sms")).toHaveLength(2);
    const sms = await smsOf(contact.id);
    expect(sms).toMatchObject({ status: "sent", attemptCount: 2 });
    const rows = (await linksOf(handle.db, contact.id)).filter((l) => l.deliveryId === sms.id);
    expect(rows).toHaveLength(1);
    expect(await trackedLinkOf(contact.id, "sms")).toBe(`http://localhost:3000/r/${rows[0]!.id}`);
    expect(rows[0]!.createdAt.toISOString()).toBe("2026-01-01T14:00:00.000Z");
  });
});

describe("link scanners never count as clicks (SPEC §1.10)", () => {
  it("a HEAD and a scanner's GET are answered and logged as link_scanned, canceling nothing; the contact's GET is the click", async () => {
    const { contact, provider, failNext } = await customer();
    // SMS fails once: its retry is pending when the email's link is opened.
    failNext({ contactId: contact.id, channel: "sms", kind: "transient", times: 1 });
    await runUntil(handle.db, provider, from, sent);
    expect((await smsOf(contact.id)).status).toBe("pending");
    const link = await trackedLinkOf(contact.id, "email");

    const head = await at(later, () => headTracked(request(link, "HEAD"), params(link)));
    expect(head.status).toBe(302);
    expect(head.headers.get("location")).toBe("https://www.example.com/");
    const safeLinks = await at(later, () =>
      openTracked(request(link, "GET", "Mozilla/5.0 BingPreview/1.0b"), params(link)),
    );
    expect(safeLinks.status).toBe(302);
    expect(safeLinks.headers.get("location")).toBe("https://www.example.com/");

    const scanned = (await eventsOf(handle.db, contact.id)).filter(
      (e) => e.type === "link_scanned",
    );
    expect(scanned.map((e) => e.data)).toEqual([
      { scanner: "a HEAD request (a link checker)" },
      { scanner: "Microsoft Safe Links (BingPreview)" },
    ]);
    expect(scanned[0]!.reason).toBe(
      "The link of the email message was opened by a HEAD request (a link checker): not a click, nothing canceled.",
    );
    expect(await typesOf(contact.id)).not.toContain("clicked");
    expect(await smsOf(contact.id)).toMatchObject({ status: "pending" });

    const person = await at(later, () => openTracked(request(link), params(link)));
    expect(person.status).toBe(302);
    expect(await typesOf(contact.id)).toContain("clicked");
    expect(await smsOf(contact.id)).toMatchObject({ status: "canceled" });
  });
});

describe("links that are not ours, or no longer valid, get their clear page (SPEC §1.10)", () => {
  it("unknown, altered, malformed, expired and other-kind ids; nothing is recorded", async () => {
    const { contact, provider } = await customer();
    await runUntil(handle.db, provider, from, new Date("2026-01-02T00:00:00Z"));
    const link = await trackedLinkOf(contact.id, "email");
    const id = link.split("/").at(-1)!;
    const altered = `${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}`;
    const [preferences] = (await linksSentTo(contact.id)).filter((l) => l.path === "p");
    const before = await typesOf(contact.id);
    const problemOf = async (candidate: string, now = later) => {
      const url = `http://localhost:3000/r/${candidate}`;
      const response = await at(now, () =>
        openTracked(request(url), { params: Promise.resolve({ id: candidate }) }),
      );
      expect(response.status).toBe(303);
      return new URL(response.headers.get("location")!).pathname;
    };
    expect(await problemOf("ZZZZZZZZZZZZZZZZ")).toBe("/links/invalid");
    expect(await problemOf(altered)).toBe("/links/invalid");
    expect(await problemOf(id.slice(0, -1))).toBe("/links/invalid");
    expect(await problemOf(`${id}%00`)).toBe("/links/invalid");
    expect(await problemOf(preferences!.id)).toBe("/links/invalid");
    // A tracked link lives 90 days from its message (sent 2026-01-01 14:00Z).
    expect(await problemOf(id, new Date("2026-04-01T14:00:00Z"))).toBe("/links/expired");
    expect(await typesOf(contact.id)).toEqual(before);
    // The unsubscribe route refuses a tracked link's id.
    const post = await at(later, () =>
      oneClickUnsubscribe(request(link, "POST"), { params: Promise.resolve({ id }) }),
    );
    expect(post.status).toBe(400);
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.channels).toEqual({ email: "subscribed", sms: "subscribed" });
  });

  it("the unsubscribe link: POST stops email only; GET leads to the contact's preference center", async () => {
    const { tenant, contact, provider } = await customer();
    await runUntil(handle.db, provider, from, new Date("2026-01-02T00:00:00Z"));
    const [unsubscribe] = (await linksSentTo(contact.id)).filter((l) => l.path === "u");
    const route = params(unsubscribe!.url);
    const opened = await at(later, () => openUnsubscribe(request(unsubscribe!.url), route));
    expect(opened.status).toBe(303);
    const target = new URL(opened.headers.get("location")!);
    expect(target.pathname).toMatch(/^\/p\/[0-9A-Za-z]{16}$/);
    expect(target.searchParams.get("focus")).toBe("email");
    const resolved = await resolveLink(handle.db, target.pathname.slice(3), "preferences", later);
    expect(resolved.ok && resolved.link).toMatchObject({
      tenantId: tenant.id,
      contactId: contact.id,
      kind: "preferences",
    });
    const posted = await at(later, () =>
      oneClickUnsubscribe(request(unsubscribe!.url, "POST"), route),
    );
    expect(posted.status).toBe(200);
    const [row] = await handle.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row!.channels).toEqual({ email: "unsubscribed", sms: "subscribed" });
  });
});

describe("a way out on every channel (SPEC §1.10)", () => {
  it("web push and Zalo messages carry the contact's preference center link", async () => {
    const hcm = "Asia/Ho_Chi_Minh";
    const tenant = await createTenant(handle.db, "self_study", hcm);
    const contact = await createContact(handle.db, tenant.id, {
      name: "Lan Nguyen",
      timeZone: hcm,
      channels: { web_push: "subscribed", zalo: "subscribed" },
      lastActivityAt: new Date("2026-01-01T14:00:00Z"),
      nextCheckAt: new Date("2026-01-01T14:00:00Z"),
    });
    const { provider } = recordingProvider(handle.db);
    // streak_lost goes out on both channels at 08:00 local on Jan 3.
    await runUntil(
      handle.db,
      provider,
      new Date("2026-01-01T15:00:00Z"),
      new Date("2026-01-04T00:00:00Z"),
    );
    const outbox = await outboxOf(handle.db, contact.id);
    expect(outbox.map((m) => m.channel).sort()).toEqual(["web_push", "zalo"]);
    for (const message of outbox) {
      const [, id] = /Message settings: http:\/\/localhost:3000\/p\/([0-9A-Za-z]{16})/.exec(
        message.text,
      )!;
      const resolved = await resolveLink(handle.db, id!, "preferences", later);
      expect(resolved.ok && resolved.link.contactId).toBe(contact.id);
    }
  });
});
