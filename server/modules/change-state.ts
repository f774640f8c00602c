import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantModules, type MissingItem, type ModuleState } from "@/db/schema";
import type { Channel } from "@/db/schema/enums";
import type { Actor } from "@/server/audit/record";
import { recordAudit } from "@/server/audit/record";
import type { Driver } from "@/server/engine/channels/from-env";
import type { ModuleCode } from "./catalog";
import { missingItems, readinessChecklist, type ChecklistItem } from "./readiness";
import { readinessFacts } from "./readiness-facts";

export const moduleActions = ["activate", "pause", "resume", "deactivate"] as const;
export type ModuleAction = (typeof moduleActions)[number];

/** A workspace's module as the activation page and API show it: its state and the live checklist. */
export type ModuleStatus = {
  moduleCode: ModuleCode;
  state: ModuleState;
  /** What a deferred activation is waiting for (empty unless deferred). */
  missing: MissingItem[];
  /** Every requirement, met or not, as of now. */
  checklist: ChecklistItem[];
  sandbox: boolean;
  niche: string | null;
  changedAt: Date | null;
};

type Where = { tenantId: string; code: ModuleCode; drivers: Record<Channel, Driver>; now: Date };

/** The module's state in the workspace, with its readiness checked now. */
export async function moduleStatus(db: Db, where: Where): Promise<ModuleStatus> {
  const [row] = await db.select().from(tenantModules).where(rowOf(where));
  const facts = await readinessFacts(db, where.tenantId, where.code, where.drivers, where.now);
  return {
    moduleCode: where.code,
    state: row?.state ?? "inactive",
    missing: row?.state === "deferred" ? row.missing : [],
    checklist: readinessChecklist(facts, where.now),
    sandbox: facts.sandbox,
    niche: row?.niche ?? null,
    changedAt: row?.changedAt ?? null,
  };
}

export type ChangeResult = { status: ModuleStatus } | { conflict: string };

/**
 * SPEC §1.9: activate (→ `active`, or `deferred` naming each missing item), pause (pending
 * deliveries wait), resume (checked again, like an activation), deactivate. The workspace's row is
 * locked for the change, so two owners clicking at once change it once; every change is audited.
 */
export async function changeModuleState(
  db: Db,
  where: Where & { action: ModuleAction; actor: Actor; niche?: string },
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    await tx
      .insert(tenantModules)
      .values({
        tenantId: where.tenantId,
        moduleCode: where.code,
        state: "inactive",
        changedAt: where.now,
      })
      .onConflictDoNothing();
    const [row] = await tx.select().from(tenantModules).where(rowOf(where)).for("update");
    const next = await nextState(tx, row!.state, where);
    if ("conflict" in next) return next;
    if (where.niche) await tx.update(tenantModules).set({ niche: where.niche }).where(rowOf(where));
    if (next.state !== row!.state || next.state === "deferred") {
      await tx
        .update(tenantModules)
        .set({ state: next.state, missing: next.missing, changedAt: where.now })
        .where(rowOf(where));
      await recordAudit(tx, {
        tenantId: where.tenantId,
        actor: where.actor,
        kind: "activation",
        summary: auditSummary(row!.state, next.state, next.missing),
        data: { moduleCode: where.code, from: row!.state, to: next.state, missing: next.missing },
        at: where.now,
      });
    }
    return { status: await moduleStatus(tx, where) };
  });
}

type Next = { state: ModuleState; missing: MissingItem[] } | { conflict: string };

async function nextState(
  tx: Db,
  current: ModuleState,
  where: Where & { action: ModuleAction },
): Promise<Next> {
  const stay = { state: current, missing: [] };
  switch (where.action) {
    case "deactivate":
      return { state: "inactive", missing: [] };
    case "pause":
      if (current === "paused") return stay;
      if (current !== "active")
        return { conflict: `Only an active module can be paused; it is ${current}.` };
      return { state: "paused", missing: [] };
    case "resume":
      if (current === "active") return stay;
      if (current !== "paused")
        return { conflict: `The module is ${current}, not paused: activate it.` };
      return checked(tx, where);
    case "activate":
      return current === "active" ? stay : checked(tx, where);
  }
}

/** `active` when nothing is missing, else `deferred` with what is (activation never pretends). */
async function checked(tx: Db, where: Where): Promise<Next> {
  const facts = await readinessFacts(tx, where.tenantId, where.code, where.drivers, where.now);
  const missing = missingItems(facts, where.now);
  return { state: missing.length === 0 ? "active" : "deferred", missing };
}

function auditSummary(from: ModuleState, to: ModuleState, missing: MissingItem[]): string {
  const name = "Dormant Customer Reactivation";
  if (to === "deferred") {
    return `Activation of ${name} deferred: missing ${missing.map((m) => m.item).join(", ")}`;
  }
  if (to === "active") return from === "paused" ? `Resumed ${name}` : `Activated ${name}`;
  if (to === "paused") return `Paused ${name}`;
  return `Deactivated ${name}`;
}

const rowOf = (where: { tenantId: string; code: ModuleCode }) =>
  and(eq(tenantModules.tenantId, where.tenantId), eq(tenantModules.moduleCode, where.code));
