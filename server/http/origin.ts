/**
 * The `Origin` of a request that comes from another site's page, or null. A page of the app itself
 * has the origin of `appUrl` (NEXTAUTH_URL) or, behind a proxy or under another name, the host the
 * request was sent to, which a browser sets and another site cannot. A request without `Origin`
 * is not from a browser page (browsers send it with every POST), so it carries no one's cookies
 * by surprise; `Origin: null` (a sandboxed or file page) is foreign.
 */
export function foreignOrigin(request: Request, appUrl: string): string | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("host") ?? new URL(request.url).host;
  try {
    const from = new URL(origin);
    if (from.origin === new URL(appUrl).origin || from.host === host) return null;
  } catch {
    // Not a URL ("null"): foreign.
  }
  return origin;
}
