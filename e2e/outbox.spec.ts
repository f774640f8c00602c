import { expect, test } from "@playwright/test";
import { lotus, signInAs } from "./helpers";

test("the engine sends the demo's dormant learners reminders that show in the Outbox", async ({
  page,
}) => {
  // The embedded engine plans every seeded contact on its first ticks; give it time on 2 cores.
  test.setTimeout(240_000);
  await signInAs(page, lotus, "marketer");
  await page.getByRole("link", { name: "Outbox" }).click();
  const count = page.getByTestId("outbox-count");
  await expect(count).toHaveText(/messages/);
  await expect
    .poll(async () => Number(((await count.textContent()) ?? "0").replace(/\D/g, "")), {
      timeout: 200_000,
      intervals: [5_000],
    })
    .toBeGreaterThan(0);
  await page.reload();
  const first = page.getByRole("listitem").first();
  await expect(first).toContainText(/Web push|Zalo/);
  // Rendered from an approved variant, or from the built-in fallback when none is approved.
  await expect(first).toContainText(/variant [A-D]|built-in fallback/);

  await page.getByLabel("Channel").selectOption("zalo");
  await expect(page.getByRole("listitem").first()).toContainText("Zalo");
  await expect(page.getByRole("listitem").filter({ hasText: "Web push" })).toHaveCount(0);
});
