import type { Db } from "@/db/client";
import type { z } from "zod";
import { validateRows, type ValidatedRows } from "@/server/lib/batch";
import { bisect } from "@/server/lib/bisect";
import { toApiRow } from "./cells";
import { importFields, type ImportTarget } from "./fields";
import type { ImportRow } from "./records";
import { targetStores } from "./targets";

/** A rejected row of the file: its line, the field, and why, in words. */
export type LineError = { line: number; field: string; reason: string };

export type BatchOutcome = {
  rows: number;
  created: number;
  updated: number;
  /** Rows with at least one error; none of their fields was stored. */
  rejected: number;
  errors: LineError[];
};

type Candidate = { index: number; value: { externalId: string } };

/**
 * Checks and stores one batch of CSV rows for a tenant: each row on its own, with the API's
 * schema and store (`targetStores`), so one bad row never costs the others. Every rejected row
 * comes back with its line; every other row is stored before this returns.
 */
export async function importBatch(
  db: Db,
  tenantId: string,
  target: ImportTarget,
  rows: ImportRow[],
  now: Date,
): Promise<BatchOutcome> {
  const errors: LineError[] = rows.flatMap((row) =>
    row.problem ? [{ line: row.line, ...row.problem }] : [],
  );
  const checkable = rows.filter((row) => !row.problem);
  const { schema, store } = targetStores[target];
  const checked = await validateInSlices(
    checkable.map((row) => toApiRow(target, row.values)),
    schema(now),
  );
  const lineOf = (index: number) => checkable[index]!.line;
  for (const { index, field, reason } of checked.errors)
    errors.push({
      line: lineOf(index),
      field,
      reason: wordsFor(target, field, reason, checkable[index]!),
    });
  const unique = firstOfEachId(checked.valid, lineOf, errors);
  // A row the database refuses (a value no check foresaw) is set aside with the database's
  // reason; the halves around it are stored as usual.
  const { results, failed } = await bisect(unique, (part) =>
    store(db, tenantId, part as never, now),
  );
  // Every row failing is the database, not the rows: the caller retries the batch.
  if (failed.length > 1 && failed.length === unique.length) throw failed[0]!.error;
  for (const { item, error } of failed) {
    console.error(`[rekindle] import: line ${lineOf(item.index)} could not be stored`, error);
    errors.push({
      line: lineOf(item.index),
      field: "(row)",
      reason: `could not be stored: ${(error as Error).message}`,
    });
  }
  for (const result of results)
    for (const { index, field, reason } of result.errors)
      errors.push({ line: lineOf(index), field, reason });
  errors.sort((a, b) => a.line - b.line);
  return {
    rows: rows.length,
    created: results.reduce((sum, r) => sum + r.created, 0),
    updated: results.reduce((sum, r) => sum + r.updated, 0),
    rejected: new Set(errors.map((e) => e.line)).size,
    errors,
  };
}

/** Rows checked between two turns of the event loop: ~50 ms of checks on a busy 2-core machine. */
const SLICE_ROWS = 200;

/**
 * `validateRows` a slice at a time, letting other requests in between: checking 1,000 rows (a
 * time zone check is an `Intl` object per row) would otherwise hold the server for a moment.
 */
async function validateInSlices<S extends z.ZodType>(rows: unknown[], schema: S) {
  const result: ValidatedRows<z.infer<S>> = { valid: [], errors: [] };
  for (let start = 0; start < rows.length; start += SLICE_ROWS) {
    const slice = validateRows(rows.slice(start, start + SLICE_ROWS), schema);
    for (const row of slice.valid) result.valid.push({ ...row, index: row.index + start });
    for (const error of slice.errors) result.errors.push({ ...error, index: error.index + start });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

/** The schema says a missing required value is "expected string, received undefined". */
function wordsFor(target: ImportTarget, field: string, reason: string, row: ImportRow): string {
  const required = importFields[target].some((f) => f.key === field && f.required);
  return required && !row.values[field]?.trim() ? "is required; the cell is empty" : reason;
}

/**
 * The browser reports an external id repeated across the file; this catches a repeat within the
 * batch from any other caller, since one statement cannot upsert the same contact twice.
 */
function firstOfEachId(
  rows: Candidate[],
  lineOf: (index: number) => number,
  errors: LineError[],
): Candidate[] {
  const first = new Map<string, number>();
  return rows.filter((row) => {
    const seen = first.get(row.value.externalId);
    if (seen === undefined) {
      first.set(row.value.externalId, row.index);
      return true;
    }
    errors.push({
      line: lineOf(row.index),
      field: "externalId",
      reason: `repeats the external id of line ${lineOf(seen)}`,
    });
    return false;
  });
}
