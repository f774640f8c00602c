import type { z } from "zod";

/** One rejected row of a batch: which row, which field, and why. */
export type RowError = { index: number; field: string; reason: string };

export type ValidatedRows<T> = { valid: { index: number; value: T }[]; errors: RowError[] };

/** Validates each row on its own so one bad row never rejects the rest. */
export function validateRows<S extends z.ZodType>(
  rows: unknown[],
  schema: S,
): ValidatedRows<z.infer<S>> {
  const result: ValidatedRows<z.infer<S>> = { valid: [], errors: [] };
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) result.valid.push({ index, value: parsed.data });
    else
      for (const issue of parsed.error.issues) {
        result.errors.push({ index, field: issue.path.join(".") || "(row)", reason: issue.message });
      }
  });
  return result;
}

/** Rejects every row whose key repeats an earlier row's in the same batch. */
export function rejectDuplicateKeys<T>(
  rows: { index: number; value: T }[],
  field: string,
  keyOf: (value: T) => string,
): ValidatedRows<T> {
  const firstIndex = new Map<string, number>();
  const result: ValidatedRows<T> = { valid: [], errors: [] };
  for (const row of rows) {
    const key = keyOf(row.value);
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, row.index);
      result.valid.push(row);
    } else {
      result.errors.push({ index: row.index, field, reason: `repeats row ${first} of this batch` });
    }
  }
  return result;
}
