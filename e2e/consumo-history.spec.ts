import {
  acceptBySigningUp,
  accounts,
  addBusiness,
  expect,
  expectNoAxeViolations,
  invite,
  newUser,
  signUp,
  test,
} from "./fixtures";

// Its own emulator account: this file counts its calls.
const account = accounts.a1014;

const MINUTE_MS = 60_000;

/** dd/mm in Buenos Aires, as the page writes dates. */
const dayMonth = (at: Date) =>
  new Intl.DateTimeFormat("es-AR", {
    timeZone: "America/Argentina/Buenos_Aires",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  })
    .format(at)
    .slice(0, 5);

test.describe.configure({ mode: "serial" });

test("the history draws both cycles from stored snapshots and says when the cupo runs out", async ({
  page,
  browser,
  emulator,
}) => {
  // The snapshots are stored as the server fetches them, seconds apart (the server's clock is
  // real): 1 comprobante between two snapshots at least a second apart, with 600 left, runs
  // out 10 to 60 minutes after this test, whatever the machine's pace. Its date is today's
  // (or, near midnight, tomorrow's), and the cycle must not end within the hour.
  const seeded = new Date();
  const soon = new Date(seeded.getTime() + 60 * MINUTE_MS);
  test.skip(
    dayMonth(soon).startsWith("01/") && !dayMonth(seeded).startsWith("01/"),
    "El ciclo termina dentro de la hora: la fecha proyectada quedaría fuera de él.",
  );
  const runsOut = new RegExp(
    `^A este ritmo, el cupo se agota alrededor del (${dayMonth(seeded)}|${dayMonth(soon)})\\.$`,
  );
  await emulator.setConsumo({
    apikey: account.apikey,
    comprobantes_generados: 450,
    comprobantes_cupo: 1000,
    comprobantes_disponibles: 550,
  });
  await signUp(page);
  const razonSocial = "Imprenta Historia S.A.";
  const businessId = await addBusiness(page, account, razonSocial);
  const history = page.getByRole("region", { name: "Historia del consumo" });

  // One snapshot (the verification's): no pace yet.
  await expect(
    history.getByText(
      "Hace falta más de una consulta en este ciclo para estimar cuándo se agota el cupo.",
    ),
  ).toBeVisible();

  // TusFacturas started counting again (399 < 450: a new cycle), then one more.
  const refreshTo = async (generados: number) => {
    await emulator.setConsumo({
      apikey: account.apikey,
      comprobantes_generados: generados,
      comprobantes_disponibles: 1000 - generados,
    });
    await page.getByRole("button", { name: "Actualizar" }).click();
    await expect(
      page.getByRole("img", { name: `${generados} de 1.000 comprobantes usados` }),
    ).toBeVisible();
  };
  await refreshTo(399);
  // At least a second between the two snapshots of this cycle (see `runsOut`).
  await page.waitForTimeout(1000);
  await refreshTo(400);
  const calls = (await emulator.calls(account.apikey)).total;

  await page.goto(`/empresas/${businessId}/consumo`);
  await expect(history.getByRole("figure", { name: "Comprobantes generados" })).toBeVisible();
  await expect(history.getByTestId("consumo-history-chart")).toBeVisible();
  await expect(history.getByText(runsOut)).toBeVisible();
  await history.getByText("Ver los datos del gráfico").click();
  const rows = history.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4);
  const cells = (row: number) => rows.nth(row).getByRole("cell");
  const when = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;
  await expect(cells(1)).toHaveText(["Anterior", when, "450", "1.000", "550"]);
  await expect(cells(2)).toHaveText(["Actual", when, "399", "1.000", "601"]);
  await expect(cells(3)).toHaveText(["Actual", when, "400", "1.000", "600"]);
  await expectNoAxeViolations(page);

  // The portfolio card says it too, from what is stored.
  await page.goto("/empresas");
  await expect(
    page.getByRole("list", { name: `Alertas de ${razonSocial}` }).getByText(runsOut),
  ).toBeVisible();

  // Lectura sees the same history: it is stored data, which costs the plan nothing.
  const reader = newUser();
  const link = await invite(page, businessId, reader.email, "Lectura");
  const lector = await browser.newContext().then((context) => context.newPage());
  // Accepting signs Lectura in and opens the business's consumo.
  await acceptBySigningUp(lector, link, reader);
  await lector.waitForURL(`**/empresas/${businessId}/consumo`);
  await expect(lector.getByText("Tu rol: Lectura")).toBeVisible();
  await expect(
    lector.getByRole("region", { name: "Historia del consumo" }).getByText(runsOut),
  ).toBeVisible();
  await lector.context().close();

  // Neither the history, the card nor Lectura's visit asked TusFacturas for anything.
  expect((await emulator.calls(account.apikey)).total).toBe(calls);
  await emulator.setConsumo({
    apikey: account.apikey,
    comprobantes_generados: 40,
    comprobantes_cupo: 100,
    comprobantes_disponibles: 60,
  });
});

test("a business with nothing stored shows the empty history", async ({ page, emulator }) => {
  await signUp(page);
  const businessId = await addBusiness(page, { ...account, apitoken: "token-equivocado" });
  const calls = (await emulator.calls(account.apikey)).total;

  await page.goto(`/empresas/${businessId}/consumo`);
  const history = page.getByRole("region", { name: "Historia del consumo" });
  await expect(history.getByText(/Todavía no hay historia/)).toBeVisible();
  await expect(history.getByRole("figure")).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect((await emulator.calls(account.apikey)).total).toBe(calls);
});
