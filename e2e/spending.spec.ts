import { accounts, addBusiness, expect, expectNoAxeViolations, signUp, test } from "./fixtures";

/** Account 1005 is this file's alone: its calls are counted. */
const account = accounts.a1005;

test("an owner's monthly budget stops «Actualizar» with a clear message until it is raised", async ({
  page,
  emulator,
}) => {
  await signUp(page);
  const before = (await emulator.calls(account.apikey)).total;
  const businessId = await addBusiness(page, account, "Librería El Budget");
  // Adding it verified the credentials with one consumo request.
  expect((await emulator.calls(account.apikey)).total).toBe(before + 1);

  await page.goto(`/empresas/${businessId}/actividad`);
  const budget = page.getByTestId("presupuesto");
  await expect(budget).toContainText("Presupuesto del mes: 1 de 50 requests");
  await expect(budget).toContainText("5% del cupo del plan, como mínimo 20");
  await page.getByLabel("Requests por mes").fill("dos");
  await page.getByRole("button", { name: "Guardar presupuesto" }).click();
  await expect(
    page.getByText("Ingresá un número entero de requests entre 1 y 100.000, o dejalo vacío."),
  ).toBeVisible();
  await page.getByLabel("Requests por mes").fill("2");
  await page.getByRole("button", { name: "Guardar presupuesto" }).click();
  await expect(budget).toContainText("Presupuesto del mes: 1 de 2 requests (fijado por un dueño).");
  await expectNoAxeViolations(page);

  await page.goto(`/empresas/${businessId}/consumo`);
  const refresh = page.getByRole("button", { name: "Actualizar" });
  await refresh.click();
  await expect(page.getByText(/Actualizado (recién|hace 1 minuto)/)).toBeVisible();
  await expect(refresh).toBeEnabled();
  expect((await emulator.calls(account.apikey)).total).toBe(before + 2);

  await refresh.click();
  await expect(
    page.getByText(
      "Se alcanzó el presupuesto de 2 requests de TusFacturas de este mes para esta empresa: se muestra la copia guardada. Un dueño puede subirlo en Actividad.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: /de 1\.?000 comprobantes usados/ })).toBeVisible();
  expect((await emulator.calls(account.apikey)).total).toBe(before + 2);

  await page.goto(`/empresas/${businessId}/actividad`);
  await expect(budget).toContainText("Presupuesto del mes: 2 de 2 requests");
  await expect(page.getByText("Se alcanzó el presupuesto: Tablero no hace más")).toBeVisible();
  await expect(
    page.getByTestId("actividad").filter({ hasText: "No se hizo un request a TusFacturas:" }),
  ).toContainText("Se alcanzó el presupuesto de 2 requests");

  await page.getByLabel("Requests por mes").fill("3");
  await page.getByRole("button", { name: "Guardar presupuesto" }).click();
  await expect(budget).toContainText("Presupuesto del mes: 2 de 3 requests");
  await page.goto(`/empresas/${businessId}/consumo`);
  await refresh.click();
  await expect(refresh).toBeEnabled();
  await expect.poll(async () => (await emulator.calls(account.apikey)).total).toBe(before + 3);
});
