"use client";

import { useState } from "react";
import { toast } from "sonner";
import {
  mappingProblems,
  autoMap,
  type ColumnMapping,
  type ImportTarget,
} from "@/server/imports/fields";
import { scanCsv, type CsvScan } from "@/server/imports/read-csv";
import { ColumnMappingForm } from "./column-mapping";
import { FileStep } from "./file-step";
import { ImportProgress } from "./import-progress";
import { ImportSummary } from "./import-summary";
import { useImportRun } from "./use-import-run";

type Prepared = { file: File; target: ImportTarget; scan: CsvScan; mapping: ColumnMapping };

const rowsWord = (n: number) => `${n.toLocaleString()} ${n === 1 ? "row" : "rows"}`;

/**
 * The import page: pick a file → check the columns on a preview → import, with progress and
 * cancel → a summary with every rejected row. The file is read in the browser and only its
 * mapped cells are sent, a batch at a time.
 */
export function ImportWizard({ targets }: { targets: ImportTarget[] }) {
  const [target, setTarget] = useState<ImportTarget>(targets[0] ?? "contacts");
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const importRun = useImportRun();
  const { state } = importRun;

  async function choose(file: File) {
    setFileError(null);
    setReading(true);
    try {
      const scan = await scanCsv(file);
      if (scan.header.length === 0 || scan.rows === 0) {
        setFileError("The file has no rows under its header line.");
        return;
      }
      setPrepared({ file, target, scan, mapping: autoMap(target, scan.header) });
    } catch (error) {
      setFileError(`The file could not be read: ${(error as Error).message}`);
    } finally {
      setReading(false);
    }
  }

  async function start(p: Prepared) {
    const status = await importRun.run({
      file: p.file,
      target: p.target,
      mapping: p.mapping,
      total: p.scan.rows,
    });
    if (status === "completed") toast.success(`Import of ${p.file.name} finished.`);
    else if (status === "failed") toast.error(`Import of ${p.file.name} stopped on an error.`);
  }

  function again() {
    importRun.reset();
    setPrepared(null);
  }

  if (state && (state.status === "running" || state.status === "canceling"))
    return <ImportProgress state={state} onCancel={importRun.cancel} />;
  if (state)
    return <ImportSummary state={state} errors={importRun.errors.current} onAgain={again} />;
  if (prepared) {
    const problems = mappingProblems(prepared.target, prepared.mapping);
    return (
      <ColumnMappingForm
        fileName={prepared.file.name}
        target={prepared.target}
        scan={prepared.scan}
        mapping={prepared.mapping}
        problems={problems}
        onChange={(mapping) => setPrepared({ ...prepared, mapping })}
        onBack={() => setPrepared(null)}
        onStart={() => void start(prepared)}
        startLabel={`Import ${rowsWord(prepared.scan.rows)}`}
      />
    );
  }
  return (
    <FileStep
      targets={targets}
      target={target}
      onTarget={setTarget}
      onFile={(file) => void choose(file)}
      reading={reading}
      error={fileError}
    />
  );
}
