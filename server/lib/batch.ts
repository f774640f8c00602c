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
    else result.errors.push(...parsed.error.issues.flatMap((issue) => rowErrors(index, issue)));
  });
  return result;
}

function rowErrors(index: number, issue: z.core.$ZodIssue): RowError[] {
  const path = issue.path.map(String);
  // An unknown field is named itself, so the caller sees exactly which key to remove or fix.
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      index,
      field: [...path, key].join("."),
      reason: "is not a known field",
    }));
  }
  return [{ index, field: path.join(".") || "(row)", reason: issue.message }];
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
