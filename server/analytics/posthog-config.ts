import type { Env } from "@/server/env";

export type PostHogConfig = { key: string; host: string };

/** PostHog's US cloud, posthog-node's and posthog-js's own default. */
export const DEFAULT_POSTHOG_HOST = "https://us.i.posthog.com";

/** The PostHog project to send analytics to, or null: without `POSTHOG_KEY` nothing is sent. */
export function posthogConfig(
  env: Pick<Env, "POSTHOG_KEY" | "POSTHOG_HOST">,
): PostHogConfig | null {
  if (!env.POSTHOG_KEY) return null;
  return { key: env.POSTHOG_KEY, host: env.POSTHOG_HOST ?? DEFAULT_POSTHOG_HOST };
}
