import { serve } from "inngest/next";
import { getDb } from "@/db/runtime";
import { inngest } from "@/inngest/client";
import { engineFunctions } from "@/inngest";
import { outboxProvider } from "@/server/engine/channels/outbox-provider";

export const { GET, POST, PUT } = serve({
  client: inngest,
  functions: engineFunctions({ db: getDb, provider: outboxProvider, clock: () => new Date() }),
});
