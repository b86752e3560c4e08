import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import type { EmulatorControl } from "../lib/tusfacturas/emulator/control";
import {
  accounts,
  addBusiness,
  addClient,
  expect,
  expectNoAxeViolations,
  pesos,
  signUp,
  test,
} from "./fixtures";

// Only this file uses account 1016, so its counters can be asserted exactly.
const account = accounts.a1016;
// 1016's client in the emulator (lib/tusfacturas/fixtures/accounts.json), at its punto de venta 3.
const estancia = { nombre: "ESTANCIA LA MARTA S.A.", cuit: "30715252526" };

/** Fecha, comprobante, debe, haber, resta, saldo, vence, estado. */
type Row = [string, string, string, string, string, string, string, string];
// Due dates are the emulator's (issue + 30 days, none for numbers ending in 3); paid
// comprobantes and recibos are not looked up.
const ROWS: Row[] = [
  ["01/08/2025", "Factura A 0003-00000090", "800,00", "", "", "800,00", "—", "—"],
  ["10/08/2025", "Recibo X 0003-00000040", "", "800,00", "", "0,00", "—", "—"],
  [
    "01/09/2025",
    "Factura A 0003-00000101",
    "1.000,00",
    "",
    "1.000,00",
    "1.000,00",
    "01/10/2025",
    "Impaga",
  ],
  [
    "05/09/2025",
    "Factura A 0003-00000102",
    "2.000,00",
    "",
    "500,00",
    "3.000,00",
    "05/10/2025",
    "Pago parcial",
  ],
  ["10/09/2025", "Factura A 0003-00000103", "300,00", "", "300,00", "3.300,00", "—", "Impaga"],
  ["15/09/2025", "Recibo X 0003-00000050", "", "1.500,00", "", "1.800,00", "—", "—"],
  [
    "20/09/2025",
    "Nota de débito A 0003-00000007",
    "150,00",
    "",
    "150,00",
    "1.950,00",
    "20/10/2025",
    "Impaga",
  ],
];

function ledgerRows(page: Page) {
  return page
    .getByLabel("Movimientos, con desplazamiento")
    .getByRole("table")
    .locator("tbody tr:not([aria-hidden])");
}

/** The free lookups 1016's credentials made, by method. */
async function lookups(emulator: EmulatorControl) {
  const { byMethod } = await emulator.calls(account.apikey);
  return {
    consulta: byMethod["facturacion/consulta"] ?? 0,
    avanzada: byMethod["facturacion/consulta_avanzada"] ?? 0,
  };
}

test("a ledger's due dates are looked up once, for free, and shown in the ledger, the cartera and the portfolio", async ({
  page,
  emulator,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  await addClient(page, businessId, estancia);
  await page.getByRole("link", { name: estancia.nombre }).click();
  await expect(ledgerRows(page)).toHaveCount(ROWS.length);
  const billed = await emulator.billed(account.apikey);

  // The lookups run in the background; the page reads them again until they are in.
  await expect(page.getByRole("columnheader", { name: "Vence" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Estado" })).toBeVisible();
  for (const [i, row] of ROWS.entries()) {
    const money = (text: string, column: number) =>
      column >= 2 && column <= 5 && text ? pesos(text) : text;
    await expect(ledgerRows(page).nth(i).getByRole("cell")).toHaveText(row.map(money));
  }

  // FACTURA A 101–103 in one range, the nota de débito on its own; nothing billed.
  expect(await lookups(emulator)).toEqual({ consulta: 1, avanzada: 1 });
  expect(await emulator.billed(account.apikey)).toBe(billed);

  // Aged by due date, saying which comprobante ages from its issue date.
  const aging = page.getByRole("region", { name: "Vencimientos de lo impago" });
  const bucket = (name: string) => aging.getByRole("row", { name: new RegExp(`^${name}`) });
  await expect(bucket("A vencer").getByRole("cell")).toHaveText(["0", pesos("0,00")]);
  await expect(bucket("Vencido 1–30 días").getByRole("cell")).toHaveText(["0", pesos("0,00")]);
  await expect(bucket("Vencido más de 90 días").getByRole("cell")).toHaveText([
    "4",
    pesos("1.950,00"),
  ]);
  await expect(bucket("Total vencido").getByRole("cell")).toHaveText(["", pesos("1.950,00")]);
  await expect(
    aging.getByText("1 comprobante sin fecha de vencimiento: se usa su fecha de emisión."),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The CSV export carries them too.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportar CSV" }).click();
  const csv = (await readFile(await (await download).path())).toString("utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines.at(5)).toMatch(/;Saldo TusFacturas;Vence;Estado$/);
  expect(lines.slice(6).map((line) => line.split(";").slice(-2).join(";"))).toEqual(
    ROWS.map(([, , , , , , vence, estado]) =>
      [vence === "—" ? "" : vence, estado === "—" ? "" : estado].join(";"),
    ),
  );

  // A second visit asks nothing: every answer, "sin dato" included, is stored.
  await page.reload();
  await expect(ledgerRows(page).nth(2).getByRole("cell").nth(6)).toHaveText("01/10/2025");
  expect(await lookups(emulator)).toEqual({ consulta: 1, avanzada: 1 });

  // The printable resumen carries them, from what is stored.
  await page.getByRole("link", { name: "Resumen para imprimir" }).click();
  const resumen = page.getByRole("article");
  const printed = resumen.getByRole("table").first().locator("tbody tr");
  await expect(printed).toHaveCount(ROWS.length);
  for (const [i, [, , , , , , vence, estado]] of ROWS.entries()) {
    await expect(printed.nth(i).getByRole("cell").nth(6)).toHaveText(vence);
    await expect(printed.nth(i).getByRole("cell").nth(7)).toHaveText(estado);
  }
  const printedAging = resumen.getByRole("table", { name: "Vencimientos de lo impago" });
  for (const [name, amount] of [
    ["A vencer", "0,00"],
    ["Vencido más de 90 días", "1.950,00"],
    ["Total vencido", "1.950,00"],
  ] as const) {
    await expect(printedAging.getByRole("row", { name }).getByRole("cell")).toHaveText(
      pesos(amount),
    );
  }
  await expect(
    resumen.getByText(
      "1 comprobante impago sin fecha de vencimiento en TusFacturas: se usa su fecha de emisión.",
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await lookups(emulator)).toEqual({ consulta: 1, avanzada: 1 });

  // The cartera and the portfolio show what is overdue next to what is owed.
  await page.goto(`/empresas/${businessId}/clientes`);
  const cartera = page.getByRole("row", { name: new RegExp(estancia.nombre) });
  await expect(cartera.getByRole("cell")).toHaveText([
    estancia.nombre,
    "30-71525252-6",
    pesos("1.950,00"),
    pesos("1.950,00"),
    pesos("1.950,00"),
    "01/09/2025",
    /^\d{2}\/\d{2}\/\d{4} · 7 mov\.$/,
    /Editar/,
  ]);
  await page.goto("/empresas");
  await expect(page.getByTestId("a-cobrar")).toHaveText(pesos("1.950,00"));
  await expect(page.getByTestId("vencido")).toHaveText(pesos("1.950,00"));
  expect(await emulator.billed(account.apikey)).toBe(billed);
});
