import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { brightside, signInAs } from "./helpers";

/*
 * Brightside: the audit spec expects no activation entry by Lotus's owner. The demo workspaces
 * are sandboxes, active after seeding; other specs expect reminders to go out, so every test
 * here leaves the module active, however it ends.
 */

const moduleName = "Dormant Customer Reactivation";

/** Active again through the activation API (the owner's session), whatever the test left. */
async function leaveActive(page: Page) {
  for (const action of ["resume", "activate"]) {
    const response = await page.request.post("/api/tenants/activate-module", {
      data: { module_code: "dormant_customer_reactivation", action },
    });
    if (response.ok() && (await response.json()).state === "active") return;
  }
  throw new Error("The module could not be made active again.");
}

async function openActivation(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Activation" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Activation" })).toBeVisible();
}

test("an owner sees the live checklist, pauses and resumes: every page says while it is paused", async ({
  page,
  browser,
}) => {
  await signInAs(page, brightside, "owner");
  try {
    await openActivation(page);
    const state = page.getByTestId("module-state");
    await expect(state).toHaveText("Active");
    const items = page.getByTestId("checklist-item");
    // Entitlement, contacts, email, SMS, the sender and the postal address.
    await expect(items).toHaveCount(6);
    await expect(items.and(page.locator("[data-met=true]"))).toHaveCount(6);
    await expect(page.getByTestId("checklist-summary")).toContainText("6 of 6 met");
    await expect(page.getByTestId("sandbox-note")).toContainText(
      "Sandbox: messages go to the Outbox",
    );
    await expect(page.getByTestId("module-banner")).toHaveCount(0);
    await expectAccessible(page);

    // Deactivating asks first and says what it means; cancelling changes nothing.
    await page.getByRole("button", { name: "Deactivate" }).click();
    const confirm = page.getByRole("dialog", { name: `Deactivate ${moduleName}?` });
    await expect(confirm).toContainText("Nothing will be planned or sent");
    await expectAccessible(page);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(state).toHaveText("Active");

    await page.getByRole("button", { name: "Pause" }).click();
    await expect(state).toHaveText("Paused");
    await expect(page.getByText(`${moduleName} paused`)).toBeVisible();
    const banner = page.getByTestId("module-banner");
    await expect(banner).toHaveText(
      "Reactivation is paused: nothing is planned or sent. Resume it on the Activation page.",
    );
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Contacts" })
      .click();
    await expect(page).toHaveURL(/\/contacts/);
    await expect(page.getByTestId("contacts-count")).toBeVisible();
    await expect(banner).toContainText("Reactivation is paused");
    // Every role sees it; only an owner is sent to the Activation page.
    const marketer = await (await browser.newContext()).newPage();
    await signInAs(marketer, brightside, "marketer");
    await expect(marketer.getByTestId("module-banner")).toHaveText(
      "Reactivation is paused: nothing is planned or sent. An owner can resume it.",
    );
    await marketer.context().close();

    await banner.getByRole("link", { name: "the Activation page" }).click();
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(state).toHaveText("Active");
    await expect(page.getByText(`${moduleName} resumed`)).toBeVisible();
    await expect(banner).toHaveCount(0);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Contacts" })
      .click();
    await expect(page.getByTestId("contacts-count")).toBeVisible();
    await expect(banner).toHaveCount(0);
  } finally {
    await leaveActive(page);
  }
});

test("a home-services owner deactivates, then activates choosing the kind of business", async ({
  page,
}) => {
  await signInAs(page, brightside, "owner");
  try {
    await openActivation(page);
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page
      .getByRole("dialog", { name: `Deactivate ${moduleName}?` })
      .getByRole("button", { name: "Deactivate" })
      .click();
    const state = page.getByTestId("module-state");
    await expect(state).toHaveText("Not active");
    await expect(page.getByTestId("module-banner")).toContainText(
      "Reactivation is not active yet: nothing is planned or sent.",
    );

    await page.getByRole("button", { name: "Activate" }).click();
    const choose = page.getByRole("dialog", { name: "What kind of business is this?" });
    await expect(choose.getByRole("radio")).toHaveCount(7);
    await expect(choose.getByRole("radio", { name: "Keep my current settings" })).toBeChecked();
    // A niche shows why its cadence and offer, and what it sets.
    await choose.getByRole("radio", { name: "Owner-operator" }).check();
    await expect(choose).toContainText("Six months without a job is the first sign");
    await expect(choose).toContainText("Reminders at 6 months, 9 months and 12 months");
    await expect(
      choose.getByRole("button", { name: "Apply Owner-operator and activate" }),
    ).toBeVisible();
    await expectAccessible(page);

    // Keep the demo's settings (other tests know its ladder).
    await choose.getByRole("radio", { name: "Keep my current settings" }).check();
    await choose.getByRole("button", { name: "Activate" }).click();
    await expect(choose).toHaveCount(0);
    await expect(state).toHaveText("Active");
    await expect(page.getByText(`${moduleName} is active`)).toBeVisible();
    await expect(page.getByTestId("module-banner")).toHaveCount(0);
  } finally {
    await leaveActive(page);
  }
});
