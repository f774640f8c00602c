import "server-only";
import { getDb } from "@/db/runtime";
import { getSession } from "@/server/auth/session";
import { env } from "@/server/env";
import { foreignOrigin } from "@/server/http/origin";
import type { Context } from "./trpc";

/**
 * The request's context: the process's database, the session from the request cookies and, for
 * an HTTP request, the foreign site that sent it if any.
 */
export async function createContext(request?: Request): Promise<Context> {
  const [db, session] = await Promise.all([getDb(), getSession()]);
  return { db, session, foreignOrigin: request ? foreignOrigin(request, env.NEXTAUTH_URL) : null };
}
