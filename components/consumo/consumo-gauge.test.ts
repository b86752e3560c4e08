import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConsumoGauge } from "./consumo-gauge";

const render = (generados: number, cupo: number, low = false) =>
  renderToStaticMarkup(createElement(ConsumoGauge, { generados, cupo, low }));

/** The filled share of the ring, from the bar's dash pattern (filled length / circumference). */
function filled(markup: string): number | null {
  const match = /stroke-dasharray="([\d.]+) ([\d.]+)"/.exec(markup);
  return match ? Number(match[1]) / Number(match[2]) : null;
}

describe("the consumo gauge", () => {
  it("says the figures in words and fills the ring by the share used", () => {
    const markup = render(1234, 5000);
    expect(markup).toContain('aria-label="1.234 de 5.000 comprobantes usados"');
    expect(filled(markup)).toBeCloseTo(0.2468, 4);
    expect(markup).toContain('stroke="#1d5fd1"');
  });

  it("is empty at zero, full (never more) past the cupo, and amber when low", () => {
    expect(filled(render(0, 200))).toBeNull();
    expect(filled(render(250, 200))).toBe(1);
    expect(render(190, 200, true)).toContain('stroke="#b45309"');
    // A plan with no cupo yet draws no bar rather than dividing by zero.
    expect(filled(render(3, 0))).toBeNull();
  });
});
