import { expect, type Page } from "@playwright/test";

export const lotus = "Lotus English";
export const brightside = "Brightside Home Services";

/** Signs in with the one-click demo button of the sign-in page. */
export async function signInAs(
  page: Page,
  tenant: string,
  role: "owner" | "marketer" | "marketer 2" | "analyst",
) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${role} of ${tenant}` }).click();
  // Analysts land on the dashboard, the others on the contacts; tests go on from the contacts.
  await expect(page).toHaveURL(role === "analyst" ? /\/dashboard/ : /\/contacts/);
  await expect(page.getByTestId("current-user")).toContainText(role.replace(" 2", ""));
  if (role === "analyst") await page.goto("/contacts");
  // The count is rendered by the client once the list loaded: the page is hydrated.
  await expect(page.getByTestId("contacts-count")).toHaveText(/of [\d,]+ contacts/);
}

/** The total in "1–25 of 2,500 contacts". */
export async function contactTotal(page: Page): Promise<number> {
  const count = page.getByTestId("contacts-count");
  await expect(count).toHaveText(/of [\d,]+ contacts/);
  await expect(page.getByText("Updating…")).toHaveCount(0);
  const text = (await count.textContent()) ?? "";
  return Number(/of ([\d,]+) contacts/.exec(text)![1]!.replaceAll(",", ""));
}
