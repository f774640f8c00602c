import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { auditLog, memberships, users, verificationTokens } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { requireMember, requirePagePermission } from "@/server/auth/page-guard";
import { openTestDb } from "@/test/db";
import { callerFor, createMember, createTenant } from "@/test/factories";

// The page guard reads the request's cookies through `getSession` and the process's database:
// here the session is the one a browser would present, and the database is this file's.
const request = vi.hoisted(() => ({
  db: undefined as Db | undefined,
  session: null as Session | null,
}));
vi.mock("@/db/runtime", () => ({ getDb: async () => request.db }));
vi.mock("@/server/auth/session", () => ({ getSession: async () => request.session }));

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
  request.db = handle.db;
});
afterAll(() => handle.close());

const sessionOf = (user: { id: string; email: string }, tenantId: string): Session => ({
  userId: user.id,
  tenantId,
  user: { email: user.email },
  expires: "2099-01-01T00:00:00.000Z",
});

async function workspace() {
  const tenant = await createTenant(handle.db);
  const owner = await createMember(handle.db, tenant.id, ["owner"]);
  return {
    tenant,
    owner,
    api: createCaller({ db: handle.db, session: sessionOf(owner, tenant.id) }),
  };
}

/** What `run` throws: a tRPC refusal's code and message, or Next's redirect to a page. */
async function refusal(run: () => Promise<unknown>) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof TRPCError) return { code: error.code, message: error.message };
  // next/navigation's redirect() throws an error whose digest names the target.
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
  throw new Error(`Expected a refusal, got ${String(error)}`);
}

/** The member's next page load, as the app layout and every page start it. */
function loadPage(user: { id: string; email: string }, tenantId: string) {
  request.session = sessionOf(user, tenantId);
  return requireMember();
}

const teamAudit = (tenantId: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.kind, "team")));

describe("removing a member", () => {
  it("ends their session at once: the next request and the next page load are refused", async () => {
    const { tenant, owner, api } = await workspace();
    const marketer = await createMember(handle.db, tenant.id, ["marketer"]);
    const theirs = callerFor(handle.db, marketer.id, tenant.id);
    expect((await theirs.me.get()).tenant.id).toBe(tenant.id);
    expect((await loadPage(marketer, tenant.id)).membership.roles).toEqual(["marketer"]);

    const removal = await api.team.remove({ userId: marketer.id });

    expect(removal).toEqual({ userId: marketer.id, email: marketer.email, roles: ["marketer"] });
    // The same session (a JWT cookie, still valid until it expires) opens nothing any more.
    expect(await refusal(() => theirs.me.get())).toEqual({
      code: "FORBIDDEN",
      message: "You are not a member of this workspace.",
    });
    expect(await refusal(() => theirs.outbox.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(() => loadPage(marketer, tenant.id))).toEqual({
      redirect: "/signin?error=AccessDenied",
    });
    // The owner's own page still opens.
    request.session = sessionOf(owner, tenant.id);
    expect((await requirePagePermission("team.manage")).membership.tenantId).toBe(tenant.id);

    const [entry] = await teamAudit(tenant.id);
    expect(entry).toMatchObject({
      actorUserId: owner.id,
      actorLabel: `${owner.email} (owner)`,
      summary: `Removed ${marketer.email} (marketer)`,
      data: { userId: marketer.id, email: marketer.email, roles: ["marketer"] },
    });
    // The person stays a user (for the audit log, or another workspace), with no membership.
    expect(await handle.db.select().from(users).where(eq(users.id, marketer.id))).toHaveLength(1);
    expect(
      await handle.db.select().from(memberships).where(eq(memberships.userId, marketer.id)),
    ).toEqual([]);
  });

  it("leaves their other workspaces open to them", async () => {
    const { tenant, api } = await workspace();
    const other = await workspace();
    const person = await createMember(handle.db, tenant.id, ["analyst"]);
    await handle.db
      .insert(memberships)
      .values({ userId: person.id, tenantId: other.tenant.id, roles: ["marketer"] });
    await handle.db.insert(verificationTokens).values({
      identifier: person.email,
      token: "unused",
      expires: new Date(Date.now() + 3600_000),
    });

    await api.team.remove({ userId: person.id });

    expect(await refusal(() => loadPage(person, tenant.id))).toEqual({
      redirect: "/signin?error=AccessDenied",
    });
    expect((await loadPage(person, other.tenant.id)).membership.roles).toEqual(["marketer"]);
    // Their unused sign-in link still leads to the other workspace.
    expect(
      await handle.db
        .select()
        .from(verificationTokens)
        .where(eq(verificationTokens.identifier, person.email)),
    ).toHaveLength(1);
  });

  it("voids the unused invitation of someone who now belongs nowhere", async () => {
    const { tenant, api } = await workspace();
    const email = `invitee-${tenant.id}@example.com`;
    await api.team.invite({ email, role: "analyst" });
    const link = () =>
      handle.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
    await vi.waitFor(async () => expect(await link()).toHaveLength(1));
    const [invitee] = await handle.db.select().from(users).where(eq(users.email, email));

    await api.team.remove({ userId: invitee!.id });

    expect(await link()).toEqual([]);
  });
});

describe("the last owner", () => {
  it("cannot be removed, and says why", async () => {
    const { tenant, owner, api } = await workspace();
    expect(await refusal(() => api.team.remove({ userId: owner.id }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: `${owner.email} is the last owner of this workspace and cannot be removed. Make another member an owner first.`,
    });
    expect((await loadPage(owner, tenant.id)).membership.roles).toEqual(["owner"]);
    expect(await teamAudit(tenant.id)).toEqual([]);
  });

  it("may leave once there is another owner, and is refused from then on", async () => {
    const { tenant, owner, api } = await workspace();
    const second = await createMember(handle.db, tenant.id, ["owner"]);
    await api.team.remove({ userId: owner.id });
    expect(await refusal(() => api.team.list())).toMatchObject({ code: "FORBIDDEN" });
    const remaining = callerFor(handle.db, second.id, tenant.id);
    expect((await remaining.team.list()).map((m) => m.userId)).toEqual([second.id]);
    expect(await refusal(() => remaining.team.remove({ userId: second.id }))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});

describe("tenant scoping", () => {
  it("does not find another workspace's member, and leaves them in place", async () => {
    const { api } = await workspace();
    const other = await workspace();
    const theirAnalyst = await createMember(handle.db, other.tenant.id, ["analyst"]);
    for (const userId of [theirAnalyst.id, other.owner.id, "no-such-user"]) {
      expect(await refusal(() => api.team.remove({ userId }))).toEqual({
        code: "NOT_FOUND",
        message: "No member of this workspace has this id.",
      });
    }
    expect((await loadPage(theirAnalyst, other.tenant.id)).membership.roles).toEqual(["analyst"]);
    expect(await teamAudit(other.tenant.id)).toEqual([]);
  });
});
