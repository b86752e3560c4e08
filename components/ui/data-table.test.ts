import { Fragment, createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
  RowHeader,
} from "./data-table";

function render(inset?: "normal" | "wide") {
  const head = h(
    DataTableHead,
    null,
    h(ColumnHeader, null, "Persona"),
    h(ColumnHeader, { align: "end" }, "Requests"),
  );
  const body = h(
    DataTableBody,
    null,
    h(
      "tr",
      null,
      h(RowHeader, { className: "font-normal" }, "Ana"),
      h(DataCell, { className: "tabular-nums" }, "3"),
    ),
  );
  return renderToStaticMarkup(
    h(DataTable, { caption: "Miembros", inset, children: h(Fragment, null, head, body) }),
  );
}

describe("DataTable", () => {
  it("names the table with a caption only screen readers see", () => {
    expect(render()).toContain('<caption class="sr-only">Miembros</caption>');
  });

  it("scopes column and row headers so each cell is announced with them", () => {
    const html = render();
    expect(html).toMatch(/<th scope="col" class="[^"]*">Persona<\/th>/);
    expect(html).toMatch(/<th scope="col" class="[^"]*text-right[^"]*">Requests<\/th>/);
    expect(html).toMatch(/<th scope="row" class="[^"]*text-left font-normal">Ana<\/th>/);
    expect(html).toMatch(/<td class="px-\(--cell-px\) py-2 tabular-nums">3<\/td>/);
  });

  it("sets the cells' inset once, on the table", () => {
    expect(render()).toContain('class="min-w-full text-sm [--cell-px:--spacing(3)]"');
    expect(render("wide")).toContain('class="min-w-full text-sm [--cell-px:--spacing(4)]"');
  });
});
