import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import type { DbHandle } from "@/db/client";
import { auditLog, memberships, outboxMessages, users, verificationTokens } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { humanIssues } from "@/server/api/zod-messages";
import { buildAuthOptions } from "@/server/auth/options";
import { env } from "@/server/env";
import type { Mail } from "@/server/mail/mailer";
import { openTestDb } from "@/test/db";
import { callerFor, createMember, createTenant } from "@/test/factories";
import { inviteMember } from "./invite";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
  // next-auth reads its URL from the environment; the links are built from the app's.
  vi.stubEnv("NEXTAUTH_URL", env.NEXTAUTH_URL);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await handle.close();
});

/** A workspace and its owner, signed in as the session next-auth gives them (with their email). */
async function workspace() {
  const tenant = await createTenant(handle.db);
  const owner = await createMember(handle.db, tenant.id, ["owner"]);
  const session = {
    userId: owner.id,
    tenantId: tenant.id,
    user: { email: owner.email },
    expires: "2099-01-01T00:00:00.000Z",
  };
  return { tenant, owner, api: createCaller({ db: handle.db, session }) };
}

const newAddress = () => `ana-${randomUUID().slice(0, 8)}@example.com`;

/** The sign-in mail the Outbox captured for `to` (the provider sends it without waiting). */
async function mailTo(to: string) {
  return vi.waitFor(async () => {
    const rows = await handle.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, to));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  });
}

