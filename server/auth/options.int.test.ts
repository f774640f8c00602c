import { eq } from "drizzle-orm";
import type { EmailConfig } from "next-auth/providers/email";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { outboxMessages, tenants, users } from "@/db/schema";
import { outboxMailer, type Mail } from "@/server/mail/mailer";
import { openTestDb } from "@/test/db";
import { createMember, createTenant } from "@/test/factories";
import { demoProvider } from "./demo";
import { buildAuthOptions } from "./options";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

function recordingMailer() {
  const sent: Mail[] = [];
  return { sent, mailer: { send: async (mail: Mail) => void sent.push(mail) } };
}

const providerIds = (demo: boolean) =>
  buildAuthOptions(handle.db, { demo, mailer: recordingMailer().mailer }).providers.map(
    // next-auth applies a provider's `options.id` over its default id.
    (p) => (p.options as { id?: string } | undefined)?.id ?? p.id,
  );

describe("auth options", () => {
  it("registers demo sign-in only when asked (never in a production build)", () => {
    expect(providerIds(false)).toEqual(["email"]);
    expect(providerIds(true)).toEqual(["email", "demo"]);
  });

  it("mails a magic link to members only, so the form never reveals who has an account", async () => {
    const { sent, mailer } = recordingMailer();
    const options = buildAuthOptions(handle.db, { demo: false, mailer });
    const email = options.providers[0] as EmailConfig;
    const tenant = await createTenant(handle.db);
    const member = await createMember(handle.db, tenant.id, ["marketer"]);
    const [outsider] = await handle.db
      .insert(users)
      .values({ email: `outsider-${tenant.id}@user.example` })
      .returning();
    const request = (identifier: string) =>
      email.sendVerificationRequest({
        identifier,
        url: "http://localhost:3000/api/auth/callback/email?token=t",
        expires: new Date(),
        provider: email,
        token: "t",
        theme: {},
      });
    await request(member.email);
    await request(outsider!.email);
    await request("stranger@nowhere.example");
    expect(sent.map((m) => m.to)).toEqual([member.email]);
    expect(sent[0]!.text).toContain("http://localhost:3000/api/auth/callback/email?token=t");
  });

  it("lets a demo user in only to a sandbox workspace", async () => {
    const tenant = await createTenant(handle.db);
    const member = await createMember(handle.db, tenant.id, ["owner"]);
    const email = "owner@lotus-english.example";
    await handle.db.update(users).set({ email }).where(eq(users.id, member.id));
    // next-auth keeps the provider's own `authorize` in its options.
    const { authorize } = demoProvider(handle.db).options as {
      authorize: (credentials: { email: string }) => Promise<{ id: string } | null>;
    };
    expect(await authorize({ email })).toBeNull();
    await handle.db.update(tenants).set({ sandbox: true }).where(eq(tenants.id, tenant.id));
    expect(await authorize({ email })).toMatchObject({ id: member.id, email });
    expect(await authorize({ email: "ceo@lotus-english.example" })).toBeNull();
  });

  it("puts the tenant of the user's membership into the token at sign-in", async () => {
    const options = buildAuthOptions(handle.db, { demo: false, mailer: recordingMailer().mailer });
    const tenant = await createTenant(handle.db);
    const member = await createMember(handle.db, tenant.id, ["analyst"]);
    const token = await options.callbacks!.jwt!({
      token: { sub: member.id },
      user: { id: member.id, email: member.email },
      account: null,
    });
    expect(token.tenantId).toBe(tenant.id);
  });
});

describe("outbox mailer", () => {
  it("captures the message in the Outbox table", async () => {
    const to = `someone-${Date.now()}@user.example`;
    await outboxMailer(handle.db).send({ to, subject: "Hi", text: "Hello", html: "<p>Hello</p>" });
    const [row] = await handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, to));
    expect(row).toMatchObject({
      channel: "email",
      subject: "Hi",
      tenantId: null,
    });
  });
});
