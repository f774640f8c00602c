import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";
import type { MessageContent } from "@/server/content/message";
import { ProviderError, type OutgoingMessage } from "@/server/engine/channels/provider";

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

/** A JSON (or raw string) answer, or "hang" to never answer. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "hang";

/** A local stand-in for a provider's API on a free port, closed when the current test ends. */
export async function fakeServer(reply: (request: ReceivedRequest) => Reply) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      const answer = reply(request);
      if (answer === "hang") return;
      const text =
        typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? {});
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // a hanging request would keep close() waiting
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
}

/** Nothing listens there: connections are refused at once. */
export const CLOSED_PORT_URL = "http://127.0.0.1:1";

export function outgoing(content: MessageContent, recipient: string): OutgoingMessage {
  return {
    tenantId: "tenant-1",
    contactId: "contact-1",
    deliveryId: "delivery.1/a",
    channel: content.channel,
    stage: "streak_lost",
    attempt: 1,
    recipient,
    content,
  };
}

/** The kind and class a send failed with; fails the test when it did not throw a ProviderError. */
export async function failureOf(sending: Promise<unknown>) {
  const error = await sending.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProviderError))
    throw new Error(`expected a ProviderError, got ${String(error)}`);
  return { kind: error.kind, errorClass: error.errorClass, message: error.message };
}
