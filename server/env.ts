import { z } from "zod";

// `next build`/`next start` run with NODE_ENV=production; `next dev` and tests do not.
const isProduction = process.env.NODE_ENV === "production";

const envSchema = z.object({
  /** Postgres server; when unset the app uses embedded PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** Signs session cookies and message links. Required in a production build. */
  NEXTAUTH_SECRET: isProduction
    ? z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters in production")
    : z.string().min(1).default("rekindle-development-secret-do-not-use-in-production"),
  /** Sends sign-in mail through Resend; without it mail lands in the Outbox. */
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Rekindle <sign-in@rekindle.local>"),
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
  /** Seed the demo workspaces into an empty embedded database on first start. */
  REKINDLE_DEMO_SEED: z.stringbool().default(!isProduction),
});

export type Env = z.infer<typeof envSchema>;

function readEnv(): Env {
  // Empty strings (e.g. `DATABASE_URL=` in a shell) mean "unset".
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = readEnv();
