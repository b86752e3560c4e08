import { strToU8, zipSync } from "fflate";
import {
  accounts,
  addBusiness,
  addClient,
  expect,
  expectNoAxeViolations,
  newMember,
  signUp,
  test,
} from "./fixtures";

// Nothing here counts calls, so account 1003 may be shared with other files.
const account = accounts.a1003;

/** As Excel in es-AR saves «CSV (delimitado por comas)»: Windows-1252, semicolons, CRLF. */
function excelCsv(lines: string[]): Buffer {
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
}

/** A one-sheet .xlsx as Excel writes it: shared strings, and the CUIT typed as a number. */
function excelXlsx(): Buffer {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return Buffer.from(
    zipSync({
      "xl/workbook.xml": strToU8(
        `<workbook xmlns="${main}" xmlns:r="${rels}"><sheets>` +
          `<sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/sharedStrings.xml": strToU8(
        `<sst xmlns="${main}"><si><t>CUIT</t></si><si><t>Denominación</t></si>` +
          `<si><t>Cooperativa Peñón</t></si></sst>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(
        `<worksheet xmlns="${main}"><sheetData>` +
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
          `<row r="2"><c r="A2"><v>30712293841</v></c><c r="B2" t="s"><v>2</v></c></row>` +
          `</sheetData></worksheet>`,
      ),
    }),
  );
}

test("imports a CSV saved as Latin-1: the preview shows the bad row, then the clients appear", async ({
  page,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  await addClient(page, businessId, { nombre: "Ya Estaba S.A.", cuit: "20055361682" });

  await page.getByRole("button", { name: "Importar desde un archivo" }).click();
  const panel = page.getByRole("region", { name: "Importar clientes desde un archivo" });
  await expect(panel.getByRole("heading")).toBeFocused();
  const file = {
    name: "clientes.csv",
    mimeType: "text/csv",
    buffer: excelCsv([
      "C.U.I.T.;Razón Social",
      "27-28505146-6;Peña Hnos.",
      "30-11122233-4;Ferretería Mal CUIT",
      "20055361682;Ya Estaba S.A.",
      '20.40123456.0;"Almacén Ñandú; sucursal Peñalolén"',
    ]),
  };
  await panel.getByLabel("Archivo CSV o Excel (.xlsx)").setInputFiles(file);

  const status = panel.getByRole("status");
  await expect(status).toHaveText(
    "4 filas: 2 clientes nuevos para importar, 1 fila con errores y 1 ya en la cartera.",
  );
  // With rows in error, the preview opens on them: the reason in Spanish, the CUIT as written.
  const preview = panel.getByRole("table", { name: "Vista previa de clientes.csv" });
  await expect(preview.locator("tbody tr")).toHaveCount(1);
  await expect(
    preview.getByRole("row", { name: /Ferretería Mal CUIT/ }).getByRole("cell"),
  ).toHaveText([
    "30-11122233-4",
    "Ferretería Mal CUIT",
    "El CUIT no es válido: el dígito verificador no coincide.",
  ]);
  await expectNoAxeViolations(page);

  await panel.getByLabel("Todas (4)").check();
  await expect(preview.locator("tbody tr")).toHaveCount(4);
  await expect(preview.getByRole("row", { name: /Peña Hnos\./ })).toContainText("Se importa.");
  await expect(preview.getByRole("row", { name: /Ya Estaba/ })).toContainText(
    "Ya está en la cartera: se omite.",
  );
  // Nothing is saved before confirming.
  await expect(page.getByRole("link", { name: "Peña Hnos." })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await panel.getByRole("button", { name: "Importar 2 clientes" }).click();
  await expect(status).toHaveText(
    "Se importaron 2 clientes. Se omitieron: 1 ya estaba en la cartera; 1 fila tenía errores.",
  );
  const cartera = page.getByRole("table", { name: /Cartera de clientes/ });
  await expect(cartera.getByRole("link")).toHaveText([
    "Almacén Ñandú; sucursal Peñalolén",
    "Peña Hnos.",
    "Ya Estaba S.A.",
  ]);
  await panel.getByRole("button", { name: "Cerrar" }).click();
  await expect(page.getByRole("button", { name: "Importar desde un archivo" })).toBeFocused();

  // Stored: a reload shows them, with their CUITs; the same file again adds nothing.
  await page.reload();
  await expect(cartera.getByRole("link")).toHaveCount(3);
  await expect(cartera.getByRole("row", { name: /Peña Hnos\./ })).toContainText("27-28505146-6");
  await page.getByRole("button", { name: "Importar desde un archivo" }).click();
  await panel.getByLabel("Archivo CSV o Excel (.xlsx)").setInputFiles(file);
  await expect(status).toHaveText(
    "4 filas: 0 clientes nuevos para importar, 1 fila con errores y 3 ya en la cartera.",
  );
  await expect(
    panel.getByRole("button", { name: "No hay clientes nuevos para importar" }),
  ).toBeDisabled();
});

test("a file without the expected titles is explained, and the choice can be corrected", async ({
  page,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  await page.goto(`/empresas/${businessId}/clientes`);
  await page.getByRole("button", { name: "Importar desde un archivo" }).click();
  const panel = page.getByRole("region", { name: "Importar clientes desde un archivo" });
  const input = panel.getByLabel("Archivo CSV o Excel (.xlsx)");
  await input.setInputFiles({
    name: "ventas.csv",
    mimeType: "text/csv",
    buffer: excelCsv(["Código;Importe", "1;2"]),
  });
  await expect(panel.getByRole("alert")).toContainText("No encontramos la fila de títulos");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(panel.getByRole("button", { name: /Importar/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await input.setInputFiles({
    name: "clientes.csv",
    mimeType: "text/csv",
    buffer: excelCsv(["CUIT,Nombre", "27285051466,Peña Hnos.", "27285051466,Repetida"]),
  });
  await expect(panel.getByRole("alert")).toHaveCount(0);
  await expect(panel.getByRole("row", { name: /Repetida/ })).toContainText(
    "El CUIT 27-28505146-6 ya está en la fila 2 del archivo.",
  );
  await expect(panel.getByRole("button", { name: "Importar 1 cliente" })).toBeVisible();
});

test("imports the first sheet of an .xlsx, a CUIT stored as a number included", async ({
  page,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  await page.goto(`/empresas/${businessId}/clientes`);
  await page.getByRole("button", { name: "Importar desde un archivo" }).click();
  const panel = page.getByRole("region", { name: "Importar clientes desde un archivo" });
  await panel.getByLabel("Archivo CSV o Excel (.xlsx)").setInputFiles({
    name: "clientes.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: excelXlsx(),
  });
  await expect(panel.getByRole("row", { name: /Cooperativa Peñón/ }).getByRole("cell")).toHaveText([
    "30-71229384-1",
    "Cooperativa Peñón",
    "Se importa.",
  ]);
  await panel.getByRole("button", { name: "Importar 1 cliente" }).click();
  await expect(panel.getByRole("status")).toHaveText("Se importó 1 cliente.");
  await expect(page.getByRole("link", { name: "Cooperativa Peñón" })).toBeVisible();
});

test("a Lectura member sees no import control", async ({ page, browser }) => {
  await signUp(page);
  const businessId = await addBusiness(page, account);
  const readerPage = await newMember(page, browser, businessId, "Lectura");
  await readerPage.goto(`/empresas/${businessId}/clientes`);
  await expect(readerPage.getByText(/Podés ver la cartera, no cambiarla\./)).toBeVisible();
  await expect(readerPage.getByRole("button", { name: "Importar desde un archivo" })).toHaveCount(
    0,
  );
  await expect(readerPage.getByRole("button", { name: "Agregar cliente" })).toHaveCount(0);
});
