import { expect, test, type APIRequestContext } from "@playwright/test";
import { lotus, signInAs } from "./helpers";

/** A tRPC query or mutation with the signed-in page's cookies (superjson's envelope). */
async function trpc(request: APIRequestContext, path: string, input?: unknown) {
  const response = input
    ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
    : await request.get(`/api/trpc/${path}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()).result.data.json;
}

test("an owner reads the audit log: a settings save's diff and what it did, filters in the URL", async ({
  page,
}) => {
  await signInAs(page, lotus, "owner");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByTestId("times-zone")).toHaveText(
    "Times in Asia/Ho_Chi_Minh, the workspace's time zone.",
  );

  // An owner saves the settings (the fresh window one day longer), as the Settings page does.
  const current = await trpc(page.request, "settings.current");
  const before = current.settings.freshWindowDays as number;
  const saved = await trpc(page.request, "settings.save", {
    settings: { ...current.settings, freshWindowDays: before + 1 },
    sender: current.sender,
    lateMilestones: "skip",
  });
  const version = saved.version as number;

  await page.reload();
  const entry = page
    .getByTestId("audit-entry")
    .filter({ hasText: `Changed fresh window (version ${version})` });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("by owner@lotus-english.example (owner)");
  await expect(entry).toContainText("(Asia/Ho_Chi_Minh)");
  await entry.getByText("Details").click();
  const diff = entry.getByRole("table", { name: `Settings changed in version ${version}` });
  await expect(diff.getByRole("columnheader")).toHaveText(["Setting", "Before", "After"]);
  await expect(diff.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "Fresh window",
    `${before} days`,
    `${before + 1} days`,
  ]);
  await expect(entry).toContainText("It put no contact's milestone in the past.");
  await expect(entry).toContainText("It canceled no pending delivery.");

  // Filters by kind and by person live in the URL, and survive a reload.
  await page.getByLabel("What changed").selectOption("settings");
  await expect(page).toHaveURL(/kind=settings/);
  await page.getByLabel("Who").selectOption("owner@lotus-english.example (owner)");
  await expect(page).toHaveURL(/actor=owner%40lotus-english\.example/);
  await page.reload();
  await expect(page.getByLabel("What changed")).toHaveValue("settings");
  await expect(page.getByTestId("audit-entry").first()).toContainText("Settings");
  for (const e of await page.getByTestId("audit-entry").all())
    await expect(e).toContainText("owner@lotus-english.example (owner)");

  // A filter nothing matches says so, and leads back to every entry.
  await page.getByLabel("What changed").selectOption("activation");
  await expect(page).toHaveURL(/kind=activation/);
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Show every entry" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(entry).toBeVisible();

  // Put the setting back, so other tests see the seeded value.
  await trpc(page.request, "settings.save", {
    settings: { ...current.settings, freshWindowDays: before },
    sender: current.sender,
    lateMilestones: "skip",
  });
});

test("the audit log is the owner's: an analyst and a marketer get 403", async ({ page }) => {
  for (const role of ["analyst", "marketer"] as const) {
    await signInAs(page, lotus, role);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }),
    ).toHaveCount(0);
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "Your role cannot open this page" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
  }
});
