import { describe, expect, it } from "vitest";
import { parseWireDate, toWireDate } from "./fecha";

describe("parseWireDate", () => {
  it.each([
    ["11/05/2017", "2017-05-11"],
    [" 02/01/2024 ", "2024-01-02"],
    ["1/2/2024", "2024-02-01"],
    ["29/02/2024", "2024-02-29"],
    ["31/12/1999", "1999-12-31"],
    ["29/02/2000", "2000-02-29"],
  ])("%s → %s", (wire, iso) => {
    expect(parseWireDate(wire)).toBe(iso);
  });

  it.each([
    "31/02/2020",
    "29/02/2023",
    "29/02/1900",
    "31/04/2024",
    "00/01/2024",
    "01/00/2024",
    "01/13/2024",
    "2024-01-02",
    "11/05/17",
    "11-05-2017",
    "",
    "01/01/1899",
  ])("rejects %s", (wire) => {
    expect(parseWireDate(wire)).toBeNull();
  });

  it("round-trips with toWireDate", () => {
    expect(toWireDate("2017-05-11")).toBe("11/05/2017");
    expect(parseWireDate(toWireDate("2024-02-29"))).toBe("2024-02-29");
  });
});
