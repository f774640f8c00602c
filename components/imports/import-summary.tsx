"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable, Td } from "@/components/ui/data-table";
import { errorReportCsv, type ReportedError } from "@/server/imports/error-report";
import type { RunState } from "./use-import-run";

/** Rows of the error list shown on the page; the download has them all. */
const SHOWN = 200;

const titles: Record<RunState["status"], string> = {
  running: "Importing",
  canceling: "Importing",
  completed: "Import finished",
  canceled: "Import canceled",
  failed: "Import stopped",
};

function download(fileName: string, errors: ReportedError[]) {
  const blob = new Blob([errorReportCsv(errors)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileName.replace(/\.[^.]*$/, "")}-errors.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Step four: what was stored, and every rejected row with its line and reasons. */
export function ImportSummary({
  state,
  errors,
  onAgain,
}: {
  state: RunState;
  errors: ReportedError[];
  onAgain: () => void;
}) {
  const stored = state.created + state.updated;
  const n = (count: number) => count.toLocaleString();
  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold">{titles[state.status]}</h2>
        <p data-testid="import-summary" className="text-sm break-words text-stone-700">
          {n(stored)} of {n(state.done)} rows of {state.fileName} stored ({n(state.created)} new,{" "}
          {n(state.updated)} updated); {n(state.rejected)} rejected.
          {state.status !== "completed" &&
            ` ${n(state.total - state.done)} rows of the file were not sent.`}
        </p>
        {state.failure && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.failure} Rows sent before are stored; importing the file again is safe (rows are
            matched by external id).
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          {errors.length > 0 && (
            <Button onClick={() => download(state.fileName, errors)}>Download errors (CSV)</Button>
          )}
          <Button variant="secondary" onClick={onAgain}>
            Import another file
          </Button>
          <Link
            href="/contacts"
            className="inline-flex items-center px-1 py-2 text-sm font-medium text-brand-700 underline"
          >
            Back to contacts
          </Link>
        </div>
      </section>
      {errors.length > 0 && (
        <section>
          <h2 className="mb-2 text-base font-semibold">Rejected rows</h2>
          <DataTable
            caption="Rejected rows"
            columns={[{ label: "Line" }, { label: "Field" }, { label: "Reason" }]}
          >
            {errors.slice(0, SHOWN).map((e, i) => (
              <tr key={i}>
                <Td className="font-mono text-xs whitespace-nowrap">Line {e.line}</Td>
                <Td className="font-mono text-xs break-all">{e.field}</Td>
                <Td>{e.reason}</Td>
              </tr>
            ))}
          </DataTable>
          {errors.length > SHOWN && (
            <p className="mt-2 text-sm text-stone-600">
              The first {n(SHOWN)} of {n(errors.length)} errors; the download has them all.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
