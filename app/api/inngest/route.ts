import { serve, type RequestHandler } from "inngest/next";
import { getDb } from "@/db/runtime";
import { inngest } from "@/inngest/client";
import { engineFunctions } from "@/inngest";
import { providerFromEnv } from "@/server/engine/channels/from-env";
import { env } from "@/server/env";
import { analyticsFromEnv } from "@/server/analytics/from-env";

/**
 * With the embedded engine the app's own worker runs the steps and nothing here may: every method
 * says so, and how to switch, instead of the SDK's 500 for a missing Inngest configuration.
 */
const embedded: RequestHandler = async () =>
  Response.json(
    {
      error: "not_configured",
      message:
        "The workflow engine is embedded: the app runs the reactivation steps itself and serves " +
        "no Inngest functions. To run them on Inngest, set WORKFLOW_ENGINE=inngest with " +
        "INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY (or INNGEST_DEV=1 for the Inngest Dev Server).",
    },
    { status: 404 },
  );

export const { GET, POST, PUT } =
  env.WORKFLOW_ENGINE === "inngest"
    ? serve({
        client: inngest,
        functions: engineFunctions({
          db: getDb,
          provider: (db) => providerFromEnv(db, env),
          clock: () => new Date(),
          analytics: analyticsFromEnv(env),
        }),
      })
    : { GET: embedded, POST: embedded, PUT: embedded };
