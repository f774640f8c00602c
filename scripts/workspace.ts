// `npm run workspace -- <command>`: the operator's tasks on this server's database (stop
// `npm run dev` first when the database is embedded: PGlite serves one process).
//   create --slug acme --name "Acme HVAC" --kind home_services --time-zone America/Chicago \
//          --owner owner@acme.example [--sender-name … --sender-email … --postal-address …]
//   entitle <slug> dormant_customer_reactivation [--expires 2027-12-31] [--source "plan: growth"]
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { envDbTarget } from "@/db/env-target";
import { migrateDatabase } from "@/db/migrate";
import { tenants } from "@/db/schema";
import { isModuleCode, moduleCodes } from "@/server/modules/catalog";
import { grantEntitlement } from "@/server/modules/entitle";
import { createWorkspace } from "@/server/workspaces/create";

const [command, ...rest] = process.argv.slice(2);
const handle = await openDatabase(envDbTarget());
try {
  await migrateDatabase(handle);
  if (command === "create") await create(rest);
  else if (command === "entitle") await entitle(rest);
  else
    throw new Error(
      "Commands: create, entitle (see the comment at the top of scripts/workspace.ts)",
    );
} catch (error) {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}

async function create(args: string[]) {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(
      [
        "slug",
        "name",
        "kind",
        "time-zone",
        "owner",
        "sender-name",
        "sender-email",
        "postal-address",
      ].map((o) => [o, { type: "string" as const }]),
    ),
  });
  const created = await createWorkspace(handle.db, {
    slug: values.slug as string,
    name: values.name as string,
    kind: values.kind as "home_services",
    timeZone: values["time-zone"] as string,
    ownerEmail: values.owner as string,
    senderName: values["sender-name"],
    senderEmail: values["sender-email"],
    postalAddress: values["postal-address"],
  });
  console.log(
    `Created ${created.slug}; ${created.ownerEmail} is its owner and signs in with a link sent to that address. ` +
      "The module is inactive: entitle it, then activate it on the Activation page.",
  );
}

async function entitle(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { expires: { type: "string" }, source: { type: "string" } },
  });
  const [slug, code] = positionals;
  if (!code || !isModuleCode(code))
    throw new Error(`module: must be one of ${moduleCodes.join(", ")}`);
  const [tenant] = await handle.db
    .select()
    .from(tenants)
    .where(eq(tenants.slug, slug ?? ""));
  if (!tenant) throw new Error(`slug: no workspace ${slug ?? "(none given)"}`);
  const expiresAt = values.expires
    ? z.iso.date("expires: must be a date such as 2027-12-31").parse(values.expires)
    : null;
  await grantEntitlement(handle.db, {
    tenantId: tenant.id,
    code,
    source: values.source ?? "granted by the operator",
    expiresAt: expiresAt ? new Date(`${expiresAt}T00:00:00Z`) : null,
    now: new Date(),
  });
  console.log(`${slug} is entitled to ${code}${expiresAt ? ` until ${expiresAt}` : ""}.`);
}
