import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, memberships } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { createCaller } from "@/server/api/root";
import { openTestDb } from "@/test/db";
import { callerFor, createMember, createTenant } from "@/test/factories";
import { lockTeam } from "./owners";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

/** A member's tRPC caller, with the session next-auth gives them (their email included). */
function apiOf(user: { id: string; email: string }, tenantId: string) {
  const session = {
    userId: user.id,
    tenantId,
    user: { email: user.email },
    expires: "2099-01-01T00:00:00.000Z",
  };
  return createCaller({ db: handle.db, session });
}

async function workspace() {
  const tenant = await createTenant(handle.db);
  const owner = await createMember(handle.db, tenant.id, ["owner"]);
  return { tenant, owner, api: apiOf(owner, tenant.id) };
}

async function rolesOf(userId: string, tenantId: string): Promise<Role[] | undefined> {
  const [row] = await handle.db
    .select({ roles: memberships.roles })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.tenantId, tenantId)));
  return row?.roles;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const teamAudit = (tenantId: string) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.kind, "team")));

describe("changing a member's role", () => {
  it("applies from the member's next request and is audited", async () => {
    const { tenant, owner, api } = await workspace();
    const analyst = await createMember(handle.db, tenant.id, ["analyst"]);
    const theirs = callerFor(handle.db, analyst.id, tenant.id);
    expect((await theirs.me.get()).permissions).not.toContain("templates.read");

    const result = await api.team.changeRole({ userId: analyst.id, role: "marketer" });

    expect(result).toEqual({
      userId: analyst.id,
      email: analyst.email,
      from: ["analyst"],
      to: ["marketer"],
      changed: true,
    });
    expect(await rolesOf(analyst.id, tenant.id)).toEqual(["marketer"]);
    // Same session, no sign-in again: the membership is read on every request.
    expect((await theirs.me.get()).permissions).toContain("templates.read");
    expect(await theirs.templates.grid()).toBeDefined();
    const [entry] = await teamAudit(tenant.id);
    expect(entry).toMatchObject({
      actorUserId: owner.id,
      actorLabel: `${owner.email} (owner)`,
      summary: `Changed ${analyst.email}'s role from analyst to marketer`,
      data: { userId: analyst.id, email: analyst.email, from: ["analyst"], to: ["marketer"] },
    });
  });

  it("changes nothing, and audits nothing, when the member already has that role", async () => {
    const { tenant, api } = await workspace();
    const marketer = await createMember(handle.db, tenant.id, ["marketer"]);
    const result = await api.team.changeRole({ userId: marketer.id, role: "marketer" });
    expect(result.changed).toBe(false);
    expect(await teamAudit(tenant.id)).toEqual([]);
  });

  it("replaces several roles with the one chosen", async () => {
    const { tenant, api } = await workspace();
    const both = await createMember(handle.db, tenant.id, ["marketer", "analyst"]);
    await api.team.changeRole({ userId: both.id, role: "analyst" });
    expect(await rolesOf(both.id, tenant.id)).toEqual(["analyst"]);
    const [entry] = await teamAudit(tenant.id);
    expect(entry!.summary).toBe(`Changed ${both.email}'s role from marketer, analyst to analyst`);
  });
});

describe("the last owner", () => {
  it("cannot be demoted, and says why", async () => {
    const { tenant, owner, api } = await workspace();
    const refused = await refusal(api.team.changeRole({ userId: owner.id, role: "marketer" }));
    expect(refused).toEqual({
      code: "PRECONDITION_FAILED",
      message: `${owner.email} is the last owner of this workspace and must stay an owner. Make another member an owner first.`,
    });
    expect(await rolesOf(owner.id, tenant.id)).toEqual(["owner"]);
    expect(await teamAudit(tenant.id)).toEqual([]);
  });

  it("can step down once another member is an owner, who then becomes the last", async () => {
    const { tenant, owner, api } = await workspace();
    const marketer = await createMember(handle.db, tenant.id, ["marketer"]);
    await api.team.changeRole({ userId: marketer.id, role: "owner" });
    await api.team.changeRole({ userId: owner.id, role: "analyst" });
    expect(await rolesOf(owner.id, tenant.id)).toEqual(["analyst"]);
    // The former owner lost the Team page at once; the new one cannot step down in turn.
    expect((await refusal(api.team.list())).code).toBe("FORBIDDEN");
    const newOwner = apiOf(marketer, tenant.id);
    const refused = await refusal(
      newOwner.team.changeRole({ userId: marketer.id, role: "analyst" }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
  });

  it("survives two owners demoting each other at the same moment", async () => {
    const { tenant, owner: first } = await workspace();
    const second = await createMember(handle.db, tenant.id, ["owner"]);
    // Both demotions start while a third change holds the workspace's team lock, so without that
    // lock they would each count the other as an owner and both go through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const third = handle.db.transaction(async (tx) => {
      await lockTeam(tx, tenant.id);
      locked();
      await held;
    });
    await holding;
    const demotions = Promise.allSettled([
      apiOf(first, tenant.id).team.changeRole({ userId: second.id, role: "marketer" }),
      apiOf(second, tenant.id).team.changeRole({ userId: first.id, role: "marketer" }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await third;
    const outcomes = await demotions;

    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const roles = await Promise.all([rolesOf(first.id, tenant.id), rolesOf(second.id, tenant.id)]);
    expect(roles.filter((r) => r?.includes("owner"))).toHaveLength(1);
  });
});

describe("tenant scoping", () => {
  it("does not find another workspace's member, and leaves them as they were", async () => {
    const { api } = await workspace();
    const other = await workspace();
    const theirMarketer = await createMember(handle.db, other.tenant.id, ["marketer"]);
    for (const userId of [theirMarketer.id, other.owner.id]) {
      const refused = await refusal(api.team.changeRole({ userId, role: "analyst" }));
      expect(refused).toEqual({
        code: "NOT_FOUND",
        message: "No member of this workspace has this id.",
      });
    }
    expect(await rolesOf(theirMarketer.id, other.tenant.id)).toEqual(["marketer"]);
    expect(await rolesOf(other.owner.id, other.tenant.id)).toEqual(["owner"]);
    expect(await teamAudit(other.tenant.id)).toEqual([]);
  });

  it("lists the caller's workspace's members only", async () => {
    const { tenant, owner, api } = await workspace();
    const analyst = await createMember(handle.db, tenant.id, ["analyst"]);
    const other = await workspace();
    await createMember(handle.db, other.tenant.id, ["marketer"]);
    const members = await api.team.list();
    expect(members.map((m) => [m.userId, m.roles]).sort()).toEqual(
      [
        [owner.id, ["owner"]],
        [analyst.id, ["analyst"]],
      ].sort(),
    );
  });
});
