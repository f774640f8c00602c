"use client";

import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { csvFileName, toCsv, type TableModel } from "./table-model";

/** Saves the table's CSV (with a BOM, so spreadsheets read ₫ and accents as UTF-8). */
function download(table: TableModel, range: { from: string; to: string }) {
  const blob = new Blob(["\uFEFF", toCsv(table)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = csvFileName(table.title, range);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DownloadCsv({
  table,
  range,
}: {
  table: TableModel;
  range: { from: string; to: string };
}) {
  const hydrated = useHydrated();
  return (
    <Button
      variant="secondary"
      className="px-2.5 py-1.5 text-xs"
      disabled={!hydrated}
      aria-label={`Download CSV: ${table.title}`}
      onClick={() => download(table, range)}
    >
      <svg viewBox="0 0 16 16" aria-hidden className="size-3.5" fill="currentColor">
        <path d="M7.25 1.75h1.5v6.69l2.22-2.22 1.06 1.06L8 11.31 3.97 7.28l1.06-1.06 2.22 2.22V1.75ZM2.5 12.5h11V14h-11v-1.5Z" />
      </svg>
      Download CSV
    </Button>
  );
}
