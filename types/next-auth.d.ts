import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId?: string;
    /** The tenant the user is working in; chosen at sign-in, checked against memberships. */
    tenantId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    tenantId?: string;
  }
}
