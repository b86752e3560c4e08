import { describe, expect, it } from "vitest";
import {
  projectExhaustion,
  projectFromSnapshots,
  runsOutThisCycle,
  splitCycles,
  startOfNextMonth,
  startOfPreviousMonth,
  type ConsumoPoint,
} from "./projection";
import { projectionSentence } from "./projection-text";

// 09:00 on 20 November in Buenos Aires (UTC−3); the cycle ends at 00:00 on 1 December there.
const NOW = new Date("2026-11-20T12:00:00Z");
const CYCLE_END = new Date("2026-12-01T03:00:00Z");

const point = (
  iso: string,
  generados: number,
  { cupo = 100, disponibles = cupo - generados }: { cupo?: number; disponibles?: number } = {},
): ConsumoPoint => ({ fetchedAt: new Date(iso), generados, cupo, disponibles });

describe("month boundaries in Buenos Aires", () => {
  it("end the cycle at midnight of the 1st there, across a year", () => {
    expect(startOfNextMonth(NOW)).toEqual(CYCLE_END);
    // 23:30 on 31 December in Buenos Aires is still December.
    expect(startOfNextMonth(new Date("2027-01-01T02:30:00Z"))).toEqual(
      new Date("2027-01-01T03:00:00Z"),
    );
    expect(startOfNextMonth(new Date("2027-01-31T12:00:00Z"))).toEqual(
      new Date("2027-02-01T03:00:00Z"),
    );
    expect(startOfPreviousMonth(new Date("2027-01-01T03:00:00Z"))).toEqual(
      new Date("2026-12-01T03:00:00Z"),
    );
  });
});

describe("splitCycles", () => {
  it("has no cycle without snapshots", () => {
    expect(splitCycles([], NOW)).toEqual({ current: [], previous: [], cycleEnd: CYCLE_END });
  });

  it("starts a cycle at midnight of the 1st in Buenos Aires, not in UTC", () => {
    const october = point("2026-11-01T02:59:59.999Z", 90);
    const november = point("2026-11-01T03:00:00.000Z", 95);
    const later = point("2026-11-10T12:00:00Z", 99);
    expect(splitCycles([later, november, october], NOW)).toMatchObject({
      current: [november, later],
      previous: [october],
    });
  });

  it("starts a cycle where comprobantes_generados drops within a month, not where it holds", () => {
    const a = point("2026-11-05T12:00:00Z", 50);
    const b = point("2026-11-08T12:00:00Z", 60);
    const same = point("2026-11-09T12:00:00Z", 60);
    const drop = point("2026-11-12T12:00:00Z", 59);
    const c = point("2026-11-19T12:00:00Z", 70);
    expect(splitCycles([a, b, same, drop, c], NOW)).toMatchObject({
      current: [drop, c],
      previous: [a, b, same],
    });
  });

  it("has no cycle under way when the last snapshot is from an earlier month", () => {
    const a = point("2026-10-10T12:00:00Z", 10);
    const b = point("2026-10-30T12:00:00Z", 40);
    expect(splitCycles([a, b], NOW)).toMatchObject({ current: [], previous: [a, b] });
  });

  it("ignores snapshots stamped after now", () => {
    const a = point("2026-11-10T12:00:00Z", 10);
    const future = point("2026-11-20T12:00:00.001Z", 40);
    expect(splitCycles([a, future], NOW).current).toEqual([a]);
  });
});

