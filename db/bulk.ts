import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

const CHUNK_ROWS = 10_000;

/**
 * Inserts many rows fast, skipping rows that conflict. Each chunk travels as one JSON parameter
 * expanded by `jsonb_to_recordset`: no parameter limit, and ~10× faster than a multi-row VALUES.
 * Every row must set the same columns (an absent column would be stored as null).
 */
export async function insertInChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  await inChunks(db, table, rows, ({ names, records }) => {
    return sql`insert into ${table} (${names})
      select ${names} from ${records}
      on conflict do nothing`;
  });
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
  await inChunks(db, table, rows, ({ columns, records }) => {
    const assignments = sql.join(
      columns
        .filter((c) => c.key !== "id")
        .map((c) => sql`${sql.identifier(c.name)} = r.${sql.identifier(c.name)}`),
      sql`, `,
    );
    return sql`update ${table} set ${assignments} from ${records} where ${table}.id = r.id`;
  });
}

type Column = { key: string; name: string; type: string };
type Statement = (parts: { columns: Column[]; names: SQL; records: SQL }) => SQL;

async function inChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: object[],
  statement: Statement,
): Promise<void> {
  if (rows.length === 0) return;
  const present = Object.keys(rows[0]!);
  const shape = present.join(",");
  const odd = rows.findIndex((row) => Object.keys(row).join(",") !== shape);
  if (odd >= 0) throw new Error(`bulk write: row ${odd} sets other columns than row 0`);
  const columns = Object.entries(getTableColumns(table))
    .filter(([key]) => present.includes(key))
    .map(([key, column]) => ({
      key,
      name: column.keyAsName ? toSnakeCase(key) : column.name,
      type: column.getSQLType(),
    }));
  const names = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const record = sql.join(
    columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows
      .slice(i, i + CHUNK_ROWS)
      .map((row) =>
        Object.fromEntries(
          columns.map((c) => [c.name, (row as Record<string, unknown>)[c.key] ?? null]),
        ),
      );
    const records = sql`jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(${record})`;
    await db.execute(statement({ columns, names, records }));
  }
}
