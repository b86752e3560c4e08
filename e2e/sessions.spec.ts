import { alerts, expect, expectNoAxeViolations, signIn, signUp, test } from "./fixtures";

test("a session cookie captured before «Salir» opens nothing afterwards", async ({
  page,
  browser,
}) => {
  await signUp(page);
  const captured = await page.context().cookies();
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("heading", { name: "Ingresar" })).toBeVisible();

  // Someone replays the cookie the browser had before signing out.
  const replay = await browser.newContext();
  await replay.addCookies(captured);
  const stolen = await replay.newPage();
  await stolen.goto("/empresas");
  await expect(stolen).toHaveURL(/\/ingresar/);
  const response = await stolen.request.get("/empresas", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  await replay.close();
});

test("a session cookie captured before Auth.js's own sign-out endpoint opens nothing afterwards", async ({
  page,
  browser,
}) => {
  await signUp(page);
  const captured = await page.context().cookies();
  // The sign-out the authentication library answers by itself (what its client library
  // posts), not Tablero's «Salir»: with its CSRF token, from the signed-in browser.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const signedOut = await page.request.post("/api/auth/signout", {
    form: { csrfToken },
    maxRedirects: 0,
  });
  expect(signedOut.status()).toBe(302);

  const replay = await browser.newContext();
  await replay.addCookies(captured);
  const response = await replay.request.get("/empresas", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/ingresar");
  await replay.close();
});

test("Auth.js's own sign-out and error addresses lead to Tablero's pages, in Spanish", async ({
  page,
}) => {
  const user = await signUp(page);
  // Its sign-out page asks on Tablero's «Salir»…
  await page.goto("/api/auth/signout");
  await expect(page).toHaveURL(/\/salir$/);
  await expect(page.getByRole("heading", { name: "¿Salir de Tablero?" })).toBeVisible();
  await expect(page.getByText(`Ingresaste como ${user.email}.`)).toBeVisible();
  await expectNoAxeViolations(page);
  // …whose «Volver» keeps the session, and whose «Salir» ends it.
  await page.getByRole("link", { name: "Volver a tus empresas" }).click();
  await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
  await page.goto("/salir");
  await page.getByRole("main").getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("heading", { name: "Ingresar" })).toBeVisible();
  await page.goto("/salir");
  await expect(page).toHaveURL(/\/ingresar$/);

  // Its error page: the sign-in page says so, without the library's code.
  await page.goto("/api/auth/error?error=Configuration");
  await expect(page).toHaveURL(/\/ingresar\?error=Configuration$/);
  await expect(alerts(page)).toHaveText("No pudimos completar el ingreso. Probá de nuevo.");
  await expect(page.getByText("Configuration")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("Sesiones activas lists both browsers; «Cerrar» signs the other one out at once", async ({
  page,
  browser,
}) => {
  const user = await signUp(page);
  const otherContext = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/133.0",
  });
  const other = await otherContext.newPage();
  await signIn(other, user);

  await page.getByRole("link", { name: "Tu cuenta" }).click();
  await expect(page.getByRole("heading", { name: "Sesiones activas" })).toBeVisible();
  const table = page.getByRole("table", {
    name: "Dispositivos con una sesión abierta en tu cuenta",
  });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByText("Esta sesión")).toBeVisible();
  await expect(table.getByText("Firefox en Windows")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Cerrar la sesión de Firefox en Windows" }).click();
  await expect(page.getByRole("status")).toContainText("Cerramos la sesión de Firefox en Windows.");
  await expect(table.getByRole("row")).toHaveCount(2);

  await other.goto("/empresas");
  await expect(other).toHaveURL(/\/ingresar/);
  // This browser goes on.
  await page.goto("/empresas");
  await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
  await otherContext.close();
});

test("«Cerrar todas las demás» ends every other session, and the list says so", async ({
  page,
  browser,
}) => {
  const user = await signUp(page);
  const contexts = [await browser.newContext(), await browser.newContext()];
  const others = await Promise.all(contexts.map((context) => context.newPage()));
  for (const other of others) await signIn(other, user);

  await page.goto("/cuenta");
  const closeOthers = page.getByRole("button", { name: "Cerrar todas las demás" });
  await closeOthers.click();
  await expect(page.getByRole("status")).toContainText("Cerramos 2 sesiones.");
  await expect(closeOthers).toBeDisabled();

  for (const other of others) {
    await other.reload();
    await expect(other).toHaveURL(/\/ingresar/);
  }
  await Promise.all(contexts.map((context) => context.close()));
});

test("«Cambiar contraseña» needs the current one, refuses a weak one and ends the other sessions", async ({
  page,
  browser,
}) => {
  const user = await signUp(page);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, user);

  await page.goto("/cuenta");
  const form = page.getByRole("form", { name: "Cambiar contraseña" });
  const fill = async (current: string, next: string, confirm = next) => {
    await form.getByLabel("Contraseña actual", { exact: true }).fill(current);
    await form.getByLabel("Contraseña nueva", { exact: true }).fill(next);
    await form.getByLabel("Repetí la contraseña nueva").fill(confirm);
    await form.getByRole("button", { name: "Cambiar contraseña" }).click();
  };
  await fill("no-es-la-mia", "tranvía-cometa-azulejo-41");
  await expect(form.getByText("La contraseña actual no es correcta.")).toBeVisible();
  await fill(user.password, "contraseña123");
  await expect(form.getByText(/^Esa contraseña es fácil de adivinar\./)).toBeVisible();
  await fill(user.password, "tranvía-cometa-azulejo-41", "tranvía-cometa-azulejo-42");
  await expect(form.getByText("Las dos contraseñas nuevas no coinciden.")).toBeVisible();
  await expectNoAxeViolations(page);

  await fill(user.password, "tranvía-cometa-azulejo-41");
  await expect(form.getByRole("status")).toHaveText(
    "Cambiaste tu contraseña y cerramos la otra sesión.",
  );
  await expect(form.getByLabel("Contraseña actual")).toHaveValue("");
  const table = page.getByRole("table", {
    name: "Dispositivos con una sesión abierta en tu cuenta",
  });
  await expect(table.getByRole("row")).toHaveCount(2);

  await other.goto("/empresas");
  await expect(other).toHaveURL(/\/ingresar/);
  await other.getByLabel("Email").fill(user.email);
  await other.getByLabel("Contraseña").fill(user.password);
  await other.getByRole("button", { name: "Ingresar" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "no son correctos" })).toBeVisible();
  await signIn(other, { ...user, password: "tranvía-cometa-azulejo-41" });
  await otherContext.close();
});
