import "server-only";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { contactsRouter } from "./routers/contacts";
import { dashboardRouter } from "./routers/dashboard";
import { importsRouter } from "./routers/imports";
import { meRouter } from "./routers/me";
import { modulesRouter } from "./routers/modules";
import { outboxRouter } from "./routers/outbox";
import { settingsRouter } from "./routers/settings";
import { teamRouter } from "./routers/team";
import { templatesRouter } from "./routers/templates";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  contacts: contactsRouter,
  settings: settingsRouter,
  apiKeys: apiKeysRouter,
  outbox: outboxRouter,
  templates: templatesRouter,
  audit: auditRouter,
  imports: importsRouter,
  team: teamRouter,
  dashboard: dashboardRouter,
  modules: modulesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
