import { serve } from "inngest/next";
import { getDb } from "@/db/runtime";
import { inngest } from "@/inngest/client";
import { engineFunctions } from "@/inngest";
import { providerFromEnv } from "@/server/engine/channels/from-env";
import { env } from "@/server/env";

export const { GET, POST, PUT } = serve({
  client: inngest,
  functions: engineFunctions({
    db: getDb,
    provider: (db) => providerFromEnv(db, env),
    clock: () => new Date(),
  }),
});
