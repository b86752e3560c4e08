import { alerts, expect, expectNoAxeViolations, signIn, signUp, test } from "./fixtures";

test("sign up, sign out and sign in again", async ({ page }) => {
  const user = await signUp(page);
  await expect(page.getByText(user.name)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Todavía no tenés empresas" })).toBeVisible();

  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("heading", { name: "Ingresar" })).toBeVisible();
  await page.goto("/empresas");
  await expect(page).toHaveURL(/\/ingresar/);

  await signIn(page, user);
  await expect(page.getByText(user.name)).toBeVisible();
});

test("wrong passwords from one address make it wait longer each time, even with the right one", async ({
  page,
}) => {
  const user = await signUp(page);
  await page.getByRole("button", { name: "Salir" }).click();
  await page.getByLabel("Email").fill(user.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Contraseña").fill(`equivocada-${i}`);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(alerts(page)).toHaveText("El email o la contraseña no son correctos.");
    await expect(page.getByRole("button", { name: "Ingresar" })).toBeEnabled();
  }
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(alerts(page)).toHaveText(
    /^Demasiados intentos fallidos\. Probá de nuevo en 1[0-5] segundos\.$/,
  );
  await expect(page.getByRole("heading", { name: "Ingresar" })).toBeVisible();
});

test("failures sent with forged X-Forwarded-For addresses never lock the owner out of theirs", async ({
  page,
  browser,
  baseURL,
}) => {
  const owner = await signUp(page);
  await page.getByRole("button", { name: "Salir" }).click();

  // The attacker connects from another address (127.0.0.2) and forges a new one each time.
  const attacker = await browser.newContext({
    baseURL: baseURL!.replace("localhost", "127.0.0.2"),
  });
  const attack = await attacker.newPage();
  for (let i = 0; i < 10; i++) {
    await attack.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i + 1}` });
    await attack.goto("/ingresar");
    await attack.getByLabel("Email").fill(owner.email);
    await attack.getByLabel("Contraseña").fill(`adivinanza-${i}`);
    await attack.getByRole("button", { name: "Ingresar" }).click();
    await expect(alerts(attack)).toHaveText(
      i < 5 ? "El email o la contraseña no son correctos." : /^Demasiados intentos fallidos\./,
    );
  }
  await attacker.close();

  await signIn(page, owner);
});

test("a wrong password and invalid sign-up input are explained", async ({ page }) => {
  const user = await signUp(page);
  await page.getByRole("button", { name: "Salir" }).click();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Contraseña").fill("no-es-la-clave");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(alerts(page)).toHaveText("El email o la contraseña no son correctos.");
  await expect(page.getByLabel("Email")).toHaveValue(user.email);

  await page.goto("/registrarme");
  await page.getByLabel("Nombre").fill("Otra persona");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Contraseña").fill("corta");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByText("La contraseña debe tener al menos 12 caracteres.")).toBeVisible();
  await expect(page.getByLabel("Nombre")).toHaveValue("Otra persona");

  // Long enough, but the first thing anyone would try.
  await page.getByLabel("Contraseña").fill("contraseña123");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByText(/^Esa contraseña es fácil de adivinar\./)).toBeVisible();

  // Valid: the same answer as for a new email (e2e/email.spec.ts shows what the owner gets).
  await page.getByLabel("Contraseña").fill("una-clave-bien-larga");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByRole("heading", { name: "Revisá tu email" })).toBeVisible();
});

test("pages under the dashboard require a session", async ({ page }) => {
  for (const path of ["/empresas", "/empresas/nueva", `/empresas/${crypto.randomUUID()}/consumo`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/ingresar/);
  }
});

test("the sign-in and sign-up pages have no axe violations", async ({ page }) => {
  await page.goto("/ingresar");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByText("Ingresá tu email.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/registrarme");
  await expectNoAxeViolations(page);
});
