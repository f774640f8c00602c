/** A call of the integration API as an integrator makes it: JSON, the key as a bearer token. */
export function apiRequest(path: string, key: string | null, body: unknown): Request {
  return new Request(`http://rekindle.test${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
