/**
 * "¿Olvidaste tu contraseña?" and "Cambiar contraseña" against the real SMTP server the config
 * starts (scripts/test-mailbox.ts): the link is read from the email that arrived.
 */
import type { Browser, Page } from "@playwright/test";
import {
  alerts,
  expect,
  expectNoAxeViolations,
  newUser,
  signIn,
  signUp,
  submitSignUp,
  test,
  type TestUser,
} from "./fixtures";
import { emailsTo, linkIn, waitForEmail } from "./mailbox";

const NEW_PASSWORD = "tranvía-cometa-azulejo-41";
const SAME_ANSWER =
  "Si hay una cuenta con ese email, te enviamos un enlace para elegir una contraseña nueva. Vale 1 hora y sirve una sola vez; si no llega en unos minutos, revisá la carpeta de spam.";
const RESET_SUBJECT = /^Elegí una nueva contraseña para Tablero$/;
const CHANGED_SUBJECT = /^Cambió la contraseña de tu cuenta de Tablero$/;

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** From the sign-in page, "¿Olvidaste tu contraseña?" for `email`. */
async function requestReset(page: Page, email: string) {
  await page.goto("/ingresar");
  await page.getByRole("link", { name: "¿Olvidaste tu contraseña?" }).click();
  await expect(page.getByRole("heading", { name: "¿Olvidaste tu contraseña?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Enviarme un enlace" }).click();
}

async function fillNewPassword(page: Page, password: string, confirm = password) {
  await page.getByLabel("Contraseña nueva", { exact: true }).fill(password);
  await page.getByLabel("Repetí la contraseña nueva").fill(confirm);
  await page.getByRole("button", { name: "Guardar la contraseña nueva" }).click();
}

async function expectSignInRefused(page: Page, user: TestUser) {
  await page.goto("/ingresar");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(alerts(page)).toHaveText("El email o la contraseña no son correctos.");
}

test("a reset from the email sets a new password and ends every session", async ({
  page,
  browser,
}) => {
  const user = await signUp(page);
  const second = await freshPage(browser);
  await signIn(second, user);

  // Someone who forgot it, in a third browser. First an address with no account: same answer.
  const visitor = await freshPage(browser);
  const stranger = newUser().email;
  await requestReset(visitor, stranger);
  await expect(visitor.getByRole("status")).toHaveText(SAME_ANSWER);
  await requestReset(visitor, user.email.toUpperCase());
  await expect(visitor.getByRole("status")).toHaveText(SAME_ANSWER);
  await expectNoAxeViolations(visitor);

  const email = await waitForEmail(user.email, RESET_SUBJECT);
  expect(email.text).toContain("El enlace vale 1 hora y sirve una sola vez.");
  const link = linkIn(email, "/restablecer/");
  // By now the stranger's request was handled too, and sent nothing.
  expect(await emailsTo(stranger)).toEqual([]);

  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Elegí una contraseña nueva" })).toBeVisible();
  await fillNewPassword(visitor, NEW_PASSWORD, `${NEW_PASSWORD}x`);
  await expect(visitor.getByText("Las dos contraseñas no coinciden.")).toBeVisible();
  await fillNewPassword(visitor, "contraseña123");
  await expect(visitor.getByText(/^Esa contraseña es fácil de adivinar\./)).toBeVisible();
  await expectNoAxeViolations(visitor);
  await fillNewPassword(visitor, NEW_PASSWORD);

  // Not signed in: the sign-in page says what happened.
  await expect(visitor).toHaveURL(/\/ingresar\?contrasena=cambiada$/);
  await expect(visitor.getByRole("status")).toHaveText(
    "Tu contraseña cambió. Ingresá con la nueva.",
  );
  await expectNoAxeViolations(visitor);
  const changed = await waitForEmail(user.email, CHANGED_SUBJECT);
  expect(changed.text).toContain("se cerraron tus otras sesiones");

  // Both browsers that were signed in are sent to sign in on their next navigation.
  for (const before of [page, second]) {
    await before.goto("/empresas");
    await expect(before).toHaveURL(/\/ingresar/);
  }
  await expectSignInRefused(second, user);
  await signIn(second, { ...user, password: NEW_PASSWORD });

  // The link a second time.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "El enlace ya no sirve" })).toBeVisible();
  await expect(page.getByText("El enlace venció o ya se usó: pedí uno nuevo.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Pedir un enlace nuevo" }).click();
  await expect(page.getByRole("heading", { name: "¿Olvidaste tu contraseña?" })).toBeVisible();
  await Promise.all([second.context().close(), visitor.context().close()]);
});

test("only the latest link works", async ({ page, browser }) => {
  const user = await signUp(await freshPage(browser));
  await requestReset(page, user.email);
  await expect(page.getByRole("status")).toHaveText(SAME_ANSWER);
  const first = linkIn(await waitForEmail(user.email, RESET_SUBJECT), "/restablecer/");
  await requestReset(page, user.email);
  await expect(page.getByRole("status")).toHaveText(SAME_ANSWER);
  const latest = linkIn(
    await waitForEmail(user.email, RESET_SUBJECT, { count: 2 }),
    "/restablecer/",
  );
  expect(latest).not.toBe(first);

  await page.goto(first);
  await expect(page.getByText("El enlace venció o ya se usó: pedí uno nuevo.")).toBeVisible();
  await page.goto(latest);
  await fillNewPassword(page, NEW_PASSWORD);
  await expect(page.getByRole("status")).toHaveText("Tu contraseña cambió. Ingresá con la nueva.");
  await signIn(page, { ...user, password: NEW_PASSWORD });
});

test("an address gets 3 links an hour; the next request says when to try again", async ({
  page,
}) => {
  // No account: the limit counts every address alike, so it tells nothing either.
  const email = newUser().email;
  for (let i = 0; i < 3; i++) {
    await requestReset(page, email);
    await expect(page.getByRole("status")).toHaveText(SAME_ANSWER);
  }
  await requestReset(page, email);
  await expect(alerts(page)).toHaveText(
    "Ya pedimos varios enlaces para ese email. Probá de nuevo en 60 minutos.",
  );
  await expect(page.getByRole("status")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("«Cambiar contraseña» emails the owner of the address", async ({ page }) => {
  const user = await signUp(page);
  await page.goto("/cuenta");
  const form = page.getByRole("form", { name: "Cambiar contraseña" });
  await form.getByLabel("Contraseña actual", { exact: true }).fill(user.password);
  await form.getByLabel("Contraseña nueva", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Repetí la contraseña nueva").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(form.getByRole("status")).toHaveText("Cambiaste tu contraseña.");

  const email = await waitForEmail(user.email, CHANGED_SUBJECT);
  expect(email.text).toContain("la contraseña de tu cuenta de Tablero acaba de cambiar");
  // Where to go if it was not them: a page that works without signing in.
  const forgot = linkIn(email, "/olvide-mi-contrasena");
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("heading", { name: "Ingresar" })).toBeVisible();
  await page.goto(forgot);
  await expect(page.getByRole("heading", { name: "¿Olvidaste tu contraseña?" })).toBeVisible();
});

test("a reset link also confirms an address that was never confirmed", async ({ page }) => {
  const user = newUser();
  await submitSignUp(page, user);
  await signIn(page, user);
  const banner = page.getByText("Confirmá tu email", { exact: true });
  await expect(banner).toBeVisible();
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("heading", { name: "Ingresar" })).toBeVisible();

  // The reset email reached the address: that proves it is theirs.
  await requestReset(page, user.email);
  await expect(page.getByRole("status")).toHaveText(SAME_ANSWER);
  await page.goto(linkIn(await waitForEmail(user.email, RESET_SUBJECT), "/restablecer/"));
  await fillNewPassword(page, NEW_PASSWORD);
  await expect(page.getByRole("status")).toHaveText("Tu contraseña cambió. Ingresá con la nueva.");
  await signIn(page, { ...user, password: NEW_PASSWORD });
  await expect(banner).toHaveCount(0);
});

test("the emailed link works in a browser that is still signed in, and signs it out", async ({
  page,
  browser,
}) => {
  const user = await signUp(page);
  const other = await freshPage(browser);
  await requestReset(other, user.email);
  await expect(other.getByText(SAME_ANSWER)).toBeVisible();
  const link = linkIn(await waitForEmail(user.email, RESET_SUBJECT), "/restablecer/");

  // Opened where the person is signed in: the form, not their businesses.
  await page.goto(link);
  await fillNewPassword(page, NEW_PASSWORD);
  await expect(page.getByText("Tu contraseña cambió. Ingresá con la nueva.")).toBeVisible();
  await page.goto("/empresas");
  await expect(page).toHaveURL(/\/ingresar/);
  await other.context().close();
});
