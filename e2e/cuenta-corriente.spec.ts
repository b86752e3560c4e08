import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import {
  accounts,
  addBusiness,
  addClient,
  alerts,
  cuentaCorrienteCalls,
  expect,
  expectNoAxeViolations,
  pesos,
  signUp,
  test,
  urlEnding,
  rewriteActionCalls,
  callsBesidesLookups,
} from "./fixtures";

// Only this file uses the demo account 1001, so its call counter can be asserted exactly.
const account = accounts.a1001;
const EMPRESA = "Panadería La Espiga S.R.L.";

// 1001's clients in the emulator (lib/tusfacturas/fixtures/accounts.json).
const servicios = { nombre: "SERVICIOS DE INFORMÁTICA DEL LITORAL S.A.", cuit: "30712340017" };
const cooperativa = { nombre: "COOPERATIVA ESCOLAR NRO. 14", cuit: "30612345674" }; // no movements
const distribuidora = { nombre: "DISTRIBUIDORA MAYORISTA DEL SUR S.A.", cuit: "30500010912" }; // 20,000
// A valid CUIT that is not in 1001's cartera at TusFacturas.
const desconocido = { nombre: "Cliente que TusFacturas no conoce", cuit: "20334455662" };

type Row = [
  fecha: string,
  comprobante: string,
  debe: string,
  haber: string,
  resta: string,
  saldo: string,
];

/** SERVICIOS DE INFORMÁTICA DEL LITORAL's cuenta corriente as the emulator serves it. */
const SERVICIOS_ROWS: Row[] = [
  ["10/01/2025", "Factura A 0002-00000210", "48.200,00", "", "", "48.200,00"],
  ["10/01/2025", "Factura A 0002-00000211", "1.520,75", "", "", "49.720,75"],
  ["05/02/2025", "Recibo X 0002-00000030", "", "49.720,75", "", "0,00"],
  ["12/02/2025", "Factura A 0002-00000240", "52.100,40", "", "", "52.100,40"],
  ["01/03/2025", "Nota de débito A 0002-00000002", "1.563,01", "", "", "53.663,41"],
  ["15/03/2025", "Recibo X 0002-00000038", "", "30.000,00", "", "23.663,41"],
  ["02/04/2025", "Factura A 0002-00000268", "52.100,40", "", "30.000,00", "75.763,81"],
  ["02/04/2025", "Nota de crédito A 0002-00000004", "", "2.100,40", "", "73.663,41"],
  ["06/05/2025", "Recibo X 0002-00000045", "", "23.663,41", "", "50.000,00"],
  ["20/05/2025", "Factura A 0002-00000290", "55.999,99", "", "55.999,99", "105.999,99"],
  ["03/06/2025", "Recibo X 0002-00000051", "", "20.000,00", "", "85.999,99"],
  ["18/06/2025", "Factura A 0002-00000305", "55.999,99", "", "55.999,99", "141.999,98"],
];
const rowsAt = (...indexes: number[]) => indexes.map((i) => SERVICIOS_ROWS[i]!);

function ledgerUrl(businessId: string, cuit: string, search = ""): string {
  return `/empresas/${businessId}/clientes/${cuit}${search}`;
}

/** A signed-up user with a 1001 business and SERVICIOS in its cartera, its ledger open. */
async function openServiciosLedger(page: Page): Promise<string> {
  await signUp(page);
  const businessId = await addBusiness(page, account, EMPRESA);
  await addClient(page, businessId, servicios);
  await page.getByRole("link", { name: servicios.nombre }).click();
  await expect(ledgerRows(page)).toHaveCount(SERVICIOS_ROWS.length);
  return businessId;
}

function ledgerTable(page: Page) {
  return page.getByLabel("Movimientos, con desplazamiento").getByRole("table");
}

function ledgerRows(page: Page) {
  return ledgerTable(page).locator("tbody tr:not([aria-hidden])");
}

/** The ledger table shows exactly these rows, in this order, as a user reads them. */
async function expectLedgerRows(page: Page, rows: Row[]): Promise<void> {
  await expect(ledgerRows(page)).toHaveCount(rows.length);
  for (const [i, [fecha, comprobante, debe, haber, resta, saldo]] of rows.entries()) {
    const money = (amount: string) => (amount ? pesos(amount) : "");
    // The first six columns: «Vence» and «Estado» arrive from the background lookups.
    await expect(ledgerRows(page).nth(i).locator("td:nth-child(-n+6)")).toHaveText([
      fecha,
      comprobante,
      money(debe),
      money(haber),
      money(resta),
      money(saldo),
    ]);
  }
}

function total(page: Page, label: string) {
  return page
    .getByLabel("Totales")
    .locator("div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd");
}

