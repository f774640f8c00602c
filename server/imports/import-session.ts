import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import type { ImportTarget } from "./fields";
import { importBatch, type BatchOutcome } from "./import-batch";
import type { ImportRow } from "./records";
import { openReceipt, signReceipt, type ImportTally } from "./receipt";

/** Who runs an import: its receipts are valid for them, in this workspace, only. */
export type Importer = { tenantId: string; userId: string };

/** A new import of `fileName`: its first receipt, with nothing counted yet. */
export function startImport(
  who: Importer,
  input: { target: ImportTarget; fileName: string },
  secret: string,
  now: Date,
): { importId: string; receipt: string } {
  const tally: ImportTally = {
    importId: randomUUID(),
    ...who,
    ...input,
    startedAt: now.toISOString(),
    rows: 0,
    created: 0,
    updated: 0,
    rejected: 0,
    lastLine: 1,
  };
  return { importId: tally.importId, receipt: signReceipt(tally, secret) };
}

/** The receipt's tally if it is valid for this importer; null otherwise. */
export function openTally(receipt: string, who: Importer, secret: string): ImportTally | null {
  const tally = openReceipt(receipt, secret);
  return tally && tally.tenantId === who.tenantId && tally.userId === who.userId ? tally : null;
}

export type BatchAnswer = BatchOutcome & { receipt: string };

/**
 * Imports one batch of the import `tally` belongs to and answers with the next receipt. A batch
 * must continue after the lines already counted (null otherwise): a receipt counts each line once.
 */
export async function importWithTally(
  db: Db,
  tally: ImportTally,
  rows: ImportRow[],
  secret: string,
  now: Date,
): Promise<BatchAnswer | null> {
  const lines = rows.map((r) => r.line);
  if (lines.length === 0 || Math.min(...lines) <= tally.lastLine) return null;
  const outcome = await importBatch(db, tally.tenantId, tally.target, rows, now);
  const next: ImportTally = {
    ...tally,
    rows: tally.rows + outcome.rows,
    created: tally.created + outcome.created,
    updated: tally.updated + outcome.updated,
    rejected: tally.rejected + outcome.rejected,
    lastLine: Math.max(...lines),
  };
  return { ...outcome, receipt: signReceipt(next, secret) };
}
