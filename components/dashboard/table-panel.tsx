import { DownloadCsv } from "./download-csv";
import type { TableModel } from "./table-model";
import { TableView } from "./table-view";

/** A table with its title and "Download CSV" button; the CSV is built from the same cells. */
export function TablePanel({
  table,
  range,
  empty = "Nothing in this range.",
}: {
  table: TableModel;
  range: { from: string; to: string };
  empty?: string;
}) {
  return (
    <div className="min-w-0" data-testid="table-panel">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-stone-700">{table.title}</h3>
        <DownloadCsv table={table} range={range} />
      </div>
      <TableView table={table} empty={empty} />
    </div>
  );
}