async function expectTotals(
  page: Page,
  expected: { debe: string; haber: string; saldo: string; resta: string; movimientos: number },
): Promise<void> {
  await expect(total(page, "Total debe")).toHaveText(pesos(expected.debe));
  await expect(total(page, "Total haber")).toHaveText(pesos(expected.haber));
  await expect(total(page, "Saldo")).toHaveText(pesos(expected.saldo));
  await expect(total(page, "Resta abonar")).toHaveText(pesos(expected.resta));
  await expect(
    page.getByText(`${expected.movimientos} movimientos en el período.`, { exact: false }),
  ).toBeVisible();
}

const ALL_TOTALS = {
  debe: "267.484,54",
  haber: "125.484,56",
  saldo: "141.999,98",
  resta: "141.999,98",
  movimientos: 12,
};
// 01/04/2025 to 31/05/2025: rows 7 to 10.
const APRIL_MAY = "?desde=2025-04-01&hasta=2025-05-31";
const APRIL_MAY_TOTALS = {
  debe: "108.100,39",
  haber: "25.763,81",
  saldo: "105.999,99",
  resta: "85.999,99",
  movimientos: 4,
};

test("a client's ledger shows the emulator's rows, totals and aging, in either order", async ({
  page,
  browser,
}) => {
  const businessId = await openServiciosLedger(page);
  await expect(page).toHaveURL(urlEnding(ledgerUrl(businessId, servicios.cuit)));
  await expect(
    page.getByRole("heading", { name: `Cuenta corriente de ${servicios.nombre}` }),
  ).toBeVisible();
  await expect(page.getByText("CUIT 30-71234001-7")).toBeVisible();
  await expect(page.getByText(/Actualizado (recién|hace 1 minuto)/)).toBeVisible();
  // The exact date and time is the tooltip, written once the pointer comes over it.
  const fetchedAt = page.locator("time", { hasText: /recién|hace 1 minuto/ });
  await fetchedAt.hover();
  await expect(fetchedAt).toHaveAttribute("title", /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

  await expect(ledgerTable(page).getByRole("columnheader")).toHaveText([
    "Fecha",
    "Comprobante",
    "Debe",
    "Haber",
    "Resta abonar",
    "Saldo",
    "Vence",
    "Estado",
  ]);
  await expectLedgerRows(page, SERVICIOS_ROWS);
  // The original concepto stays available (repaired: TusFacturas sent it double-encoded).
  await expect(ledgerRows(page).first().getByRole("cell").nth(1)).toHaveAttribute(
    "title",
    "FACTURA A 0002-00000210 (SERVICIOS DE INFORMÁTICA DEL LITORAL S.A.)",
  );
  await expectTotals(page, ALL_TOTALS);
  // es-AR money: dot for thousands, comma for decimals, a no-break space after the sign.
  expect(await total(page, "Saldo").textContent()).toBe("$\u00a0141.999,98");
  // TusFacturas' saldos agree with Tablero's: nothing is flagged.
  await expect(page.getByText("Saldos distintos a los de TusFacturas")).toHaveCount(0);
  await expect(alerts(page)).toHaveCount(0);

  // Aging by the comprobante's date: the three unpaid ones are from 2025, over 90 days ago.
  const aging = page.getByRole("region", { name: "Antigüedad de lo impago" });
  const bucket = (name: string) => aging.getByRole("row", { name: new RegExp(`^${name}`) });
  await expect(bucket("Al día \\(0–30 días\\)").getByRole("cell")).toHaveText(["0", pesos("0,00")]);
  await expect(bucket("31–60 días").getByRole("cell")).toHaveText(["0", pesos("0,00")]);
  await expect(bucket("61–90 días").getByRole("cell")).toHaveText(["0", pesos("0,00")]);
  await expect(bucket("Más de 90 días").getByRole("cell")).toHaveText(["3", pesos("141.999,98")]);
  await expect(bucket("Total impago").getByRole("cell")).toHaveText(["", pesos("141.999,98")]);

  // The charts are drawn, once scrolled to.
  await expectChartsDrawn(page);
  // Once every movement has arrived, the saldo chart's tooltip names the comprobante.
  await expect(page.getByRole("button", { name: "Exportar CSV" })).toBeEnabled();
  const plot = page.locator("figure", { hasText: "Saldo a lo largo del tiempo" });
  const box = await plot.locator("[data-saldo-plot]").boundingBox();
  await page.mouse.move(box!.x + box!.width - 2, box!.y + box!.height / 2);
  await expect(plot.locator("[data-saldo-tooltip]")).toHaveText(
    `18/06/2025Factura A 0002-00000305Saldo ${pesos("141.999,98")}`,
  );
  // Early February: the nearest date is the recibo that left the saldo at zero.
  await page.mouse.move(box!.x + box!.width * 0.16, box!.y + box!.height / 2);
  await expect(plot.locator("[data-saldo-tooltip]")).toHaveText(
    `05/02/2025Recibo X 0002-00000030Saldo ${pesos("0,00")}`,
  );
  await page.mouse.move(0, 0);
  await expect(plot.locator("[data-saldo-tooltip]")).toHaveCount(0);

  // The saldo chart is in the page's HTML: drawn, with its axes, while none of the page's code
  // has arrived.
  const noCode = await browser.newContext({ storageState: await page.context().storageState() });
  await noCode.route("**/_next/static/**/*.js", (route) => route.abort());
  const still = await noCode.newPage();
  await still.goto(page.url());
  const drawn = still.locator("figure", { hasText: "Saldo a lo largo del tiempo" });
  await expect(drawn.locator("[data-saldo-line]")).toBeVisible();
  await expect(drawn).toContainText("$ 150 mil");
  await expect(drawn).toContainText("10/01/2025");
  await expect(drawn).toContainText("18/06/2025");
  await noCode.close();

  // Newest first, kept in the URL.
  await page.getByRole("button", { name: "Ver más recientes primero" }).click();
  await expect(page).toHaveURL(urlEnding(ledgerUrl(businessId, servicios.cuit, "?orden=desc")));
  await expectLedgerRows(page, [...SERVICIOS_ROWS].reverse());
  await page.reload();
  await expectLedgerRows(page, [...SERVICIOS_ROWS].reverse());
  // The order changes nothing else.
  await expectTotals(page, ALL_TOTALS);
  await page.getByRole("button", { name: "Ver más antiguos primero" }).click();
  await expect(page).toHaveURL(urlEnding(ledgerUrl(businessId, servicios.cuit)));
  await expectLedgerRows(page, SERVICIOS_ROWS);
});

test("date and text filters, from the URL or the form, survive a reload", async ({
  page,
  emulator,
}) => {
  const businessId = await openServiciosLedger(page);
  const before = await cuentaCorrienteCalls(emulator, account.apikey);
  const form = page.getByRole("form", { name: "Filtrar movimientos" });

  // A shared link with a period.
  await page.goto(ledgerUrl(businessId, servicios.cuit, APRIL_MAY));
  await expectLedgerRows(page, rowsAt(6, 7, 8, 9));
  await expectTotals(page, APRIL_MAY_TOTALS);
  await expect(form.getByLabel("Desde")).toHaveValue("2025-04-01");
  await expect(form.getByLabel("Hasta")).toHaveValue("2025-05-31");
  await page.reload();
  await expectLedgerRows(page, rowsAt(6, 7, 8, 9));
  await expectTotals(page, APRIL_MAY_TOTALS);

  await form.getByRole("button", { name: "Quitar filtros" }).click();
  await expect(page).toHaveURL(urlEnding(ledgerUrl(businessId, servicios.cuit)));
  await expectLedgerRows(page, SERVICIOS_ROWS);
  await expect(form.getByLabel("Desde")).toHaveValue("");

  // The same through the form: March 2025.
  await form.getByLabel("Desde").fill("2025-03-01");
  await form.getByLabel("Hasta").fill("2025-03-31");
  await form.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(
    urlEnding(ledgerUrl(businessId, servicios.cuit, "?desde=2025-03-01&hasta=2025-03-31")),
  );
  await expectLedgerRows(page, rowsAt(4, 5));
  await expectTotals(page, {
    debe: "1.563,01",
    haber: "30.000,00",
    saldo: "23.663,41",
    resta: "0,00",
    movimientos: 2,
  });
  await page.reload();
  await expect(form.getByLabel("Desde")).toHaveValue("2025-03-01");
  await expectLedgerRows(page, rowsAt(4, 5));

  // Text search, without dates: accents and case do not matter; amounts are found as shown.
  const searches: { q: string; rows: Row[] }[] = [
    { q: "credito", rows: rowsAt(7) },
    { q: "RECIBO", rows: rowsAt(2, 5, 8, 10) },
    { q: "55.999,99", rows: rowsAt(9, 11) },
    { q: "0002-00000240", rows: rowsAt(3) },
  ];
  for (const { q, rows } of searches) {
    await test.step(q, async () => {
      await form.getByLabel("Desde").fill("");
      await form.getByLabel("Hasta").fill("");
      await form.getByLabel("Buscar en movimientos").fill(q);
      await form.getByRole("button", { name: "Filtrar" }).click();
      await expect(page).toHaveURL(
        urlEnding(ledgerUrl(businessId, servicios.cuit, `?q=${encodeURIComponent(q)}`)),
      );
      await expectLedgerRows(page, rows);
      await page.reload();
      await expect(form.getByLabel("Buscar en movimientos")).toHaveValue(q);
      await expectLedgerRows(page, rows);
    });
  }

  // Text, order and dates together from one link; nonsense values are ignored.
  await page.goto(ledgerUrl(businessId, servicios.cuit, "?q=recibo&orden=desc&desde=2025-02-30"));
  await expectLedgerRows(page, rowsAt(10, 8, 5, 2));
  await expect(form.getByLabel("Desde")).toHaveValue("");

  // Filtering is done on the stored copy: TusFacturas was not asked again.
  expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before);
});

