import { describe, expect, it } from "vitest";
import { clientFieldsSchema } from "@/lib/clientes/schemas";
import { createBusinessSchema } from "@/lib/businesses/schemas";
import { buildPreview, cuitsIn } from "./preview";
import { readClientFile } from "./read-file";

const csv = (text: string) => readClientFile(new TextEncoder().encode(text), "clientes.csv");

describe("the preview of an import", () => {
  const file = csv(
    [
      "CUIT;Razón social",
      "30-71229384-1;Panadería La Espiga",
      "30111222334;Check digit malo",
      "3071229384;Diez dígitos",
      "27.28505146.6;",
      "30 71229384 1;Repetida",
      "20055361682;  Ya   en la cartera ",
      ";Sin CUIT",
      ";",
      "27285051466;Peña Hnos.",
      '="20401234560";Almacén',
    ].join("\r\n"),
  );
  const preview = buildPreview(file, "clientes.csv", new Set(["20055361682"]));

  it("gives every data row its line and problems, in Spanish", () => {
    expect(preview.columns).toEqual({ cuit: "CUIT", nombre: "Razón social" });
    expect(preview.rows).toEqual([
      { line: 2, cuit: "30712293841", nombre: "Panadería La Espiga", status: "new", problems: [] },
      {
        line: 3,
        cuit: "30111222334",
        nombre: "Check digit malo",
        status: "invalid",
        problems: ["El CUIT no es válido: el dígito verificador no coincide."],
      },
      {
        line: 4,
        cuit: "3071229384",
        nombre: "Diez dígitos",
        status: "invalid",
        problems: ["El CUIT debe tener 11 dígitos."],
      },
      {
        line: 5,
        cuit: "27285051466",
        nombre: "",
        status: "invalid",
        problems: ["Falta el nombre o la razón social."],
      },
      {
        line: 6,
        cuit: "30712293841",
        nombre: "Repetida",
        status: "invalid",
        problems: ["El CUIT 30-71229384-1 ya está en la fila 2 del archivo."],
      },
      {
        line: 7,
        cuit: "20055361682",
        nombre: "Ya en la cartera",
        status: "existing",
        problems: ["Ya está en la cartera: se omite."],
      },
      { line: 8, cuit: "", nombre: "Sin CUIT", status: "invalid", problems: ["Falta el CUIT."] },
      // Line 9 is empty: not a row. Line 5's CUIT had no name, so this one is not a repeat.
      { line: 10, cuit: "27285051466", nombre: "Peña Hnos.", status: "new", problems: [] },
      { line: 11, cuit: "20401234560", nombre: "Almacén", status: "new", problems: [] },
    ]);
    expect(preview.counts).toEqual({ new: 3, existing: 1, invalid: 5 });
  });

  it("asks the cartera only about valid CUITs, once each", () => {
    expect(cuitsIn(file)).toEqual(["30712293841", "27285051466", "20055361682", "20401234560"]);
  });

  it("refuses more than 5 000 rows as a whole, and a file with titles only", () => {
    const rows = Array.from({ length: 5_001 }, () => "30712293841;Uno");
    expect(() => cuitsIn(csv(["CUIT;Nombre", ...rows].join("\n")))).toThrow(
      "El archivo tiene 5.001 filas con datos y el máximo es 5.000. Dividilo en partes; no se importó nada.",
    );
    expect(() => cuitsIn(csv(["CUIT;Nombre", ...rows.slice(1)].join("\n")))).not.toThrow();
    expect(() => buildPreview(csv("CUIT;Nombre\n;\n"), "a.csv", new Set())).toThrow(
      "no tiene clientes debajo de la fila de títulos",
    );
  });
});

describe("client and business names", () => {
  it("from a file are stored composed (NFC), so a name pasted decomposed is found like the one typed", () => {
    const decomposed = "Pen\u0303a Hnos.";
    const preview = buildPreview(
      csv(`CUIT;Razón social\r\n27285051466;${decomposed}`),
      "clientes.csv",
      new Set(),
    );
    expect(preview.rows[0]?.nombre).toBe("Peña Hnos.");
    expect(preview.rows[0]?.nombre).toHaveLength(10);
  });

  it("are composed when typed or pasted in the forms too: a client's and a business's", () => {
    const parsed = clientFieldsSchema.parse({ cuit: "27285051466", nombre: " Pen\u0303a Hnos. " });
    expect(parsed.nombre).toBe("Peña Hnos.");
    const business = createBusinessSchema.shape.razonSocial.parse("Estudio Nu\u0301n\u0303ez");
    expect(business).toBe("Estudio Núñez");
  });
});
