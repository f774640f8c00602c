import Papa from "papaparse";
import { IMPORT_BATCH_ROWS, type ColumnMapping } from "./fields";
import { createRowReader, isBlankRecord, type ImportRow } from "./records";

/*
 * Reads a CSV file a piece at a time, in the browser (the import page) and in Node (the
 * benchmark), with papaparse's parser. Papa's own file streamer slices the file by bytes and
 * decodes each slice alone, which breaks a UTF-8 character cut by a slice boundary (a
 * Vietnamese name turns into "�"); here the file is decoded as one stream, and the parser is
 * fed its text, keeping the unfinished last record for the next piece. Only the current piece
 * and one batch of rows are in memory, and the next piece is read only after the caller has
 * handled the last batch: a 100,000-row file never sits in the page as 100,000 objects.
 */

type Newline = "\r\n" | "\n" | "\r";

/** How the file separates cells and lines, guessed from its beginning. */
type Dialect = { delimiter: string; newline: Newline };

/** The records of one piece, and the problems the parser found, by record position. */
type Records = { records: string[][]; problems: Map<number, string> };

export type CsvScan = {
  header: string[];
  /** The first data rows, for the preview. */
  sample: string[][];
  /** Data rows (blank lines excluded): the progress bar's total. */
  rows: number;
};

const SAMPLE_ROWS = 5;
const GUESS_CHARS = 16_384;
/** ~1,000 rows of a typical contacts export: a few milliseconds of parsing at a time. */
const PIECE_CHARS = 65_536;

const parseProblems: Record<string, string> = {
  MissingQuotes: "has a double quote that is never closed",
  InvalidQuotes:
    "has a double quote inside a quoted value that is not doubled (write two for one inside quotes)",
};

/**
 * The file's text, decoded as UTF-8 across piece boundaries, in pieces of at most PIECE_CHARS:
 * a browser may hand over a file held in memory as one chunk of megabytes, whose rows would
 * then be parsed, and held, all at once.
 */
async function* textPieces(file: Blob, signal?: AbortSignal): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      if (signal?.aborted) return;
      const { done, value } = await reader.read();
      if (done) return;
      for (let at = 0; at < value.length; at += PIECE_CHARS) {
        yield value.slice(at, at + PIECE_CHARS);
        // A task boundary between pieces: the page paints and answers clicks (cancel) meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function guessDialect(sample: string): Dialect {
  // Blank lines would count as one-cell rows and make every separator look inconsistent.
  const { meta } = Papa.parse(sample, { preview: 50, skipEmptyLines: true });
  const newline = (["\r\n", "\n", "\r"] as const).find((n) => n === meta.linebreak) ?? "\n";
  return { delimiter: meta.delimiter || ",", newline };
}

function parsePiece(text: string, dialect: Dialect, last: boolean) {
  // A fresh parser per piece: Papa's Parser keeps no state between calls but its options.
  const parser = new Papa.Parser({ ...dialect, quoteChar: '"' });
  const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
  const problems = new Map<number, string>();
  for (const error of result.errors) {
    if (error.row !== undefined && error.code in parseProblems)
      problems.set(error.row, parseProblems[error.code]!);
  }
  const rest = last ? "" : text.slice(result.meta.cursor);
  return { records: { records: result.data, problems }, rest };
}

/**
 * Calls `onRecords` with the complete records of each piece of the file, in order, and waits for
 * it before reading on. Stops early when `signal` aborts.
 */
async function forEachRecords(
  file: Blob,
  onRecords: (piece: Records) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<void> {
  let dialect: Dialect | null = null;
  // Text not parsed yet: the unfinished last record, or the beginning until the dialect is known.
  let rest = "";
  for await (const piece of textPieces(file, signal)) {
    rest += piece;
    if (!dialect) {
      // Guessed from enough text to hold a few rows, however small the first pieces are.
      if (rest.length < GUESS_CHARS) continue;
      rest = rest.replace(/^\uFEFF/, "");
      dialect = guessDialect(rest);
    }
    const parsed = parsePiece(rest, dialect, false);
    rest = parsed.rest;
    if (parsed.records.records.length > 0) await onRecords(parsed.records);
  }
  if (signal?.aborted || rest === "") return;
  if (!dialect) rest = rest.replace(/^\uFEFF/, "");
  await onRecords(parsePiece(rest, dialect ?? guessDialect(rest), true).records);
}

/** The header, the first rows and the number of rows: what the page shows before importing. */
export async function scanCsv(file: Blob): Promise<CsvScan> {
  let header: string[] | null = null;
  const sample: string[][] = [];
  let rows = 0;
  await forEachRecords(file, ({ records }) => {
    for (const record of records) {
      if (!header) header = record.map((cell) => cell.trim());
      else if (!isBlankRecord(record)) {
        rows++;
        if (sample.length < SAMPLE_ROWS) sample.push(record);
      }
    }
  });
  return { header: header ?? [], sample, rows };
}

/**
 * Sends the file's rows to `onBatch` in batches of `batchSize` (the last one smaller), one at a
 * time: the next batch is read only after `onBatch` resolved. Returns the number of rows sent.
 */
export async function streamRows(
  file: Blob,
  mapping: ColumnMapping,
  onBatch: (rows: ImportRow[]) => Promise<void>,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const { batchSize = IMPORT_BATCH_ROWS, signal } = options;
  const reader = createRowReader(mapping);
  let batch: ImportRow[] = [];
  let sent = 0;
  const flush = async () => {
    if (batch.length === 0 || signal?.aborted) return;
    const rows = batch;
    batch = [];
    await onBatch(rows);
    sent += rows.length;
  };
  await forEachRecords(
    file,
    async ({ records, problems }) => {
      for (let i = 0; i < records.length && !signal?.aborted; i++) {
        const row = reader.read(records[i]!, problems.get(i));
        if (row) batch.push(row);
        if (batch.length >= batchSize) await flush();
      }
    },
    signal,
  );
  await flush();
  return sent;
}
