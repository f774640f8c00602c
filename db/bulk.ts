import { getTableColumns, sql, type Column, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";
import { rowsOf } from "./rows";

const CHUNK_ROWS = 10_000;

/**
 * Inserts many rows fast, skipping rows that conflict; with `returnIds`, returns the ids of the
 * rows it inserted.
 * Each chunk travels as one array parameter per column expanded by `unnest` (see `unnestOf`): no
 * parameter limit, no per-row query building, and ~10× faster than a multi-row VALUES. Every row must set the
 * same columns (an absent column would be stored as null).
 */
export async function insertInChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
  options: { returnIds?: boolean } = {},
): Promise<string[]> {
  const inserted: string[] = [];
  await inChunks(db, table, rows, async ({ columns, records }) => {
    const names = sql.join(
      columns.map((c) => sql.identifier(c.name)),
      sql`, `,
    );
    const keys = sql.join(
      columns.map((c) => sql.identifier(c.key)),
      sql`, `,
    );
    const returnIds = options.returnIds ?? false;
    const result = await db.execute(sql`insert into ${table} (${names})
      select ${keys} from ${records}
      on conflict do nothing ${returnIds ? sql`returning id` : sql``}`);
    if (returnIds) inserted.push(...rowsOf<{ id: string }>(result).map((r) => r.id));
  });
  return inserted;
}

/**
 * Updates many rows by `id` in one statement per chunk, the same way: each row gives its `id`
 * and the new values of the same columns.
 */
export async function updateInChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: (Partial<T["$inferInsert"]> & { id: string })[],
): Promise<void> {
  await inChunks(db, table, rows, async ({ columns, records }) => {
    const assignments = sql.join(
      columns
        .filter((c) => c.key !== "id")
        .map((c) => sql`${sql.identifier(c.name)} = r.${sql.identifier(c.key)}`),
      sql`, `,
    );
    await db.execute(
      sql`update ${table} set ${assignments} from ${records} where ${table}.id = r.id`,
    );
  });
}

/**
 * `column = any(values)` with the values as one JSON parameter: a long list of ids costs one
 * parameter instead of thousands, and the planner still uses the column's index.
 */
export function anyOf(column: Column, values: readonly (string | number)[]): SQL {
  const type = sql.raw(column.getSQLType());
  return sql`${column} = any(array(select json_array_elements_text(${JSON.stringify(values)}::json)::${type}))`;
}

type BulkColumn = { key: string; name: string; type: string };
type Statement = (parts: { columns: BulkColumn[]; records: SQL }) => Promise<void>;

async function inChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: object[],
  statement: Statement,
): Promise<void> {
  if (rows.length === 0) return;
  const present = Object.keys(rows[0]!);
  const odd = rows.findIndex(
    (row) => Object.keys(row).length !== present.length || present.some((k) => !(k in row)),
  );
  if (odd >= 0) throw new Error(`bulk write: row ${odd} sets other columns than row 0`);
  const all = getTableColumns(table);
  const columns = present.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`bulk write: ${key} is not a column`);
    return {
      key,
      name: column.keyAsName ? toSnakeCase(key) : column.name,
      type: column.getSQLType(),
    };
  });
  const asArrays = !columns.some((c) => c.type.endsWith("[]"));
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows.slice(i, i + CHUNK_ROWS) as Record<string, unknown>[];
    const records = asArrays ? unnestOf(columns, chunk) : recordsetOf(columns, chunk);
    await statement({ columns, records });
  }
}

/**
 * The rows as one typed array per column, zipped by `unnest`: PostgreSQL parses an array of
 * uuids or timestamps about twice as fast as the same values as JSON objects, whose keys repeat
 * on every row (15 µs a row, `bench/RESULTS.md`). A JSON column travels as a JSON array instead:
 * as array elements its every quote would need escaping. A row's own keys name the fields.
 */
function unnestOf(columns: BulkColumn[], rows: Record<string, unknown>[]): SQL {
  const arrays = columns.map((c) => {
    const values = rows.map((row) => row[c.key]);
    if (c.type !== "jsonb") return sql`${arrayLiteral(values)}::${sql.raw(c.type)}[]`;
    // An absent value is SQL null, as it would be in a JSON record.
    return sql`array(select nullif(e.value::jsonb, 'null') from json_array_elements(${JSON.stringify(values)}::json)
      with ordinality as e order by e.ordinality)`;
  });
  const names = columns.map((c) => sql.identifier(c.key));
  return sql`unnest(${sql.join(arrays, sql`, `)}) as r(${sql.join(names, sql`, `)})`;
}

/** The rows as JSON, for columns that are arrays themselves (`unnest` would flatten them). */
function recordsetOf(columns: BulkColumn[], rows: Record<string, unknown>[]): SQL {
  const record = sql.join(
    columns.map((c) => sql`${sql.identifier(c.key)} ${sql.raw(c.type)}`),
    sql`, `,
  );
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) as r(${record})`;
}

/** A PostgreSQL array literal; every element is quoted, so the text `NULL` stays text. */
function arrayLiteral(values: unknown[]): string {
  return `{${values.map(arrayElement).join(",")}}`;
}

const SPECIAL = /[\\"]/;
const SPECIALS = /[\\"]/g;

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  // Neither an instant nor a number has a character an array literal would read as syntax.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint") return value.toString();
  const text = typeof value === "object" ? JSON.stringify(value) : `${value as string | boolean}`;
  return `"${SPECIAL.test(text) ? text.replace(SPECIALS, "\\$&") : text}"`;
}