describe("projectExhaustion", () => {
  it("says there is no history without snapshots of the cycle", () => {
    expect(projectExhaustion([], CYCLE_END)).toEqual({ kind: "noHistory" });
  });

  it("makes no projection from one snapshot, nor from two of the same instant", () => {
    const a = point("2026-11-10T12:00:00Z", 10);
    expect(projectExhaustion([a], CYCLE_END)).toEqual({ kind: "onePoint" });
    expect(projectExhaustion([a, point("2026-11-10T12:00:00Z", 12)], CYCLE_END)).toEqual({
      kind: "onePoint",
    });
  });

  it("says a flat cycle does not run out at this pace", () => {
    const points = [point("2026-11-02T12:00:00Z", 10), point("2026-11-20T12:00:00Z", 10)];
    expect(projectExhaustion(points, CYCLE_END)).toEqual({ kind: "flat" });
  });

  it("projects a growing cycle from its first and last snapshot onto disponibles", () => {
    // 20 comprobantes in 10 days: 2 a day; 10 left → 5 days after the last snapshot.
    const points = [
      point("2026-11-10T12:00:00Z", 10),
      point("2026-11-12T12:00:00Z", 25),
      point("2026-11-20T12:00:00Z", 30, { disponibles: 10 }),
    ];
    expect(projectExhaustion(points, CYCLE_END)).toEqual({
      kind: "projected",
      exhaustsAt: new Date("2026-11-25T12:00:00Z"),
      withinCycle: true,
      perDay: 2,
    });
  });

  it("runs out within the cycle only strictly before it ends", () => {
    // 1 a day from 10/11 00:00 (Buenos Aires); 11 left at 20/11 00:00 → 01/12 00:00, the end.
    const first = point("2026-11-10T03:00:00Z", 10);
    const atEnd = [first, point("2026-11-20T03:00:00Z", 20, { disponibles: 11 })];
    expect(projectExhaustion(atEnd, CYCLE_END)).toMatchObject({
      exhaustsAt: CYCLE_END,
      withinCycle: false,
    });
    // Ten comprobantes in 10 days minus a millisecond: a hair faster, a hair before the end.
    const justBefore = [first, point("2026-11-20T02:59:59.999Z", 20, { disponibles: 11 })];
    const projection = projectExhaustion(justBefore, CYCLE_END);
    expect(projection).toMatchObject({ kind: "projected", withinCycle: true });
    expect(runsOutThisCycle(projection)).toEqual(
      projection.kind === "projected" ? projection.exhaustsAt : "no projection",
    );
    expect(runsOutThisCycle(projectExhaustion(atEnd, CYCLE_END))).toBeNull();
  });

  it("reads disponibles as TusFacturas sent it: 0 or less is exhausted, 1 is not", () => {
    const first = point("2026-11-10T12:00:00Z", 10);
    for (const disponibles of [0, -3]) {
      const last = point("2026-11-20T12:00:00Z", 90, { disponibles });
      expect(projectExhaustion([first, last], CYCLE_END)).toEqual({ kind: "exhausted" });
      // Known from one snapshot: no pace needed.
      expect(projectExhaustion([last], CYCLE_END)).toEqual({ kind: "exhausted" });
    }
    const last = point("2026-11-20T12:00:00Z", 90, { disponibles: 1 });
    expect(projectExhaustion([first, last], CYCLE_END)).toMatchObject({ kind: "projected" });
  });

  it("makes no projection for a plan without cupo (0 or unlimited)", () => {
    for (const cupo of [0, -1]) {
      const points = [
        point("2026-11-10T12:00:00Z", 10, { cupo, disponibles: 0 }),
        point("2026-11-20T12:00:00Z", 90, { cupo, disponibles: 0 }),
      ];
      expect(projectExhaustion(points, CYCLE_END)).toEqual({ kind: "noCupo" });
    }
    const one = [point("2026-11-20T12:00:00Z", 0, { cupo: 1 })];
    expect(projectExhaustion(one, CYCLE_END)).toEqual({ kind: "onePoint" });
  });

  it("uses the cupo of the last snapshot when the plan changed within the cycle", () => {
    const points = [
      point("2026-11-10T12:00:00Z", 10, { cupo: 0, disponibles: 0 }),
      point("2026-11-20T12:00:00Z", 30, { cupo: 100, disponibles: 70 }),
    ];
    expect(projectExhaustion(points, CYCLE_END)).toMatchObject({ kind: "projected", perDay: 2 });
  });
});

describe("projectFromSnapshots", () => {
  it("never lets the previous cycle's points feed the pace", () => {
    // October ran fast (80 in a day); November, 2 a day with 10 left.
    const points = [
      point("2026-10-30T12:00:00Z", 10),
      point("2026-10-31T12:00:00Z", 90),
      point("2026-11-10T12:00:00Z", 10),
      point("2026-11-20T12:00:00Z", 30, { disponibles: 10 }),
    ];
    expect(projectFromSnapshots(points, NOW)).toMatchObject({
      kind: "projected",
      exhaustsAt: new Date("2026-11-25T12:00:00Z"),
      perDay: 2,
    });
    // After a drop, the points before it do not count either.
    const reset = [
      point("2026-11-02T12:00:00Z", 0),
      point("2026-11-03T12:00:00Z", 80),
      point("2026-11-19T12:00:00Z", 5),
    ];
    expect(projectFromSnapshots(reset, NOW)).toEqual({ kind: "onePoint" });
  });

  it("has no projection when only last month is stored", () => {
    const points = [point("2026-10-10T12:00:00Z", 10), point("2026-10-30T12:00:00Z", 40)];
    expect(projectFromSnapshots(points, NOW)).toEqual({ kind: "noHistory" });
  });
});

describe("projectionSentence", () => {
  it("gives the day the cupo runs out as dd/mm in Buenos Aires", () => {
    const projection = {
      kind: "projected",
      // 23:30 on 4 December in Buenos Aires.
      exhaustsAt: new Date("2026-12-05T02:30:00Z"),
      withinCycle: true,
      perDay: 3,
    } as const;
    expect(projectionSentence(projection, NOW)).toBe(
      "A este ritmo, el cupo se agota alrededor del 04/12.",
    );
  });

  it("says when it does not run out this cycle, or would have run out already", () => {
    const later = {
      kind: "projected",
      exhaustsAt: CYCLE_END,
      withinCycle: false,
      perDay: 1,
    } as const;
    expect(projectionSentence(later, NOW)).toBe(
      "A este ritmo, el cupo alcanza hasta el fin del ciclo: no se agota este mes.",
    );
    expect(runsOutThisCycle(later)).toBeNull();
    const past = {
      kind: "projected",
      exhaustsAt: new Date("2026-11-18T12:00:00Z"),
      withinCycle: true,
      perDay: 1,
    } as const;
    expect(projectionSentence(past, NOW)).toMatch(/ya se habría agotado alrededor del 18\/11/);
  });

  it.each([
    [{ kind: "noHistory" }, /Todavía no hay datos/],
    [{ kind: "noCupo" }, /no tiene un cupo/],
    [{ kind: "exhausted" }, /ya se agotó/],
    [{ kind: "onePoint" }, /más de una consulta/],
    [{ kind: "flat" }, /no se agota a este ritmo/],
  ] as const)("says what %o means", (projection, text) => {
    expect(projectionSentence(projection, NOW)).toMatch(text);
    expect(runsOutThisCycle(projection)).toBeNull();
  });
});
