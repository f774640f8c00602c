import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { brightside, signInAs } from "./helpers";

/*
 * The Team page of a demo workspace's owner. Brightside's analyst is used by no other spec: the
 * second test removes them and invites them back.
 */

const owner = "owner@brightside-home.example";
const analyst = "analyst@brightside-home.example";

async function openTeam(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(memberRow(page, owner)).toHaveCount(1);
}

const inviteForm = (page: Page) => page.getByRole("form", { name: "Invite a member" });

const memberRow = (page: Page, email: string) =>
  page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: email });

async function invite(page: Page, email: string, role: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Send invitation" }).click();
}

test("an owner invites someone, changes their role and removes them; the last owner stays", async ({
  page,
}) => {
  await signInAs(page, brightside, "owner");
  await openTeam(page);
  await expectAccessible(page);

  // The form checks with the server's schema before sending anything.
  await invite(page, "not-an-email", "marketer");
  await expect(inviteForm(page).getByRole("alert")).toHaveText(
    "Enter an email address such as ana@example.com",
  );

  const email = `e2e-invitee-${Date.now()}@example.com`;
  await invite(page, email, "marketer");
  await expect(page.getByText(`Invitation sent to ${email} as marketer.`)).toBeVisible();
  const row = memberRow(page, email);
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("marketer");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("");

  // The same address again, in capitals: the server says they are a member already.
  await invite(page, email.toUpperCase(), "analyst");
  await expect(inviteForm(page).getByRole("alert")).toHaveText(
    `${email} is already a member of this workspace (marketer).`,
  );

  await row.getByLabel(`Role of ${email}`).selectOption("analyst");
  await expect(page.getByText(`${email} is now analyst.`)).toBeVisible();
  await page.reload();
  await expect(memberRow(page, email).getByLabel(`Role of ${email}`)).toHaveValue("analyst");

  // The only owner can be neither demoted nor removed, and the page says why.
  const ownerRole = memberRow(page, owner).getByLabel(`Role of ${owner}`);
  await ownerRole.selectOption("marketer");
  await expect(
    page.getByText(
      `${owner} is the last owner of this workspace and must stay an owner. Make another member an owner first.`,
    ),
  ).toBeVisible();
  await expect(ownerRole).toHaveValue("owner");
  await memberRow(page, owner)
    .getByRole("button", { name: `Remove ${owner}` })
    .click();
  const ownerDialog = page.getByRole("dialog", { name: `Remove ${owner}?` });
  await ownerDialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(ownerDialog.getByRole("alert")).toHaveText(
    `${owner} is the last owner of this workspace and cannot be removed. Make another member an owner first.`,
  );
  await ownerDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(ownerDialog).toHaveCount(0);

  await memberRow(page, email)
    .getByRole("button", { name: `Remove ${email}` })
    .click();
  const dialog = page.getByRole("dialog", { name: `Remove ${email}?` });
  await expect(dialog).toContainText("They lose access at once");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText(`${email} was removed from the workspace.`)).toBeVisible();
  await expect(memberRow(page, email)).toHaveCount(0);
  await page.reload();
  await expect(memberRow(page, owner)).toHaveCount(1);
  await expect(memberRow(page, email)).toHaveCount(0);
});

test("a removed member is refused at their next page and request; an invitation lets them back", async ({
  page,
  browser,
}) => {
  await signInAs(page, brightside, "owner");
  const theirs = await browser.newContext();
  const member = await theirs.newPage();
  try {
    await signInAs(member, brightside, "analyst");
    await openTeam(page);
    await memberRow(page, analyst)
      .getByRole("button", { name: `Remove ${analyst}` })
      .click();
    await page
      .getByRole("dialog", { name: `Remove ${analyst}?` })
      .getByRole("button", { name: "Remove", exact: true })
      .click();
    await expect(memberRow(page, analyst)).toHaveCount(0);

    // Their session cookie is still valid, but the membership it names is gone.
    const call = await member.request.get("/api/trpc/contacts.tags");
    expect(call.status()).toBe(403);
    expect(JSON.stringify(await call.json())).toContain("You are not a member of this workspace.");
    await member.reload();
    await expect(member).toHaveURL(/\/signin\?error=AccessDenied/);

    // Invited again, the same session works at once: they keep their user, get a membership.
    await invite(page, analyst, "analyst");
    await expect(page.getByText(`Invitation sent to ${analyst} as analyst.`)).toBeVisible();
    await member.goto("/contacts");
    await expect(member.getByTestId("current-user")).toContainText("analyst");
    await expect(member.getByTestId("contacts-count")).toHaveText(/of [\d,]+ contacts/);
  } finally {
    // Whatever failed above, Brightside keeps its demo analyst (409 when they are a member).
    await page.request.post("/api/trpc/team.invite", {
      data: { json: { email: analyst, role: "analyst" } },
    });
    await theirs.close();
  }
});
