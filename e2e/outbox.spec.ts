import { expect, test } from "@playwright/test";
import { lotus, signInAs } from "./helpers";

test("the engine sends the demo's dormant learners reminders that show in the Outbox", async ({
  page,
}) => {
  await signInAs(page, lotus, "marketer");
  await page.getByRole("link", { name: "Outbox" }).click();
  const count = page.getByTestId("outbox-count");
  // The engine plans the seeded backlog on its first ticks; the Outbox refreshes every 10 s.
  await expect(count).toHaveText(/^[1-9][\d,]* messages/, { timeout: 30_000 });
  const first = page.getByRole("listitem").first();
  await expect(first).toContainText(/Web push|Zalo/);
  // Rendered from an approved variant, or from the built-in fallback when none is approved.
  await expect(first).toContainText(/variant [A-D]|built-in fallback/);

  await page.getByLabel("Channel").selectOption("zalo");
  await expect(page.getByRole("listitem").first()).toContainText("Zalo");
  await expect(page.getByRole("listitem").filter({ hasText: "Web push" })).toHaveCount(0);
});
