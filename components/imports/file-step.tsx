"use client";

import { Field, Input } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { importFields, type ImportTarget } from "@/server/imports/fields";

export const targetLabels: Record<ImportTarget, string> = {
  contacts: "Contacts",
  exercises: "Exercise catalog",
};

/** Step one: what the file holds, and the file. */
export function FileStep({
  targets,
  target,
  onTarget,
  onFile,
  reading,
  error,
}: {
  targets: ImportTarget[];
  target: ImportTarget;
  onTarget: (target: ImportTarget) => void;
  onFile: (file: File) => void;
  reading: boolean;
  error: string | null;
}) {
  const hydrated = useHydrated();
  const fields = importFields[target];
  return (
    <div className="space-y-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      {targets.length > 1 && (
        <fieldset>
          <legend className="mb-2 text-xs font-medium text-stone-600">The file holds</legend>
          <div className="flex flex-wrap gap-4">
            {targets.map((t) => (
              <label key={t} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="import-target"
                  value={t}
                  checked={target === t}
                  onChange={() => onTarget(t)}
                />
                {targetLabels[t]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Field
        label="CSV file"
        id="import-file"
        hint="UTF-8, with a header line; commas, semicolons or tabs between values. Large files are fine: they are read a piece at a time."
        error={error}
      >
        {(control) => (
          <Input
            {...control}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            disabled={!hydrated || reading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = "";
            }}
          />
        )}
      </Field>
      {reading && (
        <p role="status" className="text-sm text-stone-600">
          Reading the file…
        </p>
      )}
      <div className="text-sm text-stone-600">
        <p className="font-medium text-stone-800">Columns the import understands</p>
        <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {fields.map((f) => (
            <li key={f.key}>
              <span className="font-medium text-stone-800">{f.label}</span>
              {f.required && " (required)"}: {f.hint}
            </li>
          ))}
        </ul>
        <p className="mt-3">
          A row whose external id is already stored updates that{" "}
          {target === "contacts" ? "contact" : "exercise"}; an empty cell keeps the stored value.
          Each row is checked as the integration API checks it, and a bad row is reported with its
          line without stopping the others.
        </p>
      </div>
    </div>
  );
}
