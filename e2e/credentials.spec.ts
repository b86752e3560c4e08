import { accounts, addBusiness, expect, signUp, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("wrong credentials are reported and stored as not verified; replacing them verifies", async ({
  page,
  emulator,
}) => {
  const account = accounts.a1004;
  await signUp(page);
  const businessId = await addBusiness(page, { ...account, apitoken: "token-equivocado" });

  await expect(page).toHaveURL(
    new RegExp(`/empresas/${businessId}/credenciales\\?verificacion=fallida`),
  );
  await expect(page.getByText("Credenciales cargadas, sin verificar")).toBeVisible();
  await expect(page.getByText("Las credenciales de TusFacturas no son válidas.")).toBeVisible();

  await page.getByRole("link", { name: "Consumo" }).click();
  await expect(page.getByText("Credenciales sin verificar")).toBeVisible();
  await expect(page.getByText("Todavía no hay datos de consumo de esta empresa.")).toBeVisible();

  const before = (await emulator.calls(account.apikey)).total;
  await page.getByRole("link", { name: "Revisar credenciales" }).click();
  await page.getByLabel("API key").fill(account.apikey);
  await page.getByLabel("API token").fill(account.apitoken);
  await page.getByLabel("User token").fill(account.usertoken);
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(
    page.getByText("Credenciales guardadas y verificadas con TusFacturas."),
  ).toBeVisible();
  await expect(page.getByText("Credenciales cargadas y verificadas")).toBeVisible();
  // Saved credentials are not left on screen.
  for (const label of ["API key", "API token", "User token"])
    await expect(page.getByLabel(label)).toHaveValue("");
  expect((await emulator.calls(account.apikey)).total).toBe(before + 1);

  await page.getByRole("link", { name: "Consumo" }).click();
  await expect(page.getByRole("img", { name: "50 de 500 comprobantes usados" })).toBeVisible();
});

test("credentials never reach the browser and can be deleted", async ({ page }) => {
  const account = accounts.a1004;
  await signUp(page);
  const businessId = await addBusiness(page, account);

  for (const path of [
    "/empresas",
    `/empresas/${businessId}/consumo`,
    `/empresas/${businessId}/credenciales`,
  ]) {
    const response = await page.goto(path);
    const html = await response!.text();
    expect(html).not.toContain(account.apitoken);
    expect(html).not.toContain(account.usertoken);
    expect(html).not.toContain(`"${account.apikey}"`);
    await expect(page.getByLabel("API token")).toHaveCount(path.endsWith("credenciales") ? 1 : 0);
  }
  await expect(page.getByLabel("API token")).toHaveValue("");

  await page.getByRole("button", { name: "Eliminar credenciales" }).click();
  await page.getByRole("button", { name: "Sí, eliminar credenciales" }).click();
  await expect(page.getByText("Esta empresa no tiene credenciales cargadas.")).toBeVisible();
  await page.getByRole("link", { name: "Consumo" }).click();
  await expect(
    page.getByRole("heading", { name: "Esta empresa no tiene credenciales de TusFacturas" }),
  ).toBeVisible();
});

test("an owner deletes a business", async ({ page }) => {
  await signUp(page);
  const businessId = await addBusiness(page, accounts.a1004, "Empresa a borrar");
  await page.goto(`/empresas/${businessId}/credenciales`);
  await page.getByRole("button", { name: "Eliminar empresa" }).click();
  await page.getByRole("button", { name: "Sí, eliminar empresa" }).click();
  await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
  await expect(page.getByText("Empresa a borrar")).toHaveCount(0);
  await page.goto(`/empresas/${businessId}/consumo`);
  await expect(page.getByRole("heading", { name: "No encontramos esta página" })).toBeVisible();
});
