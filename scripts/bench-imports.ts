/**
 * The imports part of `npm run bench` (`--imports`): a year's client import and the due dates
 * of 500 unpaid comprobantes, measured by bench-imports-measure.ts, printed with where the
 * time went (the pace between calls, the calls, the rest) and the calls made.
 */
import { BENCH_BUSINESS_SPEC } from "@/lib/tusfacturas/emulator/bench-business";
import { measureImports, PACE_MS, type Calls } from "./bench-imports-measure";

const { dias, porDia, deudor } = BENCH_BUSINESS_SPEC;

const integer = new Intl.NumberFormat("es-AR");
const seconds = new Intl.NumberFormat("es-AR", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const s = (ms: number) => `${seconds.format(ms / 1000)} s`;

function describeCalls(calls: Calls): string {
  const methods = Object.entries(calls.byMethod)
    .map(([method, n]) => `${integer.format(n)} ${method}`)
    .join(" + ");
  return (
    `${integer.format(calls.total)} llamadas gratuitas (${methods || "ninguna"}), ` +
    `${integer.format(calls.billed)} facturadas, ${integer.format(calls.throttled)} respuestas 429`
  );
}

/**
 * Where the time went: the wait between calls (each call after the first waits its turn and
 * the pace after the previous answer; work done meanwhile overlaps it), the calls themselves,
 * and the rest.
 */
function describeTime(ms: number, calls: Calls, rested: string): string {
  const gaps = Math.max(0, calls.total - 1);
  const pace = gaps * PACE_MS;
  const rest = Math.max(0, ms - pace - calls.httpMs);
  return (
    `${s(ms)}: espera entre llamadas ${s(pace)} (${integer.format(gaps)} × ${PACE_MS} ms), ` +
    `HTTP al emulador ${s(calls.httpMs)}, el resto (${rested}) ${s(rest)}`
  );
}

export async function printImportsMeasurement(): Promise<void> {
  const results = await measureImports();
  console.log(
    `Importar clientes desde TusFacturas: ${integer.format(dias)} días × ${porDia} comprobantes ` +
      `(${integer.format(dias * porDia)}), ${BENCH_BUSINESS_SPEC.clientes + 1} clientes; ` +
      `el trabajo client-import, ${PACE_MS} ms entre llamadas como en la app:`,
  );
  for (const { engine, walk } of results) {
    console.log(
      `  ${engine}: ${describeTime(walk.ms, walk.calls, "base de datos, cola de trabajos")}`,
    );
    console.log(
      `    ${describeCalls(walk.calls)}; ${integer.format(walk.daysDone)} días, ` +
        `${integer.format(walk.clients)} clientes encontrados, ${walk.jobs} trabajos (tramos de 20 s)`,
    );
  }
  console.log(
    `Vencimientos de ${deudor.impagos} comprobantes impagos de un cliente ` +
      `(referencia: ${deudor.impagos} consultas una por una, ≥ ${s((deudor.impagos - 1) * PACE_MS)} de espera):`,
  );
  for (const { engine, lookups } of results) {
    console.log(`  ${engine}: ${describeTime(lookups.ms, lookups.calls, "base de datos")}`);
    console.log(
      `    ${describeCalls(lookups.calls)}; plan: ${lookups.plan.ranges} rangos "TN" + ` +
        `${lookups.plan.singles} consultas sueltas para ${integer.format(lookups.unpaid)} impagos`,
    );
  }
}
