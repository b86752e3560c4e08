/**
 * Verified addresses and invitations by email, against the real SMTP server the config starts
 * (scripts/test-mailbox.ts): what the person sees on the page and what reaches their inbox.
 * Failures are injected only for this file's own addresses, so parallel files keep their email.
 */
import type { Browser, Page } from "@playwright/test";
import {
  accounts,
  addBusiness,
  alerts,
  expect,
  expectNoAxeViolations,
  newUser,
  openVerificationLink,
  signIn,
  signUp,
  submitSignUp,
  test,
} from "./fixtures";
import { emailsTo, linkIn, refuseEmails, waitForEmail } from "./mailbox";

const SEND_FAILED = "No pudimos enviar el email; probá de nuevo";
// Account 1002's business is only added here and in clientes.spec.ts; nothing counts its calls.
const ACCOUNT = accounts.a1002;

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The banner at the top of every signed-in page while the address is not confirmed. */
const banner = (page: Page) => page.getByText("Confirmá tu email", { exact: true });

/** Reloads until `text` shows (an email is sent in the background, retried when refused). */
async function reloadUntilVisible(page: Page, text: string) {
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByText(text).count();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBeGreaterThan(0);
}

/** Fills "Invitar" on the members page and returns the link it shows to copy. */
async function invite(page: Page, businessId: string, email: string, role = "Contador") {
  await page.goto(`/empresas/${businessId}/miembros`);
  const form = page.getByRole("form", { name: "Invitar" });
  await form.getByLabel("Email de la persona").fill(email);
  await form.getByLabel("Rol").selectOption({ label: role });
  await form.getByRole("button", { name: "Invitar" }).click();
  await expect(page.getByText(`Le enviamos un email a ${email} con el enlace.`)).toBeVisible();
  return page.getByLabel("Enlace de la invitación").inputValue();
}

test("sign-up sends a verification link; until it is opened a banner says so", async ({ page }) => {
  const user = newUser();
  await submitSignUp(page, user);
  await expect(page.getByRole("status")).toContainText(
    `Si ${user.email} no tenía una cuenta en Tablero, te enviamos un enlace para confirmarla`,
  );
  await expectNoAxeViolations(page);

  // Unverified people can sign in; every page says what is missing.
  await signIn(page, user);
  await expect(banner(page)).toBeVisible();
  await expect(page.getByText(`Te enviamos un enlace a ${user.email}`)).toBeVisible();
  await expectNoAxeViolations(page);

  const email = await waitForEmail(user.email, /^Confirmá tu email en Tablero$/);
  expect(email.text).toContain(`Hola, ${user.name}`);
  const link = linkIn(email, "/verificar/");
  await openVerificationLink(page, user);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Ir a Tablero" }).click();
  await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await expect(page.getByText("Tu email ya estaba confirmado")).toBeVisible();
  const stranger = await freshPage(page.context().browser()!);
  await stranger.goto("/verificar/" + "x".repeat(43));
  await expect(stranger.getByText("No encontramos ese enlace")).toBeVisible();
  await expectNoAxeViolations(stranger);
});

test("sign-up with an email that has an account answers the same, creates nothing and tells the owner", async ({
  page,
  browser,
}) => {
  const owner = await signUp(page);
  await page.getByRole("button", { name: "Salir" }).click();

  // Someone else tries the owner's address, and a new one, from another browser.
  const other = await freshPage(browser);
  const newcomer = newUser();
  await submitSignUp(other, newcomer);
  const fresh = (await other.getByRole("status").innerText()).replace(newcomer.email, "EMAIL");
  const impostor = { ...newUser(), email: owner.email };
  await submitSignUp(other, impostor);
  const taken = (await other.getByRole("status").innerText()).replace(owner.email, "EMAIL");
  expect(taken).toBe(fresh);

  const notice = await waitForEmail(owner.email, /^Ya tenés una cuenta en Tablero$/);
  expect(notice.text).toContain(`Hola, ${owner.name}:`);
  expect(linkIn(notice, "/ingresar")).toMatch(/\/ingresar$/);
  // No verification link went to the owner for this attempt, and the account is unchanged.
  expect((await emailsTo(owner.email)).map((m) => m.subject)).toEqual([
    "Confirmá tu email en Tablero",
    "Ya tenés una cuenta en Tablero",
  ]);
  await other.goto("/ingresar");
  await other.getByLabel("Email").fill(owner.email);
  await other.getByLabel("Contraseña").fill(impostor.password);
  await other.getByRole("button", { name: "Ingresar" }).click();
  await expect(alerts(other)).toHaveText("El email o la contraseña no son correctos.");
  await signIn(page, owner);
  await expect(page.getByText(owner.name)).toBeVisible();
});

