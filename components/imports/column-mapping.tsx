"use client";

import { Button } from "@/components/ui/button";
import { DataTable, Td } from "@/components/ui/data-table";
import { Field, Select } from "@/components/ui/field";
import { importFields, type ColumnMapping, type ImportTarget } from "@/server/imports/fields";
import type { CsvScan } from "@/server/imports/read-csv";
import { targetLabels } from "./file-step";

const IGNORE = "";

/** Step two: each column's field, checked on the file's first rows. */
export function ColumnMappingForm({
  fileName,
  target,
  scan,
  mapping,
  problems,
  onChange,
  onBack,
  onStart,
  startLabel,
}: {
  fileName: string;
  target: ImportTarget;
  scan: CsvScan;
  mapping: ColumnMapping;
  problems: string[];
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onStart: () => void;
  startLabel: string;
}) {
  const fields = importFields[target];
  const labelOf = (key: string | null) =>
    fields.find((f) => f.key === key)?.label ?? "Not imported";
  const sampleOf = (column: number) =>
    scan.sample
      .map((row) => row[column]?.trim() ?? "")
      .filter((cell) => cell !== "")
      .slice(0, 3);

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold">Match the columns</h2>
        <p className="mt-1 text-sm break-words text-stone-600">
          {targetLabels[target]} from <span className="font-medium">{fileName}</span>:{" "}
          {scan.rows.toLocaleString()} rows, {scan.header.length} columns. Columns named like a
          field are matched already; a column left on “Not imported” is skipped.
        </p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {scan.header.map((header, column) => {
            const sample = sampleOf(column);
            return (
              <Field
                key={column}
                id={`map-${column}`}
                label={`Column “${header || `#${column + 1}`}”`}
                hint={sample.length ? `e.g. ${sample.join(" · ")}` : "empty in the first rows"}
              >
                {(control) => (
                  <Select
                    {...control}
                    value={mapping[column] ?? IGNORE}
                    onChange={(e) =>
                      onChange(mapping.map((m, i) => (i === column ? e.target.value || null : m)))
                    }
                  >
                    <option value={IGNORE}>Not imported</option>
                    {fields.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.label}
                        {f.required ? " (required)" : ""}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            );
          })}
        </div>
        {problems.length > 0 && (
          <ul
            aria-label="Before importing"
            className="mt-4 list-inside list-disc rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="mt-6 flex flex-wrap gap-3">
          <Button onClick={onStart} disabled={problems.length > 0}>
            {startLabel}
          </Button>
          <Button variant="secondary" onClick={onBack}>
            Choose another file
          </Button>
        </div>
      </section>
      <section>
        <h2 className="mb-2 text-base font-semibold">The first rows, as they will be read</h2>
        <DataTable
          caption="Preview of the file's first rows"
          columns={[
            { label: "Line" },
            ...scan.header.map((header, column) => ({
              label: `${header || `#${column + 1}`} → ${labelOf(mapping[column] ?? null)}`,
            })),
          ]}
        >
          {scan.sample.map((row, i) => (
            <tr key={i}>
              <Td className="text-stone-500">{i + 2}</Td>
              {scan.header.map((_, column) => (
                <Td
                  key={column}
                  className={`max-w-48 truncate ${mapping[column] ? "" : "text-stone-400"}`}
                >
                  {row[column] ?? ""}
                </Td>
              ))}
            </tr>
          ))}
        </DataTable>
        <p className="mt-2 text-xs text-stone-500">
          Line numbers here assume one line per row; the import counts each row&apos;s real line.
        </p>
      </section>
    </div>
  );
}