/** A refused call: its code, and its message and field errors as the HTTP answer words them. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  const issues = error.cause instanceof ZodError ? humanIssues(error.cause) : null;
  return {
    code: error.code,
    message: issues?.message ?? error.message,
    fieldErrors: issues?.fieldErrors,
  };
}

const teamAudit = (tenantId: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.kind, "team")));

describe("inviting by email", () => {
  it("creates the user and the membership, mails next-auth's sign-in link and audits it", async () => {
    const { tenant, owner, api } = await workspace();
    const email = newAddress();

    const invitation = await api.team.invite({ email, role: "marketer" });

    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    expect(invitation).toEqual({ userId: user!.id, email, role: "marketer" });
    const [membership] = await handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, user!.id));
    expect(membership).toMatchObject({ tenantId: tenant.id, roles: ["marketer"] });

    // The invitation is the magic link of the sign-in page: same mail, next-auth's callback.
    const mail = await mailTo(email);
    expect(mail).toMatchObject({ channel: "email", tenantId: null });
    expect(mail.subject).toMatch(/^Sign in to Rekindle/);
    const link = new URL(/http\S+/.exec(mail.text)![0]);
    expect(`${link.origin}${link.pathname}`).toBe(`${env.NEXTAUTH_URL}/api/auth/callback/email`);
    expect(link.searchParams.get("email")).toBe(email);
    expect(link.searchParams.get("callbackUrl")).toBe(`${env.NEXTAUTH_URL}/contacts`);
    // next-auth's table keeps only the token's hash.
    const [stored] = await handle.db
      .select()
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, email));
    expect(stored!.token).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.token).not.toBe(link.searchParams.get("token"));
    expect(stored!.expires.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const entries = await teamAudit(tenant.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: owner.id,
      actorLabel: `${owner.email} (owner)`,
      summary: `Invited ${email} as marketer`,
      data: { email, userId: user!.id, role: "marketer", newUser: true },
    });
  });

  it("sends a link next-auth itself redeems: the invitee is signed in to the workspace, once", async () => {
    const { tenant } = await workspace();
    const sent: Mail[] = [];
    const auth = buildAuthOptions(handle.db, {
      demo: false,
      mailer: { send: async (mail) => void sent.push(mail) },
    });
    const email = newAddress();
    const actor = { userId: null, label: "test" };
    const invitation = await inviteMember(handle.db, auth, {
      tenantId: tenant.id,
      email,
      role: "analyst",
      actor,
      now: new Date(),
    });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const link = new URL(/http\S+/.exec(sent[0]!.text)![0]);

    const first = await openLink(auth, link);
    expect(first.location).toBe(`${env.NEXTAUTH_URL}/contacts`);
    const jwt = first.cookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(jwt).toBeDefined();
    const session = await decode({
      token: jwt!.split(";")[0]!.slice("next-auth.session-token=".length),
      secret: env.NEXTAUTH_SECRET,
    });
    expect(session).toMatchObject({ sub: invitation.userId, email, tenantId: tenant.id });

    // One use only: next-auth deleted the token.
    const again = await openLink(auth, link);
    expect(again.location).toContain("error=Verification");
  });

  it("reuses the user of someone who is a member elsewhere", async () => {
    const { tenant: elsewhere } = await workspace();
    const member = await createMember(handle.db, elsewhere.id, ["owner"]);
    const { tenant, api } = await workspace();

    const invitation = await api.team.invite({ email: member.email, role: "analyst" });

    expect(invitation.userId).toBe(member.id);
    expect(await handle.db.select().from(users).where(eq(users.email, member.email))).toHaveLength(
      1,
    );
    const rows = await handle.db
      .select({ tenantId: memberships.tenantId, roles: memberships.roles })
      .from(memberships)
      .where(eq(memberships.userId, member.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { tenantId: elsewhere.id, roles: ["owner"] },
        { tenantId: tenant.id, roles: ["analyst"] },
      ]),
    );
    const [entry] = await teamAudit(tenant.id);
    expect(entry!.data).toMatchObject({ newUser: false });
    await mailTo(member.email);
  });

  it("says so when the address is already a member, whatever its case and spaces", async () => {
    const { tenant, api } = await workspace();
    const email = newAddress();
    await api.team.invite({ email, role: "marketer" });

    const error = await refusal(
      api.team.invite({ email: `  ${email.toUpperCase()} `, role: "analyst" }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(`${email} is already a member of this workspace (marketer).`);
    expect(await teamAudit(tenant.id)).toHaveLength(1);
    expect(await mailTo(email)).toBeDefined();
  });

  it("refuses a malformed address or an unknown role, in words, by field", async () => {
    const { tenant, api } = await workspace();
    const bad = await refusal(api.team.invite({ email: "not-an-email", role: "marketer" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe("Enter an email address such as ana@example.com");
    expect(bad.fieldErrors).toEqual({ email: ["Enter an email address such as ana@example.com"] });

    const role = await refusal(api.team.invite({ email: newAddress(), role: "admin" as "owner" }));
    expect(role.message).toBe("Choose a role: owner, marketer or analyst");
    const empty = await refusal(api.team.invite({ email: " ", role: "owner" }));
    expect(empty.message).toBe("Enter the email address to invite");
    expect(await teamAudit(tenant.id)).toEqual([]);
  });

  it("is for owners only", async () => {
    const { tenant } = await workspace();
    const marketer = await createMember(handle.db, tenant.id, ["marketer"]);
    const error = await refusal(
      callerFor(handle.db, marketer.id, tenant.id).team.invite({
        email: newAddress(),
        role: "owner",
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

/**
 * The callback next-auth serves at /api/auth/callback/email, run by next-auth's own handler on
 * the request a browser following `link` makes.
 */
async function openLink(auth: ReturnType<typeof buildAuthOptions>, link: URL) {
  const headers: Record<string, string | string[]> = {};
  const res = {
    statusCode: 200,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return this;
    },
    end() {},
    send() {},
    json() {},
  };
  const [, , , action, providerId] = link.pathname.split("/");
  const req = {
    method: "GET",
    query: { nextauth: [action, providerId], ...Object.fromEntries(link.searchParams) },
    headers: { host: link.host },
    cookies: {},
    body: {},
  };
  // The handler for the Pages Router's API routes: the same core, without Next's request scope.
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(
    req,
    res,
    auth,
  );
  const cookies = headers["set-cookie"] ?? [];
  return {
    location: headers.location as string | undefined,
    cookies: Array.isArray(cookies) ? cookies : [cookies],
  };
}
