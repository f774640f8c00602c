import { expect, test } from "@playwright/test";
import { lotus, signInAs } from "./helpers";

test("an owner creates an API key, posts activity with it, and revokes it", async ({
  page,
  request,
}) => {
  await signInAs(page, lotus, "owner");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByText("No API keys yet.")).toBeVisible();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Give the key a name" })).toBeVisible();

  await page.getByLabel("Key name").fill("e2e sync");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^rk_/);

  const body = {
    activity: [
      {
        externalId: `e2e-${Date.now()}`,
        contactExternalId: "learner-00007",
        kind: "exercise_completed",
        occurredAt: new Date().toISOString(),
      },
      {
        externalId: "e2e-bad",
        contactExternalId: "learner-00007",
        kind: "nap",
        occurredAt: "yesterday",
      },
    ],
  };
  const headers = { authorization: `Bearer ${key}` };
  const first = await request.post("/api/v1/activity", { data: body, headers });
  expect(first.status()).toBe(200);
  const answer = await first.json();
  expect(answer.stored).toBe(1);
  expect(answer.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
    [1, "kind"],
    [1, "occurredAt"],
  ]);
  const again = await (await request.post("/api/v1/activity", { data: body, headers })).json();
  expect(again).toMatchObject({ stored: 0, duplicates: 1 });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke e2e sync" }).click();
  await expect(page.getByText("Revoked")).toBeVisible();
  const refused = await request.post("/api/v1/activity", { data: body, headers });
  expect(refused.status()).toBe(401);
});