test("CSV and Excel exports hold the filtered rows with real numbers and dates", async ({
  page,
}) => {
  const businessId = await openServiciosLedger(page);

  // CSV of the whole ledger.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportar CSV" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe("cuenta-corriente-30712340017.csv");
  const csvBytes = await readFile(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csvBytes.toString("utf8").slice(1);
  expect(csvText.endsWith("\r\n")).toBe(true);
  const lines = csvText.slice(0, -2).split("\r\n");
  const concepto = (comprobante: string) =>
    `${comprobante.toUpperCase().replace("DÉBITO", "DEBITO").replace("CRÉDITO", "CREDITO")} (SERVICIOS DE INFORMÁTICA DEL LITORAL S.A.)`;
  const plain = (amount: string) => (amount || "0,00").replaceAll(".", "");
  // «Vence» and «Estado» come from the background lookups, at their own pace: the movements'
  // first eight fields are checked here (e2e/vencimientos.spec.ts checks the due dates).
  const firstEight = (line: string) => line.split(";").slice(0, 8).join(";");
  expect([...lines.slice(0, 6), ...lines.slice(6).map(firstEight)]).toEqual([
    "Cuenta corriente",
    `Empresa;${EMPRESA};CUIT;30-71229384-1`,
    `Cliente;${servicios.nombre};CUIT;30-71234001-7`,
    "Período;Todos los movimientos",
    "",
    "Fecha;Comprobante;Concepto original;Debe;Haber;Resta abonar;Saldo;Saldo TusFacturas;Vence;Estado",
    ...SERVICIOS_ROWS.map(([fecha, comprobante, debe, haber, resta, saldo]) =>
      [
        fecha,
        comprobante,
        concepto(comprobante),
        plain(debe),
        plain(haber),
        plain(resta),
        plain(saldo),
        plain(saldo),
      ].join(";"),
    ),
  ]);
  expect(lines[6]).toBe(
    // Paid: never looked up, so no due date nor status.
    "10/01/2025;Factura A 0002-00000210;FACTURA A 0002-00000210 (SERVICIOS DE INFORMÁTICA DEL LITORAL S.A.);48200,00;0,00;0,00;48200,00;48200,00;;",
  );

  // Excel of April and May only.
  await page.goto(ledgerUrl(businessId, servicios.cuit, APRIL_MAY));
  await expectLedgerRows(page, rowsAt(6, 7, 8, 9));
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportar Excel" }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe("cuenta-corriente-30712340017-2025-04-01_2025-05-31.xlsx");
  const files = unzipSync(new Uint8Array(await readFile(await xlsx.path())));
  expect(Object.keys(files).sort()).toEqual([
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
  ]);
  expect(strFromU8(files["xl/workbook.xml"]!)).toMatch(
    /<sheet name="Movimientos"[^>]*\/><sheet name="Resumen"/,
  );

  const movimientos = sheetCells(strFromU8(files["xl/worksheets/sheet1.xml"]!));
  expect(movimientos.get("B4")).toEqual({ text: "01/04/2025 al 31/05/2025" });
  expect(movimientos.get("A6")).toMatchObject({ text: "Fecha" });
  // Dates are serial numbers (1900 system) with a date style; amounts are plain numbers.
  const dateStyle = movimientos.get("A7")!.style;
  const moneyStyle = movimientos.get("D7")!.style;
  expect(dateStyle).toBeDefined();
  expect(moneyStyle).toBeDefined();
  expect(dateStyle).not.toBe(moneyStyle);
  const serial = (y: number, m: number, d: number) =>
    (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const expected: [
    fecha: number,
    comprobante: string,
    debe: number,
    haber: number,
    resta: number,
    saldo: number,
  ][] = [
    [serial(2025, 4, 2), "Factura A 0002-00000268", 52100.4, 0, 30000, 75763.81],
    [serial(2025, 4, 2), "Nota de crédito A 0002-00000004", 0, 2100.4, 0, 73663.41],
    [serial(2025, 5, 6), "Recibo X 0002-00000045", 0, 23663.41, 0, 50000],
    [serial(2025, 5, 20), "Factura A 0002-00000290", 55999.99, 0, 55999.99, 105999.99],
  ];
  expect(serial(2025, 4, 2)).toBe(45749);
  for (const [i, [fecha, comprobante, debe, haber, resta, saldo]] of expected.entries()) {
    const r = 7 + i;
    expect(movimientos.get(`A${r}`)).toEqual({ number: fecha, style: dateStyle });
    expect(movimientos.get(`B${r}`)).toEqual({ text: comprobante });
    expect(movimientos.get(`D${r}`)).toEqual({ number: debe, style: moneyStyle });
    expect(movimientos.get(`E${r}`)).toEqual({ number: haber, style: moneyStyle });
    expect(movimientos.get(`F${r}`)).toEqual({ number: resta, style: moneyStyle });
    expect(movimientos.get(`G${r}`)).toEqual({ number: saldo, style: moneyStyle });
    expect(movimientos.get(`H${r}`)).toEqual({ number: saldo, style: moneyStyle });
  }
  expect(movimientos.has("A11")).toBe(false);

  const resumen = sheetCells(strFromU8(files["xl/worksheets/sheet2.xml"]!));
  const valueNextTo = (label: string) => {
    const ref = [...resumen].find(([, cell]) => cell.text === label)?.[0];
    return ref ? resumen.get(`B${ref.slice(1)}`) : undefined;
  };
  expect(valueNextTo("Total debe")).toMatchObject({ number: 108100.39 });
  expect(valueNextTo("Total haber")).toMatchObject({ number: 25763.81 });
  expect(valueNextTo("Saldo")).toMatchObject({ number: 105999.99 });
  expect(valueNextTo("Resta abonar")).toMatchObject({ number: 85999.99 });
  expect(valueNextTo("Más de 90 días")).toMatchObject({ number: 85999.99 });
  expect(valueNextTo("Comprobante impago más antiguo")).toMatchObject({
    number: serial(2025, 4, 2),
  });
});

/**
 * The saldo line and the monthly bars, each scrolled to first: a plot is drawn only once its
 * box comes near the screen.
 */
async function expectChartsDrawn(page: Page) {
  const saldo = page.locator("figure", { hasText: "Saldo a lo largo del tiempo" });
  await saldo.scrollIntoViewIfNeeded();
  await expect(saldo.locator("[data-saldo-line]")).toBeVisible();
  const monthly = page.locator("figure", { hasText: "Debe y haber por mes" });
  await monthly.scrollIntoViewIfNeeded();
  await expect(monthly.locator(".recharts-bar-rectangle")).not.toHaveCount(0);
}

/** An inline string (`text`) or a number with its style index, if any. */
type Cell = { text?: string; number?: number; style?: string };

/** The cells of a worksheet part, by reference ("A7"): inline strings and numbers. */
function sheetCells(xml: string): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const cellPattern =
    /<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g;
  for (const [, ref, style, type, value, text] of xml.matchAll(cellPattern)) {
    if (type === "inlineStr") cells.set(ref!, { text: unescapeXml(text ?? "") });
    else cells.set(ref!, style ? { number: Number(value), style } : { number: Number(value) });
  }
  return cells;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

test("the printable resumen de cuenta shows the business, client, period, rows and totals", async ({
  page,
  emulator,
}) => {
  const businessId = await openServiciosLedger(page);
  await page.goto(ledgerUrl(businessId, servicios.cuit, APRIL_MAY));
  await expectLedgerRows(page, rowsAt(6, 7, 8, 9));
  const before = await cuentaCorrienteCalls(emulator, account.apikey);

  await page.getByRole("link", { name: "Resumen para imprimir" }).click();
  await expect(page).toHaveURL(
    urlEnding(`/empresas/${businessId}/clientes/${servicios.cuit}/resumen${APRIL_MAY}`),
  );
  const resumen = page.getByRole("article");
  await expect(resumen.getByRole("heading", { name: "Resumen de cuenta" })).toBeVisible();
  await expect(resumen.getByText(`${EMPRESA} · CUIT 30-71229384-1`)).toBeVisible();
  await expect(
    resumen.getByText(`Cliente: ${servicios.nombre} · CUIT 30-71234001-7`),
  ).toBeVisible();
  await expect(resumen.getByText("Período: 01/04/2025 al 31/05/2025")).toBeVisible();
  await expect(resumen.getByText(/^Datos de TusFacturas del \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeVisible();

  const movements = resumen.getByRole("table").first().locator("tbody tr");
  await expect(movements).toHaveCount(4);
  // «Vence» and «Estado» last: e2e/vencimientos.spec.ts checks them.
  for (const [i, row] of rowsAt(6, 7, 8, 9).entries()) {
    await expect(movements.nth(i).getByRole("cell")).toHaveText([
      ...row.map((text, column) => (column >= 2 && text ? pesos(text) : text)),
      /./,
      /./,
    ]);
  }
  const totals = resumen.getByRole("table", { name: "Totales del período" });
  for (const [label, amount] of [
    ["Total debe", APRIL_MAY_TOTALS.debe],
    ["Total haber", APRIL_MAY_TOTALS.haber],
    ["Saldo", APRIL_MAY_TOTALS.saldo],
    ["Resta abonar", APRIL_MAY_TOTALS.resta],
  ] as const) {
    await expect(totals.getByRole("row", { name: label }).getByRole("cell")).toHaveText(
      pesos(amount),
    );
  }
  const aging = resumen.getByRole("table", { name: "Antigüedad de lo impago" });
  await expect(aging.getByRole("row", { name: "Más de 90 días" }).getByRole("cell")).toHaveText(
    pesos("85.999,99"),
  );
  expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before);
});

test("an empty ledger, a client TusFacturas does not know and a failed Actualizar are explained", async ({
  page,
  emulator,
}) => {
  const businessId = await openServiciosLedger(page);
  await addClient(page, businessId, cooperativa);
  await addClient(page, businessId, desconocido);

  await test.step("a client without movements", async () => {
    const before = await cuentaCorrienteCalls(emulator, account.apikey);
    await page.getByRole("link", { name: cooperativa.nombre }).click();
    await expect(
      page.getByText("Este cliente no tiene movimientos en su cuenta corriente."),
    ).toBeVisible();
    await expect(alerts(page)).toHaveCount(0);
    await expect(page.getByLabel("Totales")).toHaveCount(0);
    expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before + 1);
  });

  await test.step("a CUIT TusFacturas does not have", async () => {
    const before = await cuentaCorrienteCalls(emulator, account.apikey);
    await page.goto(ledgerUrl(businessId, desconocido.cuit));
    const alert = alerts(page);
    await expect(alert).toContainText("No se pudo actualizar la cuenta corriente");
    await expect(alert).toContainText(
      "TusFacturas rechazó el pedido: El cliente no existe en tu cartera",
    );
    await expect(alert).not.toContainText("Se muestran los últimos datos obtenidos");
    await expect(
      page.getByText("Todavía no hay una cuenta corriente guardada de este cliente."),
    ).toBeVisible();
    expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before + 1);
  });

  await test.step("TusFacturas fails on Actualizar: the last rows stay", async () => {
    await page.goto(ledgerUrl(businessId, servicios.cuit));
    await expectLedgerRows(page, SERVICIOS_ROWS);
    const before = await cuentaCorrienteCalls(emulator, account.apikey);
    await emulator.injectFault({
      apikey: account.apikey,
      method: "clientes/cuenta-corriente",
      kind: "http500",
      count: 3,
    });
    await page.getByRole("button", { name: "Actualizar" }).click();
    const alert = alerts(page).filter({ hasText: "No se pudo actualizar la cuenta corriente" });
    await expect(alert).toContainText(
      "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.",
      { timeout: 20_000 },
    );
    await expect(alert).toContainText("Se muestran los últimos datos obtenidos.");
    await expect(page.getByRole("button", { name: "Actualizar" })).toBeEnabled();
    await expectLedgerRows(page, SERVICIOS_ROWS);
    await expectTotals(page, ALL_TOTALS);
    await expect(page.locator("body")).not.toContainText(/at \w+ \(|Error:|stack/i);
    // Three attempts: reads retry twice on 5xx.
    expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before + 3);

    // The failure is remembered on reload, without another call; the next success clears it.
    await page.reload();
    await expect(alert).toContainText("TusFacturas no está disponible en este momento.");
    await expectLedgerRows(page, SERVICIOS_ROWS);
    expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before + 3);
    await page.getByRole("button", { name: "Actualizar" }).click();
    await expect(alerts(page)).toHaveCount(0);
    await expectLedgerRows(page, SERVICIOS_ROWS);
    expect(await cuentaCorrienteCalls(emulator, account.apikey)).toBe(before + 4);
  });
});

