import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

// The production server's proxy counts each API key: the 101st request in a minute is refused.
test("the 101st API request of a key in a window gets 429 with Retry-After", async ({
  request,
}) => {
  const key = `rk_${randomUUID()}`;
  const post = () =>
    request.post("/api/v1/activity", {
      headers: { authorization: `Bearer ${key}` },
      data: { activity: [] },
    });
  for (let i = 0; i < 100; i++) {
    const answer = await post();
    // Counted before the key is checked: an unknown key is refused, and counted all the same.
    expect(answer.status()).toBe(401);
  }
  const refused = await post();
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((await refused.json()).error.code).toBe("rate_limited");
});
