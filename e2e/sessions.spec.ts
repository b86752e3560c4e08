import { expect, expectNoAxeViolations, signIn, signUp, test } from "./fixtures";

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

  await page.goto("/cuenta/sesiones");
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
