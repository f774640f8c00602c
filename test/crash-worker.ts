// A worker that dies on purpose, for the crash-safety test: claims due deliveries, and is killed
// (SIGKILL, no cleanup) either right after the claim or right after the provider accepted a message.
import { openDatabase } from "@/db/client";
import { outboxProvider } from "@/server/engine/channels/outbox-provider";
import { dispatchDue } from "@/server/engine/steps/dispatch";
import { send } from "@/server/engine/steps/send";

const [url, mode, nowIso] = process.argv.slice(2) as [
  string,
  "after-claim" | "after-provider",
  string,
];
const now = new Date(nowIso);
const { db } = await openDatabase({ url });
const claimed = await dispatchDue(db, now);
if (mode === "after-claim") process.kill(process.pid, "SIGKILL");
const outbox = outboxProvider(db);
const dying = {
  send: async (...args: Parameters<typeof outbox.send>) => {
    await outbox.send(...args);
    process.kill(process.pid, "SIGKILL");
    return new Promise<never>(() => {});
  },
};
for (const { id } of claimed) await send(db, dying, id, now);
