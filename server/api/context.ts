import { getDb } from "@/db/runtime";
import { getSession } from "@/server/auth/session";
import type { Context } from "./trpc";

/** The request's context: the process's database and the session from the request cookies. */
export async function createContext(): Promise<Context> {
  const [db, session] = await Promise.all([getDb(), getSession()]);
  return { db, session };
}
