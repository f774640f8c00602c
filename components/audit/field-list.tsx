import type { FieldRow } from "./words";

/** An entry's fields as a definition list, nested where the data nests. */
export function FieldList({ rows }: { rows: FieldRow[] }) {
  if (rows.length === 0) return <p className="text-stone-500">No further details.</p>;
  return (
    <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-4 gap-y-1">
      {rows.map((row, i) => (
        <div key={`${row.label}-${i}`} className="contents">
          <dt className="text-stone-500">{row.label}</dt>
          <dd className="min-w-0 break-words text-stone-900">
            {"rows" in row ? <FieldList rows={row.rows} /> : row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
