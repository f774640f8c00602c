import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

/** One event as posthog-node puts it on the wire. */
export type CapturedEvent = {
  event: string;
  distinct_id: string;
  uuid: string;
  timestamp: string;
  properties: Record<string, unknown>;
};

type Mode = "accept" | "fail" | "hang";

/**
 * A local PostHog: records every request's body (gunzipped) and answers `/batch/` with 200, 500
 * (`fail`) or never (`hang`, until the client gives up or the server closes).
 */
export async function startFakePostHog() {
  let mode: Mode = "accept";
  const requests: { path: string; body: string }[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ path: req.url ?? "", body });
      if (mode === "hang") return void hanging.add(res);
      res.writeHead(mode === "fail" ? 500 : 200, { "content-type": "application/json" });
      res.end(mode === "fail" ? '{"error":"down"}' : '{"status":1}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    requests,
    setMode: (m: Mode) => (mode = m),
    /** The events of every `/batch/` request, in the order they arrived. */
    events: (): CapturedEvent[] =>
      requests
        .filter((r) => r.path.startsWith("/batch"))
        .flatMap((r) => (JSON.parse(r.body) as { batch: CapturedEvent[] }).batch),
    /** Requests left unanswered so far. */
    hangingCount: () => hanging.size,
    /** Drops the unanswered requests' connections, as a server that died would. */
    releaseHanging: () => {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type FakePostHog = Awaited<ReturnType<typeof startFakePostHog>>;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
}
