import { expect, test, type Page } from "@playwright/test";
import { brightside, lotus, signInAs } from "./helpers";

/** The settings version the page says is in force: "… (version 3). …". */
async function settingsVersion(page: Page): Promise<number> {
  const text = await page
    .getByText(/\(version \d+\)/)
    .first()
    .textContent();
  return Number(/\(version (\d+)\)/.exec(text ?? "")![1]);
}

/** Adds a stage at the bottom of the ladder and moves it to the top. */
async function addFirstStage(page: Page, label: string, threshold: number) {
  await page.getByRole("button", { name: "Add a stage" }).click();
  const rows = page.getByRole("list", { name: "Stages" }).getByRole("listitem");
  const n = await rows.count();
  await page.getByLabel(`Stage ${n} label`).fill(label);
  await page.locator(`#stage-${n - 1}-threshold`).fill(String(threshold));
  for (let i = n; i > 1; i--)
    await page.getByRole("button", { name: `Move stage ${i} up` }).click();
}

/** The stage the test below adds (3 months, or 4 on a retry): the demo's ladder starts at 6. */
const addedStage = /^[34] months since last job$/;

/**
 * Removes the first stage and saves, when it is the one the test below adds. The test ends with
 * this, and begins with it too: a try that failed after its save leaves its stage in force.
 */
async function removeAddedStage(page: Page) {
  await page.goto("/settings");
  // The preview is fetched by the client: the form has hydrated and answers clicks.
  await expect(page.getByTestId("preview-sample").first()).toBeVisible();
  if (!addedStage.test(await page.getByLabel("Stage 1 label").inputValue())) return;
  const version = await settingsVersion(page);
  await page.getByRole("button", { name: "Remove stage 1" }).click();
  await page.getByRole("button", { name: "Review and save" }).click();
  await page
    .getByRole("dialog", { name: `Save version ${version + 1}` })
    .getByRole("button", { name: "Save and apply" })
    .click();
  await expect(page.getByText(`Saved: version ${version + 1} is in force.`)).toBeVisible();
  await expect.poll(() => settingsVersion(page)).toBe(version + 1);
}

test("an owner adds a 3-month stage: preview, dry-run counts, skip, save, audit, timeline", async ({
  page,
}, testInfo) => {
  // A retry adds a 4-month stage: the first try's save recorded its stage as skipped for the
  // sample contacts, so the same stage would no longer be late for them.
  const months = 3 + testInfo.retry;
  const newStage = `${months} months since last job`;
  await signInAs(page, brightside, "owner");
  await removeAddedStage(page);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const version = await settingsVersion(page);
  // The preview shows sample contacts under the settings in force before anything changes.
  await expect(page.getByTestId("preview-sample").first()).toBeVisible();

  // A contact typed in: last active 100 days ago, on the far-east edge of the date line.
  const hundredDaysAgo = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Name", { exact: true }).fill("Typed in Kiribati");
  await page.getByLabel("Time zone (IANA)").fill("Pacific/Kiritimati");
  await page.getByLabel("Last active on").fill(hundredDaysAgo);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(
    page
      .getByTestId("preview-sample")
      .filter({ hasText: "Typed in Kiribati · Pacific/Kiritimati" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Back to the default samples" }).click();

  await addFirstStage(page, newStage, months);
  await expect(page.getByLabel("Stage 1 label")).toHaveValue(newStage);
  await expect(page.getByText(`New stage: key ${months}_months_since_last_job`)).toBeVisible();

  // A sample contact past three months: under the new ladder its 3-month reminder is skipped.
  const changed = page
    .getByTestId("preview-sample")
    .filter({ hasText: "Not sent (settings changed)" })
    .first();
  await expect(changed).toBeVisible();
  const name = (await changed.getByRole("heading", { level: 3 }).textContent())!
    .split("·")[0]!
    .trim();

  await page.getByRole("button", { name: "Review and save" }).click();
  const dialog = page.getByRole("dialog", { name: `Save version ${version + 1}` });
  await expect(dialog.getByTestId("save-impact")).toContainText(
    new RegExp(`[\\d,]+ contacts? ha(s|ve) passed the new “${newStage}” milestone\\.`),
  );
  await expect(dialog.getByRole("radio", { name: /Skip them/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Save and apply" }).click();
  await expect(page.getByText(`Saved: version ${version + 1} is in force.`)).toBeVisible();
  await expect.poll(() => settingsVersion(page)).toBe(version + 1);

  // The sample contact's timeline explains the skip.
  await page.goto("/contacts");
  await page.getByLabel("Search name, email or external id").fill(name);
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByText(/put in the past by the settings change/).first()).toBeVisible();

  // The audit log shows who changed what.
  await page.goto("/audit");
  await expect(
    page.getByText(`Changed stages (version ${version + 1})`, { exact: true }),
  ).toBeVisible();

  // Leave the workspace's ladder as the other tests know it: remove the stage again.
  await removeAddedStage(page);
  await expect(page.getByLabel("Stage 1 label")).not.toHaveValue(addedStage);
});

test("invalid settings get field errors in words and cannot be saved", async ({ page }) => {
  await signInAs(page, brightside, "owner");
  await page.goto("/settings");
  await page.locator("#stage-1-threshold").fill("2");
  await expect(page.getByText(/^Threshold must come after the stage before it/)).toBeVisible();
  await page.getByLabel("Quiet hours end").fill("22:00");
  await expect(page.getByText(/^End must differ from the start/)).toBeVisible();
  await page.getByLabel("Booking link").fill("http://brightside-home.example/book");
  await expect(page.getByText("Booking link must be an https:// address")).toBeVisible();
  await page.getByRole("checkbox", { name: /^Email/ }).uncheck();
  await page.getByRole("checkbox", { name: /^SMS/ }).uncheck();
  await expect(page.getByText("Channels must include at least one channel")).toBeVisible();
  await page.getByRole("button", { name: "Review and save" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByText("Some settings need fixing")).toBeVisible();
});

test("on a slow machine, a value typed while the page loads is validated, not lost", async ({
  page,
}) => {
  await signInAs(page, brightside, "owner");
  // Eight times slower: the page has loaded well before React has hydrated the form. Until then
  // the fields are disabled, so Playwright's fill (like a user's typing) waits for them.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 8 });
  await page.goto("/settings");
  await page.locator("#stage-1-threshold").fill("2");
  await expect(page.getByText(/^Threshold must come after the stage before it/)).toBeVisible();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
});

test("a marketer reads the settings without changing them; an analyst is refused", async ({
  page,
}) => {
  await signInAs(page, brightside, "marketer");
  await page.goto("/settings");
  await expect(page.getByText("Only an owner can change them.")).toBeVisible();
  await expect(page.getByLabel("Stage 1 label")).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Review and save" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add a stage" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(page, lotus, "analyst");
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
});
