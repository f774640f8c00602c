import { describe, expect, it } from "vitest";
import type { ImportRow } from "./records";
import { scanCsv, streamRows } from "./read-csv";

/** A file whose stream hands out the given byte pieces, as a browser's File stream does. */
function fileOf(pieces: Uint8Array[]): Blob {
  return {
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const piece of pieces) controller.enqueue(piece);
          controller.close();
        },
      }),
  } as Blob;
}

/** The bytes of `text` cut into pieces of `size` bytes, wherever that falls in a character. */
function bytePieces(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.slice(i, i + size));
  return pieces;
}

async function allRows(file: Blob, mapping: (string | null)[], batchSize = 2) {
  const batches: ImportRow[][] = [];
  await streamRows(file, mapping, async (rows) => void batches.push(rows), { batchSize });
  return batches;
}

describe("scanCsv", () => {
  it("reads the header, a sample and the row count, skipping blank lines and a BOM", async () => {
    const csv = "\uFEFFid,name\n1,a\n\n2,b\n3,c\n4,d\n5,e\n6,f\n";
    expect(await scanCsv(new Blob([csv]))).toEqual({
      header: ["id", "name"],
      sample: [
        ["1", "a"],
        ["2", "b"],
        ["3", "c"],
        ["4", "d"],
        ["5", "e"],
      ],
      rows: 6,
    });
  });

  it("guesses a semicolon or tab separator", async () => {
    expect((await scanCsv(new Blob(["id;name\n1;a;\n"]))).header).toEqual(["id", "name"]);
    expect((await scanCsv(new Blob(["id\tname\n1\ta\n"]))).header).toEqual(["id", "name"]);
  });
});

describe("streamRows", () => {
  it("keeps a UTF-8 character cut between two pieces of the file whole", async () => {
    const csv = "externalId,name\nv1,Phan Diễm Hương\nv2,Nguyễn Thị Ánh\n";
    for (const size of [1, 2, 3, 5, 7]) {
      const batches = await allRows(fileOf(bytePieces(csv, size)), ["externalId", "name"]);
      expect(batches.flat().map((r) => r.values.name)).toEqual([
        "Phan Diễm Hương",
        "Nguyễn Thị Ánh",
      ]);
    }
  });

  it("joins a quoted value split between pieces and numbers lines through it", async () => {
    const csv = 'externalId,name\n"a","x,\ny"\nb,z';
    const batches = await allRows(fileOf(bytePieces(csv, 4)), ["externalId", "name"]);
    expect(batches.flat()).toEqual([
      { line: 2, values: { externalId: "a", name: "x,\ny" } },
      { line: 4, values: { externalId: "b", name: "z" } },
    ]);
  });

  it("sends full batches in order, the last one smaller", async () => {
    const csv = ["externalId", ...Array.from({ length: 5 }, (_, i) => `r${i}`)].join("\n");
    const batches = await allRows(new Blob([csv]), ["externalId"]);
    expect(batches.map((b) => b.map((r) => r.line))).toEqual([[2, 3], [4, 5], [6]]);
  });

  it("reads no further while a batch is being sent", async () => {
    const csv = ["externalId", ...Array.from({ length: 20_000 }, (_, i) => `r${i}`)].join("\n");
    const bytes = bytePieces(csv, 1_000);
    let pulled = 0;
    const file = {
      stream: () =>
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              if (pulled === bytes.length) controller.close();
              else controller.enqueue(bytes[pulled++]);
            },
          },
          { highWaterMark: 0 },
        ),
    } as Blob;
    const pulledAtBatch: number[] = [];
    await streamRows(
      file,
      ["externalId"],
      async () => {
        pulledAtBatch.push(pulled);
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
      { batchSize: 1_000 },
    );
    // ~6.5 bytes a row over 129 pieces of 1,000 bytes: each batch of 1,000 rows is sent once
    // at most 7 more pieces were read (the first after the 16 KB the separator is guessed from).
    expect(bytes.length).toBe(129);
    expect(pulledAtBatch).toHaveLength(20);
    expect(pulledAtBatch[0]).toBeLessThanOrEqual(18);
    for (let i = 1; i < pulledAtBatch.length; i++)
      expect(pulledAtBatch[i]! - pulledAtBatch[i - 1]!).toBeLessThanOrEqual(8);
  });

  it("gives the page turns while it reads a file handed over as one chunk of megabytes", async () => {
    const csv = ["externalId", ...Array.from({ length: 100_000 }, (_, i) => `r${i}`)].join("\n");
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    let rows = 0;
    await streamRows(fileOf([new TextEncoder().encode(csv)]), ["externalId"], async (batch) => {
      rows += batch.length;
    });
    clearInterval(timer);
    expect(rows).toBe(100_000);
    // ~790 KB in pieces of 64 K characters: a turn between each.
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it("stops reading when the signal aborts", async () => {
    const csv = ["externalId", ...Array.from({ length: 10 }, (_, i) => `r${i}`)].join("\n");
    const controller = new AbortController();
    const seen: number[] = [];
    const sent = await streamRows(
      new Blob([csv]),
      ["externalId"],
      async (rows) => {
        seen.push(...rows.map((r) => r.line));
        controller.abort();
      },
      { batchSize: 3, signal: controller.signal },
    );
    expect(seen).toEqual([2, 3, 4]);
    expect(sent).toBe(3);
  });

  it("reports an unterminated quote on the row where it opens", async () => {
    const csv = 'externalId,name\na,ok\nb,"never closed\nc,lost';
    const rows = (await allRows(new Blob([csv]), ["externalId", "name"])).flat();
    expect(rows[0]).toEqual({ line: 2, values: { externalId: "a", name: "ok" } });
    expect(rows[1]).toMatchObject({
      line: 3,
      problem: { field: "(row)", reason: "has a double quote that is never closed" },
    });
    expect(rows).toHaveLength(2);
  });
});
