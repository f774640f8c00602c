import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { recordAudit, type Actor } from "@/server/audit/record";
import type { ImportTally } from "./receipt";

/** How an import ended: every row sent, canceled by the person, or stopped by an error. */
export type ImportStatus = "completed" | "canceled" | "failed";

const what = { contacts: "contacts", exercises: "exercises" } as const;

const n = (count: number) => count.toLocaleString("en-US");

/** The audit log's sentence for an import. */
export function importSummary(tally: ImportTally, status: ImportStatus): string {
  const imported = tally.created + tally.updated;
  const counts = `${n(imported)} stored, ${n(tally.rejected)} rejected`;
  const source = `${what[tally.target]} from ${tally.fileName}`;
  if (status === "completed") return `Imported ${source}: ${n(tally.rows)} rows, ${counts}`;
  if (status === "canceled")
    return `Canceled an import of ${source} after ${n(tally.rows)} rows: ${counts}`;
  return `An import of ${source} stopped on an error after ${n(tally.rows)} rows: ${counts}`;
}

/**
 * Records the import's one audit entry, with the counts its receipt carries. Finishing again
 * (a retried call) records nothing more: the entry is keyed by the import's id.
 */
export async function recordImport(
  db: Db,
  input: { tally: ImportTally; status: ImportStatus; actor: Actor; now: Date },
): Promise<{ recorded: boolean }> {
  const { tally, status, actor, now } = input;
  return db.transaction(async (tx) => {
    // Two finishes of one import at once: the second waits, then finds the first's entry.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${tally.importId}))`);
    const [existing] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, tally.tenantId),
          eq(auditLog.kind, "import"),
          sql`${auditLog.data} ->> 'importId' = ${tally.importId}`,
        ),
      )
      .limit(1);
    if (existing) return { recorded: false };
    await recordAudit(tx, {
      tenantId: tally.tenantId,
      actor,
      kind: "import",
      summary: importSummary(tally, status),
      data: {
        importId: tally.importId,
        target: tally.target,
        fileName: tally.fileName,
        rows: tally.rows,
        imported: tally.created + tally.updated,
        created: tally.created,
        updated: tally.updated,
        rejected: tally.rejected,
        status,
        startedAt: tally.startedAt,
      },
      at: now,
    });
    return { recorded: true };
  });
}
