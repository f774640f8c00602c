import { expect, test } from "@playwright/test";
import { contactTotal, lotus, signInAs } from "./helpers";

test("filter the contact list by search, tag and inactivity, and page through it", async ({
  page,
}) => {
  await signInAs(page, lotus, "analyst");
  const all = await contactTotal(page);
  // The e2e server seeds the small demo: 60 contacts per workspace.
  expect(all).toBe(60);
  await expect(page.getByRole("row")).toHaveCount(26);

  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("contacts-count")).toHaveText(/^26–50 of 60/);

  await page.getByLabel("Inactive for more than (days)").fill("30");
  await expect(page).toHaveURL(/inactive=30/);
  await expect.poll(() => contactTotal(page)).toBeLessThan(all);
  const dormant = await contactTotal(page);
  expect(dormant).toBeGreaterThan(0);
  const firstDays = await page
    .getByRole("row")
    .nth(1)
    .getByText(/\d+ days ago/)
    .textContent();
  expect(Number(/(\d+) days/.exec(firstDays ?? "")?.[1])).toBeGreaterThan(30);

  await page.getByLabel("Tag", { exact: true }).selectOption("premium");
  await expect(page).toHaveURL(/tag=premium/);
  await expect.poll(() => contactTotal(page)).toBeLessThan(dormant);
  for (const row of await page
    .getByRole("row")
    .all()
    .then((rows) => rows.slice(1, 6))) {
    // Small screens show the tags under the name, wide ones in their own column: one is visible.
    await expect(row.getByText("premium").filter({ visible: true })).toBeVisible();
  }

  await page.getByLabel("Inactive for more than (days)").fill("abc");
  await expect(
    page.getByRole("alert").filter({ hasText: "Enter a whole number of days, 0 or more." }),
  ).toBeVisible();

  await page.getByLabel("Inactive for more than (days)").fill("");
  await page.getByLabel("Tag", { exact: true }).selectOption("");
  await page.getByLabel("Search name, email or external id").fill("learner-00042");
  await expect(page.getByTestId("contacts-count")).toHaveText("1–1 of 1 contacts");
  await expect(page.getByText("learner-00042")).toBeVisible();

  // The contact's page explains every decision and what happens next.
  await page.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expect(page.getByText(/learner-00042 · /)).toBeVisible();
  // Back returns to the list as it was filtered: the search is in the URL.
  await page.goBack();
  await expect(page).toHaveURL(/q=learner-00042/);
  await expect(page.getByLabel("Search name, email or external id")).toHaveValue("learner-00042");
  await expect(page.getByTestId("contacts-count")).toHaveText("1–1 of 1 contacts");
  await page.goForward();
  await page.getByRole("link", { name: "← Contacts" }).click();

  await page.getByLabel("Search name, email or external id").fill("zz-nobody-zz");
  await expect(page.getByText("No contact matches these filters.")).toBeVisible();
});

test("a contact clicked right after typing a search opens, and stays open once the search settles", async ({
  page,
}) => {
  await signInAs(page, lotus, "analyst");
  const link = page.getByRole("row").nth(1).getByRole("link").first();
  const name = (await link.textContent())!;
  await page.getByLabel("Search name, email or external id").fill(name);
  // Clicked before the search's debounce ends: the search must not bring the list back.
  await link.click();
  const contactPage = /\/contacts\/[0-9a-f-]{36}$/;
  await expect(page).toHaveURL(contactPage);
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  // Nothing to wait for but time: the debounce is 300 ms.
  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(contactPage);
});
