import { accounts, addBusiness, expect, expectNoAxeViolations, signUp, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("adding a business verifies it once and shows the emulator's exact figures", async ({
  page,
  emulator,
}) => {
  const account = accounts.a1003;
  const before = (await emulator.calls(account.apikey)).total;
  await signUp(page);

  // A CUIT with a wrong check digit is refused before anything is sent.
  await page.goto("/empresas/nueva");
  await page.getByLabel("Razón social").fill("Ferretería El Tornillo");
  await page.getByLabel("CUIT").fill("30-11122233-4");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(
    page.getByText("El CUIT no es válido: el dígito verificador no coincide."),
  ).toBeVisible();
  await expect(page.getByText("Ingresá el API key.")).toBeVisible();
  await expect(page.getByLabel("Razón social")).toHaveValue("Ferretería El Tornillo");
  expect((await emulator.calls(account.apikey)).total).toBe(before);

  const businessId = await addBusiness(page, account, "Ferretería El Tornillo");
  await expect(page).toHaveURL(new RegExp(`/empresas/${businessId}/consumo$`));
  await expect(page.getByRole("heading", { name: "Ferretería El Tornillo" })).toBeVisible();
  await expect(page.getByText("CUIT 20-05536168-2")).toBeVisible();
  await expect(page.getByRole("img", { name: "7 de 200 comprobantes usados" })).toBeVisible();
  const figure = (label: string) => page.locator("dl div").filter({ hasText: label }).locator("dd");
  await expect(figure("Comprobantes generados")).toHaveText("7");
  await expect(figure("Cupo del plan")).toHaveText("200");
  await expect(figure("Disponibles")).toHaveText("193");
  await expect(figure("Abonos pendientes")).toHaveText("0");
  await expect(page.getByText("Queda poco cupo")).toHaveCount(0);
  await expect(page.getByText(/Actualizado (recién|hace 1 minuto)/)).toBeVisible();
  expect((await emulator.calls(account.apikey)).total).toBe(before + 1);

  // Two more visits within the freshness window: no upstream call.
  await page.reload();
  await expect(figure("Disponibles")).toHaveText("193");
  await page.goto("/empresas");
  await page.getByRole("link", { name: /Ferretería El Tornillo/ }).click();
  await expect(figure("Disponibles")).toHaveText("193");
  expect((await emulator.calls(account.apikey)).total).toBe(before + 1);

  // "Actualizar" says what it costs, and costs exactly that.
  await expect(page.getByText("Usa 1 request de tu plan de TusFacturas.")).toBeVisible();
  await emulator.setConsumo({
    apikey: account.apikey,
    comprobantes_generados: 185,
    comprobantes_disponibles: 15,
  });
  await page.getByRole("button", { name: "Actualizar" }).click();
  await expect(page.getByRole("img", { name: "185 de 200 comprobantes usados" })).toBeVisible();
  await expect(figure("Disponibles")).toHaveText("15");
  await expect(page.getByText("Queda poco cupo")).toBeVisible();
  await expect(
    page.getByText("Te quedan 15 comprobantes disponibles: menos del 20% del cupo de 200."),
  ).toBeVisible();
  expect((await emulator.calls(account.apikey)).total).toBe(before + 2);
  await emulator.setConsumo({
    apikey: account.apikey,
    comprobantes_generados: 7,
    comprobantes_disponibles: 193,
  });
});

test("disponibles is shown as TusFacturas sent it, never recomputed", async ({
  page,
  emulator,
}) => {
  const account = accounts.a1004;
  // 500 − 50 ≠ 12: the figures do not add up, as in TusFacturas' own docs.
  await emulator.setConsumo({
    apikey: account.apikey,
    comprobantes_generados: 50,
    comprobantes_cupo: 500,
    comprobantes_disponibles: 12,
    abonos_pendientes: 10,
  });
  await signUp(page);
  await addBusiness(page, account);
  const figure = (label: string) => page.locator("dl div").filter({ hasText: label }).locator("dd");
  await expect(figure("Disponibles")).toHaveText("12");
  await expect(figure("Abonos pendientes")).toHaveText("10");
  await expect(page.getByText("Queda poco cupo")).toBeVisible();
  await emulator.setConsumo({
    apikey: account.apikey,
    comprobantes_generados: 50,
    comprobantes_cupo: 500,
    comprobantes_disponibles: 440,
    abonos_pendientes: 10,
  });
});

test("the businesses, credentials and consumo pages have no axe violations", async ({ page }) => {
  await signUp(page);
  await expectNoAxeViolations(page);
  const businessId = await addBusiness(page, accounts.a1006);
  await expect(page.getByText("Queda poco cupo")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/empresas");
  await expectNoAxeViolations(page);
  await page.goto(`/empresas/${businessId}/credenciales`);
  await expect(page.getByText("Credenciales cargadas y verificadas")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/empresas/nueva");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByText("Ingresá la razón social.")).toBeVisible();
  await expectNoAxeViolations(page);
});
