import type { FullConfig } from "@playwright/test";

// `next dev` compiles each route on its first request; on a cold machine that takes longer than
// an assertion waits. Requesting every route once first keeps the tests about behaviour.
const routes = [
  "/signin",
  "/api/auth/providers",
  "/api/auth/csrf",
  "/contacts",
  "/settings",
  "/api-keys",
  "/contacts/00000000-0000-4000-8000-000000000000",
  "/outbox",
  "/templates",
  "/templates/new?stage=twelve_months&channel=sms",
  "/templates/00000000-0000-4000-8000-000000000000",
  "/p/x",
  "/r/x",
  "/links/invalid",
  "/api/trpc/me.get",
  "/api/v1/contacts",
];

export default async function warmUp(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  for (const route of routes) {
    await fetch(new URL(route, baseURL), { redirect: "manual" }).catch(() => undefined);
  }
}
