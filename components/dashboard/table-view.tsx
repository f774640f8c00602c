import { Defined, DefinitionTip } from "./definition-tip";
import type { Cell, Row, TableModel } from "./table-model";

/** The first column stays in view while a wide table scrolls sideways (on a phone). */
const firstColumn = "sticky left-0 z-[1] min-w-28";

/**
 * A dashboard table: exactly the model's cells (the CSV holds the same), a definition in each
 * header's tooltip, provisional rows lighter. Wider than the screen, it scrolls in its box.
 */
export function TableView({ table, empty }: { table: TableModel; empty: string }) {
  return (
    <div
      role="region"
      aria-label={table.title}
      tabIndex={0}
      className="scroll-shadows relative overflow-x-auto rounded-lg border border-stone-200"
    >
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        <caption className="sr-only">{table.title}</caption>
        <thead className="bg-stone-50 text-left text-xs font-semibold tracking-wide text-stone-600 uppercase">
          <tr>
            {table.columns.map((c, i) => (
              <th
                key={c.label}
                scope="col"
                className={`px-2.5 py-2.5 align-bottom ${i === 0 ? `${firstColumn} bg-stone-50` : ""} ${c.numeric ? "text-right" : ""} ${c.wide ? "min-w-52" : ""}`}
              >
                <Defined label={c.label} definition={c.definition} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="px-3 py-6 text-center text-stone-500">
                {empty}
              </td>
            </tr>
          ) : (
            table.rows.map((row, i) => (
              <TableRow
                key={row.key}
                row={row}
                table={table}
                startsGroup={
                  i > 0 && row.group !== undefined && row.group !== table.rows[i - 1]!.group
                }
              />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function TableRow({
  row,
  table,
  startsGroup,
}: {
  row: Row;
  table: TableModel;
  startsGroup: boolean;
}) {
  const look = row.provisional ? "bg-stone-50/60 text-stone-600" : "text-stone-800";
  const stuck = `${firstColumn} ${row.provisional ? "bg-stone-50" : "bg-white"}`;
  return (
    <tr
      data-provisional={row.provisional || undefined}
      className={`${look} ${startsGroup ? "border-t-2 border-t-stone-300" : ""}`}
    >
      {row.cells.map((cell, i) => {
        const column = table.columns[i];
        const Tag = i === 0 ? "th" : "td";
        return (
          <Tag
            key={column?.label ?? i}
            scope={i === 0 ? "row" : undefined}
            className={`px-2.5 py-2.5 align-top ${i === 0 ? `${stuck} text-left font-medium` : ""} ${
              column?.numeric ? "text-right whitespace-nowrap tabular-nums" : ""
            }`}
          >
            {i === 0 && row.definition ? (
              <span className="inline-flex items-center gap-1.5">
                <CellText cell={cell} />
                <DefinitionTip term={String(cell)} definition={row.definition} />
              </span>
            ) : (
              <CellText cell={cell} />
            )}
          </Tag>
        );
      })}
    </tr>
  );
}

function CellText({ cell }: { cell: Cell }) {
  if (!Array.isArray(cell)) return <>{cell}</>;
  if (cell.length === 1) return <>{cell[0]}</>;
  return (
    <>
      {cell.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </>
  );
}
