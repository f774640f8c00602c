import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/session";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext) {
  // next-auth 4 types its route handler loosely (`any`); it answers with a Response.
  return (await NextAuth(req as never, context as never, await getAuthOptions())) as Response;
}

export { handler as GET, handler as POST };