test("'Reenviar email' sends a new link, retires the old one, and its limit says when to try again", async ({
  page,
}) => {
  const user = newUser();
  await submitSignUp(page, user);
  await signIn(page, user);
  const first = linkIn(await waitForEmail(user.email, /^Confirmá tu email/), "/verificar/");

  const resend = page.getByRole("button", { name: "Reenviar email" });
  await resend.click();
  await expect(page.getByText(`Te enviamos un enlace nuevo a ${user.email}`)).toBeVisible();
  await waitForEmail(user.email, /^Confirmá tu email/, { count: 2 });
  await resend.click();
  await waitForEmail(user.email, /^Confirmá tu email/, { count: 3 });
  // Three emails to one address in an hour, then it waits.
  await resend.click();
  await expect(
    page.getByRole("alert").filter({
      hasText: "Pediste demasiados emails seguidos. Probá de nuevo en 1 minuto.",
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await emailsTo(user.email)).toHaveLength(3);

  await page.goto(first);
  await expect(page.getByText("Este enlace ya no sirve")).toBeVisible();
  await expectNoAxeViolations(page);
  await openVerificationLink(page, user, 3);
});

test("a verification email the server refused is shown on the banner, and re-sending works", async ({
  page,
}) => {
  const user = newUser();
  // Every attempt at the first email is refused (the e2e server gives up after 3).
  await refuseEmails(3, user.email);
  await submitSignUp(page, user);
  await signIn(page, user);
  await reloadUntilVisible(page, SEND_FAILED);
  await expect(alerts(page).filter({ hasText: SEND_FAILED })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Reenviar email" }).click();
  await expect(page.getByText(`Te enviamos un enlace nuevo a ${user.email}`)).toBeVisible();
  await openVerificationLink(page, user);
  await page.goto("/empresas");
  await expect(banner(page)).toHaveCount(0);
});

test("an invitation arrives by email; the invitee must confirm their address before accepting", async ({
  page,
  browser,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, ACCOUNT, "Librería del Puerto");
  const invitee = newUser();
  const link = await invite(page, businessId, invitee.email);
  const pending = page.getByRole("region", { name: "Invitaciones pendientes" });
  await reloadUntilVisible(page, "Email: Enviado");
  await expect(pending.getByRole("listitem").filter({ hasText: invitee.email })).toContainText(
    "Email: Enviado",
  );

  // The names an owner types stay out of the subject; the body names the business.
  const email = await waitForEmail(invitee.email, /^Te invitaron a una empresa en Tablero$/);
  expect(email.text).toContain("te invitó a Librería del Puerto en Tablero como Contador");
  expect(linkIn(email, "/invitacion/")).toBe(link);

  // The invitee creates their account from the email's link and signs in without confirming.
  const guest = await freshPage(browser);
  await guest.goto(linkIn(email, "/invitacion/"));
  await guest.getByRole("link", { name: "Crear cuenta y aceptar" }).click();
  await guest.waitForURL(/\/registrarme\?invitacion=/);
  const fromInvitation = new URL(guest.url());
  await submitSignUp(guest, invitee, fromInvitation.pathname + fromInvitation.search);
  await guest.getByRole("link", { name: "Ir a Ingresar" }).click();
  await guest.getByLabel("Email").fill(invitee.email);
  await guest.getByLabel("Contraseña").fill(invitee.password);
  await guest.getByRole("button", { name: "Ingresar" }).click();
  await guest.waitForURL(/\/invitacion\//);
  await expect(
    guest.getByText(
      "Para aceptar la invitación, primero confirmá tu email con el enlace que te enviamos.",
    ),
  ).toBeVisible();
  await expect(guest.getByRole("button", { name: "Aceptar invitación" })).toHaveCount(0);
  await expect(guest.getByRole("button", { name: "Reenviar email" })).toBeVisible();
  await expectNoAxeViolations(guest);

  // The verification link brings them back to the invitation.
  const verification = await waitForEmail(invitee.email, /^Confirmá tu email/);
  await guest.goto(linkIn(verification, "/verificar/"));
  await expect(guest.getByText("Tu email está confirmado")).toBeVisible();
  await guest.getByRole("link", { name: "Ver la invitación" }).click();
  await guest.getByRole("button", { name: "Aceptar invitación" }).click();
  await guest.waitForURL(`**/empresas/${businessId}/consumo`);
  await expect(guest.getByText("Tu rol: Contador")).toBeVisible();
});

test("a pending invitation whose email failed says so; 'Reenviar' sends a new link and the old one stops working", async ({
  page,
  browser,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, ACCOUNT, "Vivero Las Lomas");
  const invitee = newUser();
  await refuseEmails(3, invitee.email);
  const oldLink = await invite(page, businessId, invitee.email, "Lectura");
  await reloadUntilVisible(page, SEND_FAILED);
  const row = page
    .getByRole("region", { name: "Invitaciones pendientes" })
    .getByRole("listitem")
    .filter({ hasText: invitee.email });
  await expect(row).toContainText(SEND_FAILED);
  await expectNoAxeViolations(page);

  await row.getByRole("button", { name: `Reenviar la invitación de ${invitee.email}` }).click();
  await expect(page.getByText("El enlace anterior ya no funciona")).toBeVisible();
  const newLink = await page.getByLabel(`Nuevo enlace para ${invitee.email}`).inputValue();
  expect(newLink).not.toBe(oldLink);
  const email = await waitForEmail(invitee.email, /^Te invitaron a una empresa en Tablero$/);
  expect(email.text).toContain("te invitó a Vivero Las Lomas");
  expect(linkIn(email, "/invitacion/")).toBe(newLink);
  await reloadUntilVisible(page, "Email: Enviado");
  await expectNoAxeViolations(page);

  const guest = await freshPage(browser);
  await guest.goto(oldLink);
  await expect(alerts(guest)).toHaveText(
    "No encontramos esa invitación. Revisá que el enlace esté completo.",
  );
  await guest.goto(newLink);
  await expect(guest.getByText(/te invitó a Vivero Las Lomas con el rol Lectura/)).toBeVisible();

  // The activity log keeps both sendings.
  await page.goto(`/empresas/${businessId}/actividad`);
  await expect(page.getByText(`${invitee.email} (Lectura), enviada de nuevo`)).toBeVisible();
});

test("an owner whose own email is not confirmed cannot invite: the members page says why", async ({
  page,
}) => {
  const owner = newUser();
  await submitSignUp(page, owner);
  await signIn(page, owner);
  const businessId = await addBusiness(page, ACCOUNT, "Imprenta Sin Confirmar");
  await page.goto(`/empresas/${businessId}/miembros`);
  const section = page.getByRole("region", { name: "Invitar a alguien" });
  await expect(
    section.getByText("Confirmá tu email antes de invitar a otras personas"),
  ).toBeVisible();
  await expect(section.getByRole("button", { name: "Invitar" })).toBeDisabled();
  await expectNoAxeViolations(page);

  // Once the address is confirmed, the form works.
  await openVerificationLink(page, owner);
  const invitee = newUser();
  const link = await invite(page, businessId, invitee.email);
  const email = await waitForEmail(invitee.email, /^Te invitaron a una empresa en Tablero$/);
  expect(linkIn(email, "/invitacion/")).toBe(link);
});
