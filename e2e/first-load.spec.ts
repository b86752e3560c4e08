import { everyPage, FIRST_LOAD_BUDGET, measureFirstLoad } from "../scripts/first-load";
import { accounts, addBusiness, addClient, expect, signUp, test } from "./fixtures";

// What a cold visit of each page downloads before it works, held to the budget every page keeps
// (`npm run bench` prints the same figures): a new import in the header or a shared module
// shows up here, on whichever page goes over first.

/** 1013's client with movements in the emulator (lib/tusfacturas/fixtures/accounts.json). */
const prueba = { nombre: "CUIT DE PRUEBA", cuit: "30555666779" };

const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;

test("no page's first load is over 150 KiB of JavaScript", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signUp(page);
  const businessId = await addBusiness(page, accounts.a1013, "Primera carga");
  await addClient(page, businessId, prueba);
  // The ledger stored once, as on any later visit.
  await page.goto(`/empresas/${businessId}/clientes/${prueba.cuit}`);
  await expect(page.getByRole("button", { name: "Exportar CSV" })).toBeEnabled();

  const routes = everyPage(businessId, prueba.cuit);
  const loads = await measureFirstLoad(
    browser,
    await page.context().storageState(),
    routes,
    baseURL!,
  );

  const sizes = loads.map(({ route, initial }) => `${route}: ${kib(initial.bytes)}`).join("\n");
  // Each page was measured: it named its scripts (Next's own are five or more).
  for (const { route, initial } of loads)
    expect(initial.scripts, `${route}\n${sizes}`).toBeGreaterThanOrEqual(5);
  const over = loads.filter(({ initial }) => initial.bytes > FIRST_LOAD_BUDGET);
  expect(
    over.map(({ route }) => route),
    `más de ${kib(FIRST_LOAD_BUDGET)}:\n${sizes}`,
  ).toEqual([]);
});