test("a stored ledger is reused within the freshness window; Actualizar costs one request", async ({
  page,
  emulator,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, account, EMPRESA);
  await addClient(page, businessId, servicios);
  // The ledger's free due-date lookups run in the background: count the rest.
  const calls = async () => {
    const { byMethod } = await emulator.calls(account.apikey);
    return { total: await callsBesidesLookups(emulator, account.apikey), byMethod };
  };
  const before = await calls();

  // First visit: fetched once and stored.
  await page.getByRole("link", { name: servicios.nombre }).click();
  await expectLedgerRows(page, SERVICIOS_ROWS);
  await expect(page.getByText(/Actualizado (recién|hace 1 minuto)/)).toBeVisible();
  const afterFirst = await calls();
  expect(afterFirst.total).toBe(before.total + 1);
  expect(afterFirst.byMethod["clientes/cuenta-corriente"] ?? 0).toBe(
    (before.byMethod["clientes/cuenta-corriente"] ?? 0) + 1,
  );

  // Another visit and a reload: the stored copy, no call.
  await page.getByRole("link", { name: "Clientes" }).click();
  await page.getByRole("link", { name: servicios.nombre }).click();
  await expectLedgerRows(page, SERVICIOS_ROWS);
  await page.reload();
  await expectLedgerRows(page, SERVICIOS_ROWS);
  expect((await calls()).total).toBe(afterFirst.total);

  // "Actualizar" says what it costs, and costs exactly that.
  const refresh = page.getByRole("button", { name: "Actualizar" });
  await expect(refresh).toHaveAccessibleDescription("Usa 1 request de tu plan de TusFacturas.");
  await refresh.click();
  await expect.poll(async () => (await calls()).total).toBe(afterFirst.total + 1);
  await expect(refresh).toBeEnabled();
  await expectLedgerRows(page, SERVICIOS_ROWS);
  expect((await calls()).total).toBe(afterFirst.total + 1);

  // Two "Actualizar" at once (a second tab, while TusFacturas is slow) share one request.
  const second = await page.context().newPage();
  await second.goto(ledgerUrl(businessId, servicios.cuit));
  await expectLedgerRows(second, SERVICIOS_ROWS);
  const beforeBoth = (await calls()).total;
  await emulator.injectFault({
    apikey: account.apikey,
    method: "clientes/cuenta-corriente",
    kind: "latency",
    // Long enough for the second tab's click to reach the server on a busy machine.
    latencyMs: 3_000,
    count: 1,
  });
  await refresh.click();
  await expect(page.getByRole("button", { name: "Actualizando…" })).toBeVisible();
  await second.getByRole("button", { name: "Actualizar" }).click();
  await expect(refresh).toBeEnabled({ timeout: 15_000 });
  await expect(second.getByRole("button", { name: "Actualizar" })).toBeEnabled({
    timeout: 15_000,
  });
  await expect(alerts(page)).toHaveCount(0);
  await expect(alerts(second)).toHaveCount(0);
  expect((await calls()).total).toBe(beforeBoth + 1);
});

