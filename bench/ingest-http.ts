// The activity API end to end over HTTP: a local server hands each request to the route's own
// handler (`runBatch` with `activityBatch(recordInline)`, the embedded engine's recorder), and
// clients post the events in batches of 1,000 with an API key, as integrations would.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pMap from "p-map";
import type { Db } from "@/db/client";
import { recordInline } from "@/server/activity/recorders";
import { createApiKey } from "@/server/api-keys/keys";
import { MAX_BATCH_ROWS, runBatch } from "@/server/http/batch-request";
import { activityBatch } from "@/server/http/endpoints";

const spec = activityBatch(recordInline);

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: Buffer.concat(chunks),
  });
}

/** A server on a free local port answering `POST /api/v1/activity` at the instant `now`. */
export async function startActivityServer(db: Db, now: Date) {
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const response = await runBatch(db, await toRequest(req, "http://127.0.0.1"), spec, now);
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  };
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/activity`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ActivityRow = {
  externalId: string;
  contactExternalId: string;
  kind: "exercise_completed";
  occurredAt: string;
  exerciseExternalId?: string;
};

/**
 * Posts the events in batches of 1,000, `clients` requests at a time (integrations sending
 * concurrently); throws unless every one is stored.
 */
export async function postActivity(
  db: Db,
  tenantId: string,
  url: string,
  rows: ActivityRow[],
  clients = 1,
) {
  const { key } = await createApiKey(db, { tenantId, name: "bench", createdBy: null });
  const batches = Array.from({ length: Math.ceil(rows.length / MAX_BATCH_ROWS) }, (_, i) =>
    rows.slice(i * MAX_BATCH_ROWS, (i + 1) * MAX_BATCH_ROWS),
  );
  const stored = await pMap(
    batches,
    async (batch, i) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ activity: batch }),
      });
      const body = (await response.json()) as { stored?: number; errors?: unknown[] };
      if (response.status !== 200 || body.errors?.length || body.stored !== batch.length) {
        throw new Error(
          `activity batch ${i}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`,
        );
      }
      return body.stored;
    },
    { concurrency: clients },
  );
  return stored.reduce((sum, n) => sum + n, 0);
}
