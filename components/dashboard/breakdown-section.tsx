import type { GroupRow } from "@/server/metrics/dashboard-schema";
import type { ReactNode } from "react";
import { BreakdownChart } from "./breakdown-chart";
import { groupTable } from "./group-table";
import { Section } from "./section";
import { TablePanel } from "./table-panel";
import type { Column } from "./table-model";

/** One breakdown (stage, channel or cohort): its rates as bars, beside the table. */
export function BreakdownSection({
  id,
  title,
  first,
  description,
  rows,
  range,
  empty,
}: {
  id: string;
  title: string;
  /** The group's column: its label and definition. */
  first: Column;
  description?: ReactNode;
  rows: GroupRow[];
  range: { from: string; to: string };
  empty: string;
}) {
  const table = groupTable(`Reactivations ${title.toLowerCase()}`, first, rows);
  return (
    <Section id={id} title={title} definition={first.definition} description={description}>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
          {empty}
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <BreakdownChart title={`Reactivation rate by ${first.label.toLowerCase()}`} rows={rows} />
          <TablePanel table={table} range={range} />
        </div>
      )}
    </Section>
  );
}