test("a member of another business cannot reach a client's ledger by URL or action", async ({
  browser,
  emulator,
}) => {
  const owner = await browser.newPage();
  await signUp(owner);
  const victimId = await addBusiness(owner, account, "Empresa de otra persona");
  await addClient(owner, victimId, servicios);
  const ownerRequest = owner.waitForRequest(/\/movimientos\?snapshot=/);
  await owner.getByRole("link", { name: servicios.nombre }).click();
  await expectLedgerRows(owner, SERVICIOS_ROWS);
  const victimMovimientos = (await ownerRequest).url();

  const intruder = await browser.newContext().then((context) => context.newPage());
  await signUp(intruder);
  for (const path of [
    `/empresas/${victimId}/clientes`,
    ledgerUrl(victimId, servicios.cuit),
    ledgerUrl(victimId, servicios.cuit, APRIL_MAY),
    `/empresas/${victimId}/clientes/${servicios.cuit}/resumen`,
  ]) {
    await intruder.goto(path);
    await expect(
      intruder.getByRole("heading", { name: "No encontramos esta página" }),
    ).toBeVisible();
    await expect(intruder.getByText("Empresa de otra persona")).toHaveCount(0);
    await expect(intruder.getByText(servicios.nombre)).toHaveCount(0);
  }

  // The intruder's own business and client give real action calls; rewriting the business id
  // in them is what an attacker would do.
  const ownId = await addBusiness(intruder, account, "Empresa propia");
  await addClient(intruder, ownId, servicios);
  const intruderRequest = intruder.waitForRequest(/\/movimientos\?snapshot=/);
  await intruder.getByRole("link", { name: servicios.nombre }).click();
  await expectLedgerRows(intruder, SERVICIOS_ROWS);
  const intruderMovimientos = (await intruderRequest).url();
  await rewriteActionCalls(intruder, ownId, victimId);
  const callsBefore = await callsBesidesLookups(emulator, account.apikey);

  // The route the ledger fetches its movements from: the owner's own copy, by its exact URL,
  // or the intruder's URL with the business id rewritten. Nothing but "not found".
  for (const url of [victimMovimientos, intruderMovimientos.replace(ownId, victimId)]) {
    const response = await intruder.request.get(url);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain("FACTURA");
  }
  // The ledger's view, read again after «Actualizar»: not found either.
  const view = await intruder.request.get(
    `/api/empresas/${victimId}/clientes/${servicios.cuit}/cuenta-corriente`,
  );
  expect(view.status()).toBe(404);
  expect(await view.json()).toEqual({
    error: { code: "not_found", message: "No encontramos esa empresa." },
  });
  // Without a session: 401, in words the page can show.
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(victimMovimientos, { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({
    error: { code: "unauthenticated", message: "Tu sesión terminó. Ingresá de nuevo." },
  });
  await anonymous.close();

  await intruder.getByRole("button", { name: "Actualizar" }).click();
  await expect(alerts(intruder)).toContainText("No encontramos esa empresa.");
  await expectLedgerRows(intruder, SERVICIOS_ROWS);

  await intruder.goto(`/empresas/${ownId}/clientes`);
  await intruder.getByRole("button", { name: "Agregar cliente" }).click();
  const form = intruder.getByRole("form", { name: "Agregar cliente" });
  await form.getByLabel("Nombre o razón social").fill("Cliente plantado");
  await form.getByLabel("CUIT").fill("20-40123456-0");
  await form.getByRole("button", { name: "Agregar" }).click();
  await expect(form.getByRole("alert")).toHaveText("No encontramos esa empresa.");

  await intruder.getByRole("button", { name: "Cancelar" }).click();
  await intruder.getByRole("button", { name: "Quitar" }).click();
  await intruder.getByRole("button", { name: "Sí, quitar" }).click();
  await expect(alerts(intruder)).toHaveText("No encontramos esa empresa.");

  expect(await callsBesidesLookups(emulator, account.apikey)).toBe(callsBefore);

  // The owner's cartera is untouched: the same single client, no new one.
  await owner.goto(`/empresas/${victimId}/clientes`);
  await expect(owner.locator("tbody tr").getByRole("link")).toHaveText([servicios.nombre]);
  await expect(owner.getByText("Cliente plantado")).toHaveCount(0);
  await owner.getByRole("link", { name: servicios.nombre }).click();
  await expectLedgerRows(owner, SERVICIOS_ROWS);
});

test("the ledger page has no axe violations, with data, filtered and after a failure", async ({
  page,
  emulator,
}) => {
  const businessId = await openServiciosLedger(page);
  await expectNoAxeViolations(page);
  await page.goto(ledgerUrl(businessId, servicios.cuit, `${APRIL_MAY}&orden=desc`));
  await expectLedgerRows(page, rowsAt(9, 8, 7, 6));
  await expectNoAxeViolations(page);
  await emulator.injectFault({
    apikey: account.apikey,
    method: "clientes/cuenta-corriente",
    kind: "rejected",
    messages: ["Servicio en mantenimiento"],
    count: 1,
  });
  await page.getByRole("button", { name: "Actualizar" }).click();
  await expect(alerts(page)).toContainText(
    "TusFacturas rechazó el pedido: Servicio en mantenimiento",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Resumen para imprimir" }).click();
  await expect(page.getByRole("heading", { name: "Resumen de cuenta" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a 20,000-movement ledger renders a virtualized table and a chart", async ({ page }) => {
  await signUp(page);
  const businessId = await addBusiness(page, account, EMPRESA);
  await addClient(page, businessId, distribuidora);
  // The page brings the first screen; every movement follows. Hold them back a while.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/movimientos\?snapshot=/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("link", { name: distribuidora.nombre }).click();

  const table = ledgerTable(page);
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(ledgerRows(page).first()).toBeVisible();
  await expect(page.getByText("20.000 movimientos en el período.", { exact: false })).toBeVisible();
  await expect(table).toHaveAttribute("aria-rowcount", "20001");
  await expectChartsDrawn(page);
  expect(await page.locator("tbody tr").count()).toBeLessThan(200);
  // Until every movement is there, exports would be incomplete: they wait, and say so.
  const exportCsv = page.getByRole("button", { name: "Exportar CSV" });
  await expect(exportCsv).toBeDisabled();
  await expect(page.getByRole("button", { name: "Exportar Excel" })).toBeDisabled();
  await expect(exportCsv).toHaveAccessibleDescription("Cargando movimientos…");
  const saldo = await total(page, "Saldo").textContent();

  release();
  await expect(exportCsv).toBeEnabled();
  await expect(page.getByText("Cargando movimientos…")).toHaveCount(0);
  await expect(total(page, "Saldo")).toHaveText(saldo!);

  // Scrolled to the end, the last movement is there (its saldo is the ledger's) and the DOM is
  // still small.
  await page.getByLabel("Movimientos, con desplazamiento").evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight;
  });
  const last = table.locator('tbody tr[aria-rowindex="20001"]');
  await expect(last).toBeVisible();
  await expect(last.getByRole("cell").first()).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(last.getByRole("cell").nth(5)).toHaveText(saldo!);
  expect(await page.locator("tbody tr").count()).toBeLessThan(200);

  // The export holds every movement, the last one as the table shows it.
  const download = page.waitForEvent("download");
  await exportCsv.click();
  const lines = (await readFile(await (await download).path()))
    .toString("utf8")
    .trimEnd()
    .split("\r\n");
  const header = lines.findIndex((line) => line.startsWith("Fecha;"));
  expect(lines.length - header - 1).toBe(20_000);
  const [fecha, comprobante] = await last.getByRole("cell").allTextContents();
  expect(lines.at(-1)?.startsWith(`${fecha};${comprobante};`)).toBe(true);
});
