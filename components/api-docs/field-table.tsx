import { DataTable, Td } from "@/components/ui/data-table";
import { Inline } from "./rich-text";
import { fieldRows, type FieldRow, type JsonSchema, type Resolve } from "./schema-fields";

const columns = [
  { label: "Field" },
  { label: "Type" },
  { label: "Required" },
  { label: "Constraints" },
  { label: "Description", className: "min-w-64" },
];

/** A reason this many fields share is said once, under the table, instead of on every row. */
const SHARED = 3;

function sharedReasons(rows: FieldRow[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of rows.flatMap((r) => r.reasons))
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= SHARED).map(([reason]) => reason);
}

function Name({ row }: { row: FieldRow }) {
  return (
    <code className="font-mono text-xs">
      <span className="text-stone-500">{row.parent}</span>
      <span className="font-semibold text-stone-900">{row.name}</span>
    </code>
  );
}

function Required({ row }: { row: FieldRow }) {
  return row.required ? (
    <span className="font-medium text-stone-900">required</span>
  ) : (
    <span className="text-stone-500">optional</span>
  );
}

function Constraints({
  row,
  shared,
  noteId,
}: {
  row: FieldRow;
  shared: string[];
  noteId: (n: number) => string;
}) {
  const items = [
    ...row.constraints.map((c) => <Inline key={c} text={c} />),
    ...row.reasons.map((reason) => {
      const note = shared.indexOf(reason);
      return note >= 0 ? (
        <span key={reason} className="text-stone-600">
          refused: see{" "}
          <a href={`#${noteId(note)}`} className="text-brand-700 underline">
            note {note + 1}
          </a>
        </span>
      ) : (
        <span key={reason} className="text-stone-600">
          refused: “{reason}”
        </span>
      );
    }),
  ];
  if (items.length === 0) return null;
  return (
    <ul className="space-y-1">
      {items.map((item) => (
        <li key={item.key}>{item}</li>
      ))}
    </ul>
  );
}

/**
 * A schema's fields, one row each: name, type, required, constraints (with the reasons a value is
 * refused for), description. A table from `md` up; a list on a phone, where five columns would
 * leave each a sliver.
 */
export function FieldTable({
  id,
  caption,
  schema,
  resolve,
}: {
  /** Unique on the page: the notes' anchors start with it. */
  id: string;
  caption: string;
  schema: JsonSchema;
  resolve: Resolve;
}) {
  const rows = fieldRows(schema, resolve);
  const shared = sharedReasons(rows);
  const noteId = (n: number) => `${id}-note-${n + 1}`;
  return (
    <div className="space-y-2">
      <div className="hidden md:block">
        <DataTable caption={caption} columns={columns}>
          {rows.map((row) => (
            <tr key={row.parent + row.name} className="align-top">
              <Td className="whitespace-nowrap">
                <Name row={row} />
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs text-stone-700">{row.type}</Td>
              <Td className="whitespace-nowrap text-xs">
                <Required row={row} />
              </Td>
              <Td className="min-w-48 text-xs text-stone-700">
                <Constraints row={row} shared={shared} noteId={noteId} />
              </Td>
              <Td className="text-stone-700">
                {row.description && <Inline text={row.description} />}
              </Td>
            </tr>
          ))}
        </DataTable>
      </div>
      <ul
        aria-label={caption}
        className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white md:hidden"
      >
        {rows.map((row) => (
          <li key={row.parent + row.name} className="space-y-1.5 p-3 text-sm">
            <p className="break-all">
              <Name row={row} />
            </p>
            <p className="flex flex-wrap gap-x-3 text-xs">
              <span className="font-mono text-stone-700">{row.type}</span>
              <Required row={row} />
            </p>
            {row.description && (
              <p className="text-stone-700">
                <Inline text={row.description} />
              </p>
            )}
            <div className="text-xs text-stone-700">
              <Constraints row={row} shared={shared} noteId={noteId} />
            </div>
          </li>
        ))}
      </ul>
      {shared.length > 0 && (
        <ol className="space-y-1 text-xs text-stone-600">
          {shared.map((reason, n) => (
            <li key={reason} id={noteId(n)} className="scroll-mt-6">
              Note {n + 1}: refused with “{reason}”.
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
