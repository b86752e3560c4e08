/**
 * Lighthouse 12 (its default mobile preset: a mid-range phone on a slow 4G connection,
 * simulated) on signed-in pages, in Debian's Chromium: performance, accessibility and best
 * practices, with the figures behind performance (LCP, total blocking time). The session is a
 * Cookie header, as a browser that signed in would send it.
 */
import fs from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { midTierMobileMultiplier } from "./bench-cpu-calibration";

const DEBUGGING_PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 9333);
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
/** A folder to keep every run's full report in (JSON), to read what the scores come from. */
const SAVE_DIR = process.env.BENCH_LIGHTHOUSE_SAVE;

export type LighthouseScores = {
  route: string;
  /** Medians over the runs, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  /** Every run's performance score, to show the spread. */
  runs: number[];
  /** Accessibility and best-practice audits that failed in any run: what keeps them below 100. */
  failed: string[];
  /** Lighthouse's measure of this host's CPU in each run (see bench-cpu-calibration.ts). */
  benchmarkIndexes: number[];
};

/**
 * Every page under the mobile preset as it is (4× CPU slowdown) and again with the slowdown
 * calibrated to this host, so that it emulates the mid-tier phone the preset stands for.
 */
export type LighthouseMeasurement = {
  preset: LighthouseScores[];
  calibrated: LighthouseScores[];
  /** The median `benchmarkIndex` of the preset's runs, and the multiplier it maps to. */
  benchmarkIndex: number;
  multiplier: number;
};

/** The first items of a failed audit, short: enough to know where to look. */
function detailOf(details: unknown): string {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return JSON.stringify(items.slice(0, 2)).slice(0, 400);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Lighthouse's own trace failures, which a second run does not repeat. */
const TRACE_FAILURES = new Set(["NO_NAVSTART", "NO_FCP", "NO_TRACING_STARTED"]);

/** One Lighthouse run, run again once when its trace was not recorded. */
async function audit(url: string, cookie: string, cpuSlowdownMultiplier?: number) {
  const run = () =>
    lighthouse(url, {
      port: DEBUGGING_PORT,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: { Cookie: cookie },
      // The preset's network throttling stays; only the CPU's slowdown changes.
      ...(cpuSlowdownMultiplier ? { throttling: { cpuSlowdownMultiplier } } : {}),
    });
  const result = await run();
  const code = result?.lhr.runtimeError?.code;
  return code && TRACE_FAILURES.has(code) ? run() : result;
}

export async function measureLighthouse(
  base: string,
  cookie: string,
  routes: { route: string; path: string }[],
): Promise<LighthouseMeasurement> {
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...(chromiumLaunchOptions.args ?? []), `--remote-debugging-port=${DEBUGGING_PORT}`],
  });
  try {
    const preset = await auditPages(base, cookie, routes);
    const benchmarkIndex = median(preset.flatMap((page) => page.benchmarkIndexes));
    const multiplier = Math.round(midTierMobileMultiplier(benchmarkIndex) * 10) / 10;
    const calibrated = await auditPages(base, cookie, routes, multiplier);
    return { preset, calibrated, benchmarkIndex, multiplier };
  } finally {
    await browser.close();
  }
}

async function auditPages(
  base: string,
  cookie: string,
  routes: { route: string; path: string }[],
  cpuSlowdownMultiplier?: number,
): Promise<LighthouseScores[]> {
  const results: LighthouseScores[] = [];
  for (const { route, path } of routes) {
    const runs: { scores: number[]; lcp: number; tbt: number; benchmarkIndex: number }[] = [];
    const failed = new Set<string>();
    for (let i = 0; i < RUNS; i++) {
      const result = await audit(`${base}${path}`, cookie, cpuSlowdownMultiplier);
      if (!result) throw new Error(`Lighthouse no devolvió resultado para ${path}`);
      if (SAVE_DIR) {
        fs.mkdirSync(SAVE_DIR, { recursive: true });
        const cpu = cpuSlowdownMultiplier ? `cpu${cpuSlowdownMultiplier}x-` : "";
        const name = `${cpu}${route.replace(/\W+/g, "-")}-${i + 1}.json`;
        fs.writeFileSync(join(SAVE_DIR, name), JSON.stringify(result.lhr));
      }
      const { categories, audits, finalDisplayedUrl, runtimeError, environment } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse en ${path}: ${runtimeError.message}`);
      // A lapsed or refused session lands on the sign-in page: that is not the page measured.
      if (!finalDisplayedUrl.endsWith(path))
        throw new Error(`Lighthouse terminó en ${finalDisplayedUrl}, no en ${path}`);
      for (const id of ["accessibility", "best-practices"] as const) {
        for (const { id: audit } of categories[id]?.auditRefs ?? []) {
          const score = audits[audit]?.score;
          if (typeof score === "number" && score < 1)
            failed.add(`${audit}: ${audits[audit]!.title} ${detailOf(audits[audit]!.details)}`);
        }
      }
      runs.push({
        scores: CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100)),
        lcp: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
        tbt: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
        benchmarkIndex: environment.benchmarkIndex,
      });
    }
    const byCategory = (index: number) => median(runs.map((run) => run.scores[index]!));
    results.push({
      route,
      performance: byCategory(0),
      accessibility: byCategory(1),
      bestPractices: byCategory(2),
      lcpMs: median(runs.map((run) => run.lcp)),
      tbtMs: median(runs.map((run) => run.tbt)),
      runs: runs.map((run) => run.scores[0]!),
      failed: [...failed],
      benchmarkIndexes: runs.map((run) => run.benchmarkIndex),
    });
  }
  return results;
}

export function printLighthouse({
  preset,
  calibrated,
  benchmarkIndex,
  multiplier,
}: LighthouseMeasurement): void {
  const integer = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 1 });
  const indexes = preset.flatMap((page) => page.benchmarkIndexes);
  console.log(
    `Lighthouse 12 móvil (mediana de ${RUNS} corridas; meta: rendimiento ≥ 95, ` +
      "accesibilidad y buenas prácticas 100). " +
      `CPU de esta máquina según Lighthouse (benchmarkIndex): mediana ${integer.format(benchmarkIndex)}, ` +
      `de ${integer.format(Math.min(...indexes))} a ${integer.format(Math.max(...indexes))}; ` +
      "el preset la frena 4× (calibrado para 1.500–2.000), y " +
      `${decimal.format(multiplier)}× emula en ella el teléfono de gama media del preset:`,
  );
  const table = (title: string, results: LighthouseScores[]) => {
    console.log(`  ${title}`);
    console.log(
      `  ${"página".padEnd(32)} ${"rend.".padStart(5)} ${"acces.".padStart(6)} ` +
        `${"b. prác.".padStart(8)} ${"LCP ms".padStart(7)} ${"TBT ms".padStart(7)}  corridas`,
    );
    for (const r of results) {
      console.log(
        `  ${r.route.padEnd(32)} ${String(r.performance).padStart(5)} ` +
          `${String(r.accessibility).padStart(6)} ${String(r.bestPractices).padStart(8)} ` +
          `${integer.format(r.lcpMs).padStart(7)} ${integer.format(r.tbtMs).padStart(7)}  ` +
          r.runs.join(" · "),
      );
      for (const audit of r.failed) console.log(`      no pasa: ${audit}`);
    }
  };
  table("CPU 4× (el preset tal cual):", preset);
  table(`CPU ${decimal.format(multiplier)}× (calibrado a esta máquina):`, calibrated);
}
