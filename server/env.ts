import { z } from "zod";
import { developmentSecret } from "./dev-secret";

// `next build`/`next start` run with NODE_ENV=production; `next dev` and tests do not.
const isProduction = process.env.NODE_ENV === "production";

/**
 * Demo mode (`REKINDLE_DEMO=1`, set by `npm run dev`): one-click sign-in into the sandbox demo
 * workspaces, their seed, and a generated secret, on the production server too. Off by default in
 * production, so a deployment never offers demo sign-in unless it is switched on at start.
 */
const demoMode = z
  .stringbool()
  .default(!isProduction)
  .parse(process.env.REKINDLE_DEMO || undefined);
// `next build` loads route modules to collect their configuration: secrets are for the server.
const building = process.env.NEXT_PHASE === "phase-production-build";
const strict = isProduction && !demoMode && !building;

const envSchema = z.object({
  /** Postgres server; when unset the app uses embedded PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /**
   * Signs session cookies and message links. Required in a production build; in development,
   * generated once per checkout (a secret written in the source would let anyone forge sessions).
   */
  NEXTAUTH_SECRET: strict
    ? z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters in production")
    : z
        .string()
        .min(1)
        .default(() => developmentSecret()),
  /** The app's public URL: sign-in links and every link in a message start with it. */
  NEXTAUTH_URL: strict ? z.url() : z.url().default(`http://localhost:${process.env.PORT || 3000}`),
  /** Sends sign-in mail through Resend; without it mail lands in the Outbox. */
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Rekindle <sign-in@rekindle.local>"),
  /** Signing secret (`whsec_…`) of Resend's delivery webhooks. */
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Another Resend-compatible API (tests, self-hosting). */
  RESEND_BASE_URL: z.url().optional(),
  /**
   * Sends SMS through Twilio: account SID and auth token (which also signs Twilio's webhooks),
   * plus a sender number or a Messaging Service. Without them SMS lands in the Outbox.
   */
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().min(1).optional(),
  /** Where Twilio posts delivery status updates. */
  TWILIO_STATUS_CALLBACK_URL: z.url().optional(),
  /** Another Twilio-compatible API (tests, self-hosting). */
  TWILIO_BASE_URL: z.url().optional(),
  /** Sends web push with these VAPID keys (`web-push generate-vapid-keys`) and contact URL. */
  VAPID_PUBLIC_KEY: z.string().min(1).optional(),
  VAPID_PRIVATE_KEY: z.string().min(1).optional(),
  /** A `mailto:` or `https:` URL push services can reach the sender at. */
  VAPID_SUBJECT: z.string().min(1).optional(),
  /** Sends Zalo messages as this Official Account. Without it Zalo lands in the Outbox. */
  ZALO_OA_ACCESS_TOKEN: z.string().min(1).optional(),
  /** Another Zalo-compatible API (tests, self-hosting). */
  ZALO_BASE_URL: z.url().optional(),
  /**
   * Product analytics: the PostHog project API key (`phc_…`). Without it nothing is sent to
   * PostHog and the admin pages load no PostHog script.
   */
  POSTHOG_KEY: z.string().min(1).optional(),
  /** The PostHog instance: US cloud by default, `https://eu.i.posthog.com` or a self-hosted one. */
  POSTHOG_HOST: z.url().optional(),
  /**
   * Which engine runs the reactivation steps: the in-process worker, or Inngest functions served
   * at /api/inngest. Defaults to inngest when Inngest keys or INNGEST_DEV are set.
   */
  WORKFLOW_ENGINE: z
    .enum(["embedded", "inngest"])
    .default(
      process.env.INNGEST_SIGNING_KEY || process.env.INNGEST_EVENT_KEY || process.env.INNGEST_DEV
        ? "inngest"
        : "embedded",
    ),
  /** How often the embedded engine looks for due work, in milliseconds. */
  ENGINE_TICK_MS: z.coerce.number().int().min(250).default(5_000),
  /**
   * Concurrent loops of the embedded engine, each planning and sending its own batches. Unset: 2
   * on a PostgreSQL server (a second loop overlaps one's SQL with the other's composing), 1 on
   * PGlite (it runs one statement at a time, so a second loop would only queue).
   */
  ENGINE_LOOPS: z.coerce.number().int().min(1).max(16).optional(),
  /** One-click demo sign-in (into sandbox workspaces only); see `demoMode` above. */
  REKINDLE_DEMO: z.stringbool().default(demoMode),
  /**
   * Seed the demo workspaces into an empty embedded database on first start: `full` (thousands of
   * contacts), `small` (tens, for the e2e tests) or `false`. `true` means `full`.
   */
  REKINDLE_DEMO_SEED: z
    .enum(["true", "false", "full", "small"])
    .default(demoMode ? "full" : "false")
    .transform((v) => (v === "true" ? "full" : v === "false" ? null : v)),
});

export type Env = z.infer<typeof envSchema>;

/** Settings that only make sense together. */
const checkedEnvSchema = envSchema.refine((e) => !e.POSTHOG_HOST || e.POSTHOG_KEY, {
  // A host alone would look configured and send nothing: say so instead.
  path: ["POSTHOG_KEY"],
  message: "is required when POSTHOG_HOST is set",
});

function readEnv(): Env {
  // Empty strings (e.g. `DATABASE_URL=` in a shell) mean "unset".
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = checkedEnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = readEnv();
