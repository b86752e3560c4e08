import type { Page } from "@playwright/test";
import { currentPeriod, formatPeriod, periodCode, previousPeriod } from "../lib/iva/period";
import type { EmulatorControl } from "../lib/tusfacturas/emulator/control";
import {
  accounts,
  addBusiness,
  alerts,
  expect,
  expectNoAxeViolations,
  signUp,
  test,
  type Account,
  rewriteActionCalls,
} from "./fixtures";

// Accounts 1007–1010 are this file's alone, and its tests run one after another, so the
// emulator's counters move only because of what each test does.
test.describe.configure({ mode: "serial" });

const IVA = "micuenta/iva_compras_ventas";
const previous = previousPeriod(new Date());

async function ivaCalls(emulator: EmulatorControl, account: Account): Promise<number> {
  return (await emulator.calls(account.apikey)).byMethod[IVA] ?? 0;
}

function historyRows(page: Page) {
  return page.getByRole("table", { name: /Solicitudes de reportes/ }).locator("tbody tr");
}

test("a report is confirmed, sent once however often it is clicked, and kept in the history", async ({
  page,
  context,
  emulator,
}) => {
  const user = await signUp(page);
  const businessId = await addBusiness(page, accounts.a1007);
  const before = await ivaCalls(emulator, accounts.a1007);

  await page.goto(`/empresas/${businessId}/iva`);
  await expect(page.getByText("Todavía no se pidió ningún reporte de esta empresa.")).toBeVisible();
  // The previous month (what is filed) and the user's own address come preselected.
  await expect(page.getByLabel("Mes")).toHaveValue(String(previous.mes));
  await expect(page.getByLabel("Año")).toHaveValue(String(previous.anio));
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  const confirmation = page.getByRole("group", { name: /Vas a pedir el reporte/ });
  await expect(confirmation).toContainText(
    `Vas a pedir el reporte de IVA compras-ventas de ${formatPeriod(previous)} para ${user.email}.`,
  );
  await expect(confirmation).toContainText("TusFacturas lo envía por email a esa dirección");
  await expect(confirmation).toContainText("Usa 1 request del plan de la empresa.");
  await expectNoAxeViolations(page);
  expect(await ivaCalls(emulator, accounts.a1007)).toBe(before);

  await confirmation.getByRole("button", { name: "Confirmar y enviar" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Solicitud enviada" })).toContainText(
    `TusFacturas enviará el reporte de ${formatPeriod(previous)} a ${user.email}.`,
  );
  await expect(historyRows(page)).toHaveCount(1);
  await expect(historyRows(page).first()).toContainText(periodCode(previous));
  await expect(historyRows(page).first()).toContainText(user.name);
  await expect(historyRows(page).first()).toContainText("Enviado");
  expect(await ivaCalls(emulator, accounts.a1007)).toBe(before + 1);
  const outbox = (await emulator.outbox()).filter((r) => r.email === user.email);
  expect(outbox.map(({ anio, mes }) => ({ anio, mes }))).toEqual([previous]);

  // A second tab asking for the same period and address is asked to confirm the repeat.
  const second = await context.newPage();
  await second.goto(`/empresas/${businessId}/iva`);
  await second.getByRole("button", { name: "Solicitar reporte" }).click();
  await expect(
    second.getByText(/^Ya lo solicitaste hoy a las \d\d:\d\d\. ¿Enviar de nuevo\?$/),
  ).toBeVisible();
  await second.getByRole("button", { name: "Cancelar" }).click();
  await expect(second.getByRole("button", { name: "Solicitar reporte" })).toBeFocused();
  expect(await ivaCalls(emulator, accounts.a1007)).toBe(before + 1);

  // Confirmed explicitly, it goes once more.
  await second.getByRole("button", { name: "Solicitar reporte" }).click();
  await second.getByRole("button", { name: "Enviar de nuevo" }).click();
  await expect(second.getByText("Solicitud enviada")).toBeVisible();
  await expect(historyRows(second)).toHaveCount(2);
  expect(await ivaCalls(emulator, accounts.a1007)).toBe(before + 2);

  // The history survives a reload and filters by period through the URL.
  const code = `${previous.anio}-${String(previous.mes).padStart(2, "0")}`;
  await second.goto(`/empresas/${businessId}/iva?periodo=${code}`);
  await expect(historyRows(second)).toHaveCount(2);
  await second.goto(`/empresas/${businessId}/iva?periodo=2001-01`);
  await expect(second.getByText("No hay solicitudes del período enero de 2001.")).toBeVisible();
  await second.getByRole("link", { name: "Ver todas" }).click();
  await expect(historyRows(second)).toHaveCount(2);
});

test("bad periods and addresses are explained and nothing is sent", async ({ page, emulator }) => {
  await signUp(page);
  const businessId = await addBusiness(page, accounts.a1008);
  const before = await ivaCalls(emulator, accounts.a1008);
  await page.goto(`/empresas/${businessId}/iva`);

  await page.getByLabel("Email").fill("ana@example.com, beto@example.com");
  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  await expect(page.getByText("Indicá una sola dirección de email.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("ana@example.com, beto@example.com");

  await page.getByLabel("Email").fill("ana@");
  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  await expect(page.getByText("La dirección de email no es válida.")).toBeVisible();

  await page.getByLabel("Email").fill("");
  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  await expect(page.getByText("Ingresá una dirección de email.")).toBeVisible();

  const today = currentPeriod(new Date());
  if (today.mes < 12) {
    await page.getByLabel("Email").fill("ana@example.com");
    await page.getByLabel("Año").selectOption(String(today.anio));
    await page.getByLabel("Mes").selectOption(String(today.mes + 1));
    await page.getByRole("button", { name: "Solicitar reporte" }).click();
    await expect(
      page.getByText(`No se puede pedir un período futuro: el último es ${formatPeriod(today)}.`),
    ).toBeVisible();
  }
  await expect(page.getByRole("group", { name: /Vas a pedir el reporte/ })).toHaveCount(0);
  expect(await ivaCalls(emulator, accounts.a1008)).toBe(before);
});

test("a rejection shows TusFacturas' messages and a timeout is recorded as failed, never retried", async ({
  page,
  emulator,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, accounts.a1008);
  const before = await ivaCalls(emulator, accounts.a1008);
  await page.goto(`/empresas/${businessId}/iva`);

  await emulator.injectFault({
    apikey: accounts.a1008.apikey,
    method: IVA,
    kind: "rejected",
    count: 1,
    messages: ["  El punto de venta no tiene habilitado el reporte. "],
  });
  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  await page.getByRole("button", { name: "Confirmar y enviar" }).click();
  await expect(alerts(page)).toContainText("TusFacturas rechazó la solicitud");
  await expect(alerts(page)).toContainText("El punto de venta no tiene habilitado el reporte.");
  await expect(historyRows(page).first()).toContainText("Rechazado");
  await expect(historyRows(page).first()).toContainText(
    "El punto de venta no tiene habilitado el reporte.",
  );
  expect(await ivaCalls(emulator, accounts.a1008)).toBe(before + 1);

  // A rejected request sent nothing, so asking again needs no "send again".
  await emulator.injectFault({
    apikey: accounts.a1008.apikey,
    method: IVA,
    kind: "latency",
    // Past the e2e server's 6 s timeout (playwright.config.ts).
    latencyMs: 6500,
    count: 1,
  });
  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  await page.getByRole("button", { name: "Confirmar y enviar" }).click();
  await expect(alerts(page)).toContainText("No se pudo confirmar la solicitud");
  await expect(alerts(page)).toContainText("TusFacturas no respondió a tiempo.");
  await expect(alerts(page)).toContainText("Tablero no la reintenta");
  await expect(historyRows(page)).toHaveCount(2);
  await expect(historyRows(page).first()).toContainText("Falló");
  // Past the retry backoff a read would use: still one call for this request.
  await page.waitForTimeout(1500);
  expect(await ivaCalls(emulator, accounts.a1008)).toBe(before + 2);
});

test("a reload while the request is in flight shows it as sending and sends nothing more", async ({
  page,
  emulator,
}) => {
  const user = await signUp(page);
  const businessId = await addBusiness(page, accounts.a1009);
  const before = await ivaCalls(emulator, accounts.a1009);
  await page.goto(`/empresas/${businessId}/iva`);

  await emulator.injectFault({
    apikey: accounts.a1009.apikey,
    method: IVA,
    kind: "latency",
    // Within the e2e server's 6 s timeout, long enough to reload and ask again meanwhile.
    latencyMs: 5000,
    count: 1,
  });
  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  await page.getByRole("button", { name: "Confirmar y enviar" }).click();
  await expect(page.getByRole("button", { name: "Enviando…" })).toBeVisible();
  // The request is recorded before the call: once TusFacturas has it, reload while it answers.
  await expect.poll(() => ivaCalls(emulator, accounts.a1009)).toBe(before + 1);
  await page.reload();
  await expect(historyRows(page).first()).toContainText("Enviando…");

  await page.getByRole("button", { name: "Solicitar reporte" }).click();
  await expect(alerts(page)).toContainText(
    "Ya hay una solicitud de este período a esta dirección en curso",
  );
  // The page follows the request to its outcome on its own.
  await expect(historyRows(page).first()).toContainText("Enviado");
  await expect(historyRows(page)).toHaveCount(1);
  expect(await ivaCalls(emulator, accounts.a1009)).toBe(before + 1);
  const outbox = (await emulator.outbox()).filter((r) => r.email === user.email);
  expect(outbox).toHaveLength(1);
});

test("an accountant requests for several businesses at once and sees each outcome", async ({
  page,
  emulator,
}) => {
  const user = await signUp(page);
  await addBusiness(page, accounts.a1007, "A Lote Panadería");
  const rejectedId = await addBusiness(page, accounts.a1008, "B Lote Ferretería");
  await addBusiness(page, accounts.a1009, "C Lote Librería");
  await addBusiness(
    page,
    { ...accounts.a1010, apitoken: "tokenequivocado" },
    "D Lote Sin Verificar",
  );
  const ok = [accounts.a1007, accounts.a1008, accounts.a1009, accounts.a1010] as const;
  const before = await Promise.all(ok.map((a) => ivaCalls(emulator, a)));

  await page.goto("/iva");
  const form = page.getByRole("form", { name: "Solicitar para varias empresas" });
  for (const name of ["A Lote Panadería", "B Lote Ferretería", "C Lote Librería"]) {
    await expect(form.getByRole("checkbox", { name })).toBeChecked();
  }
  await expect(form.getByRole("checkbox", { name: "D Lote Sin Verificar" })).toBeChecked();
  await expect(form).toContainText(
    "Se omitirá: Las credenciales de TusFacturas de esta empresa no están verificadas",
  );
  await expect(form.getByLabel("Email")).toHaveValue(user.email);
  await expectNoAxeViolations(page);

  await emulator.injectFault({
    apikey: accounts.a1007.apikey,
    method: IVA,
    kind: "latency",
    // Long enough to see it on its way on a busy machine (the server's timeout is 6 s).
    latencyMs: 3000,
    count: 1,
  });
  await emulator.injectFault({
    apikey: accounts.a1008.apikey,
    method: IVA,
    kind: "rejected",
    count: 1,
    messages: ["No hay comprobantes en el período."],
  });
  await form.getByRole("button", { name: "Solicitar reportes" }).click();
  const confirmation = form.getByRole("group", { name: /Vas a pedir el reporte/ });
  await expect(confirmation).toContainText(
    `Vas a pedir el reporte de IVA compras-ventas de ${formatPeriod(previous)} de 3 empresas para ${user.email}.`,
  );
  await expect(confirmation).toContainText("1 empresa se omitirá por sus credenciales.");
  await confirmation.getByRole("button", { name: "Confirmar y enviar" }).click();

  await page.waitForURL(/\/iva\?lote=[0-9a-f-]{36}$/);
  const rows = page.getByTestId("lote-empresa");
  const row = (name: string) => rows.filter({ hasText: name });
  // One at a time: the first is on its way while the rest wait.
  await expect(row("A Lote Panadería")).toContainText("Enviando…");
  await expect(row("C Lote Librería")).toContainText("En espera");
  await expect(page.getByText(/^Terminado:/)).toHaveText(
    "Terminado: 2 enviadas, 1 rechazada, 1 omitida.",
  );
  await expect(row("A Lote Panadería")).toContainText("Enviado");
  await expect(row("B Lote Ferretería")).toContainText("Rechazado");
  await expect(row("B Lote Ferretería")).toContainText("No hay comprobantes en el período.");
  await expect(row("C Lote Librería")).toContainText("Enviado");
  await expect(row("D Lote Sin Verificar")).toContainText("Omitido");
  const after = await Promise.all(ok.map((a) => ivaCalls(emulator, a)));
  expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 1, 0]);
  await expectNoAxeViolations(page);

  // Left and reopened, the run is still there with its outcome; each business's history has it.
  const runUrl = page.url();
  await page.goto("/empresas");
  await page.goto("/iva");
  await expect(page.getByText("Terminado: 2 enviadas, 1 rechazada, 1 omitida.")).toBeVisible();
  await page.goto(runUrl);
  await expect(row("B Lote Ferretería")).toContainText("Rechazado");
  await page.goto(`/empresas/${rejectedId}/iva`);
  await expect(historyRows(page).first()).toContainText("No hay comprobantes en el período.");
  expect(
    (await Promise.all(ok.map((a) => ivaCalls(emulator, a)))).map((n, i) => n - before[i]!),
  ).toEqual([1, 1, 1, 0]);
});

test("someone without a role in a business can neither open its IVA page nor request for it", async ({
  browser,
  emulator,
}) => {
  const owner = await browser.newPage();
  await signUp(owner);
  const victimId = await addBusiness(owner, accounts.a1010, "IVA de otra persona");
  await owner.goto(`/empresas/${victimId}/iva`);
  await owner.getByRole("button", { name: "Solicitar reporte" }).click();
  await owner.getByRole("button", { name: "Confirmar y enviar" }).click();
  await expect(owner.getByText("Solicitud enviada")).toBeVisible();
  await owner.goto("/iva");
  await owner.getByRole("button", { name: "Solicitar reportes" }).click();
  await owner.getByRole("button", { name: /Enviar a todas/ }).click();
  await owner.waitForURL(/\/iva\?lote=/);
  const victimBatch = new URL(owner.url()).searchParams.get("lote")!;
  await expect(owner.getByText(/^Terminado:/)).toBeVisible();

  const intruder = await browser.newContext().then((context) => context.newPage());
  await signUp(intruder);
  await intruder.goto(`/empresas/${victimId}/iva`);
  await expect(intruder.getByRole("heading", { name: "No encontramos esta página" })).toBeVisible();
  await intruder.goto(`/iva?lote=${victimBatch}`);
  await expect(intruder.getByRole("heading", { name: "No encontramos esta página" })).toBeVisible();
  await expect(intruder.getByText("IVA de otra persona")).toHaveCount(0);

  // Real action calls of the intruder's own business, rewritten to the victim's.
  const ownId = await addBusiness(intruder, accounts.a1010, "IVA propio");
  await rewriteActionCalls(intruder, ownId, victimId);
  const before = await ivaCalls(emulator, accounts.a1010);
  await intruder.goto(`/empresas/${ownId}/iva`);
  await intruder.getByRole("button", { name: "Solicitar reporte" }).click();
  await expect(alerts(intruder)).toHaveText("No encontramos esa empresa.");
  await intruder.goto("/iva");
  await intruder.getByRole("button", { name: "Solicitar reportes" }).click();
  await expect(alerts(intruder)).toHaveText("No encontramos esa empresa.");
  expect(await ivaCalls(emulator, accounts.a1010)).toBe(before);

  // The owner's history shows only the owner's two requests.
  await owner.goto(`/empresas/${victimId}/iva`);
  await expect(historyRows(owner)).toHaveCount(2);
});
