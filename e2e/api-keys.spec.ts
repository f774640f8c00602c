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

test("an owner makes a key with only the activity scope and 30 days: the contacts API refuses it", async ({
  page,
}) => {
  await signInAs(page, lotus, "owner");
  await page.getByRole("link", { name: "API keys" }).click();
  const name = `e2e activity only ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  const scopes = page.getByRole("group", { name: "Scopes: what the key may call" });
  // The integration API's four scopes are checked by default, the others not.
  for (const scope of ["contacts", "activity", "exercises", "push_subscriptions"])
    await expect(scopes.getByRole("checkbox", { name: scope, exact: true })).toBeChecked();
  for (const scope of ["activation", "mcp:read", "mcp:write"])
    await expect(scopes.getByRole("checkbox", { name: scope, exact: true })).not.toBeChecked();
  await expect(
    scopes.getByRole("checkbox", { name: "contacts", exact: true }),
  ).toHaveAccessibleDescription("POST /api/v1/contacts: upsert contacts");
  for (const scope of ["contacts", "exercises", "push_subscriptions"])
    await scopes.getByRole("checkbox", { name: scope, exact: true }).uncheck();
  await page.getByLabel("Expires", { exact: true }).selectOption("In 30 days");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^rk_/);

  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  const cells = row.getByRole("cell");
  await expect(cells.nth(1)).toHaveText("Analyst");
  await expect(cells.nth(2)).toHaveText("activity");
  const in30Days = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" }).format(
    new Date(Date.now() + 30 * 86_400_000),
  );
  await expect(cells.nth(3)).toContainText(in30Days);
  await expect(cells.nth(3)).not.toContainText("Expired");

  const headers = { authorization: `Bearer ${key}` };
  const refused = await page.request.post("/api/v1/contacts", {
    headers,
    data: { contacts: [{ externalId: `e2e-scoped-${Date.now()}`, name: "Scoped Out" }] },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain("lacks the `contacts` scope");

  const posted = await page.request.post("/api/v1/activity", {
    headers,
    data: {
      activity: [
        {
          externalId: `e2e-scoped-${Date.now()}`,
          contactExternalId: "learner-00007",
          kind: "exercise_completed",
          occurredAt: new Date().toISOString(),
        },
      ],
    },
  });
  expect(posted.status()).toBe(200);
  expect((await posted.json()).stored).toBe(1);
  await page.reload();
  await expect(cells.nth(4)).not.toHaveText("—");
});
