import "server-only";
import { getServerSession, type AuthOptions } from "next-auth";
import { connection } from "next/server";
import { getDb } from "@/db/runtime";
import { buildAuthOptions, defaultAuthConfig } from "./options";

const globalForAuth = globalThis as unknown as { rekindleAuth?: Promise<AuthOptions> };

/** The app's next-auth options, built once per process around the one database. */
export function getAuthOptions(): Promise<AuthOptions> {
  globalForAuth.rekindleAuth ??= getDb().then((db) => buildAuthOptions(db, defaultAuthConfig(db)));
  return globalForAuth.rekindleAuth;
}

/** The request's session. Reading it makes the page dynamic before the database is touched. */
export async function getSession() {
  await connection();
  return getServerSession(await getAuthOptions());
}
