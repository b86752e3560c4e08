import { Alert } from "@/components/ui/alert";
import { runsOutThisCycle, type ConsumoPoint } from "@/lib/consumo/projection";
import { projectionSentence } from "@/lib/consumo/projection-text";
import type { ConsumoHistory } from "@/lib/consumo/history";
import { formatDateTime, formatInteger } from "@/lib/format";
import { ConsumoHistoryChart } from "./consumo-history-chart";

/**
 * «Historia del consumo»: the stored snapshots of this cycle and the last one, and when the
 * cupo runs out at this cycle's pace. Server-rendered from stored data only.
 */
export function ConsumoHistorySection({ history, now }: { history: ConsumoHistory; now: Date }) {
  const { current, previous, projection } = history;
  const empty = current.length === 0 && previous.length === 0;
  const sentence = projectionSentence(projection, now);

  return (
    <section aria-labelledby="consumo-history-title" className="mt-10 space-y-4">
      <h2 id="consumo-history-title" className="text-lg font-semibold">
        Historia del consumo
      </h2>
      {empty ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Todavía no hay historia: cada consulta a TusFacturas guarda un punto, y con dos consultas
          de este ciclo Tablero estima cuándo se agota el cupo.
        </p>
      ) : (
        <>
          {runsOutThisCycle(projection) ? (
            <Alert tone="warning" title="El cupo se agota antes de fin de mes">
              {sentence}
            </Alert>
          ) : (
            <p className="text-sm text-slate-700">{sentence}</p>
          )}
          <figure
            aria-labelledby="consumo-history-caption"
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <figcaption id="consumo-history-caption" className="mb-2 text-sm font-medium">
              Comprobantes generados
            </figcaption>
            <ConsumoHistoryChart current={current} previous={previous} />
            <p className="mt-2 flex gap-4 text-xs text-slate-600" aria-hidden="true">
              <span>
                <span className="mr-1 inline-block h-0.5 w-4 bg-brand-600 align-middle" />
                Ciclo actual
              </span>
              <span>
                <span className="mr-1 inline-block h-0.5 w-4 bg-slate-400 align-middle" />
                Ciclo anterior
              </span>
            </p>
          </figure>
          <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <summary className="cursor-pointer font-medium">Ver los datos del gráfico</summary>
            <table className="mt-3 w-full text-left tabular-nums">
              <caption className="sr-only">
                Comprobantes generados en cada consulta del ciclo actual y del anterior
              </caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-600">
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Ciclo
                  </th>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Consultado
                  </th>
                  <th scope="col" className="py-1 pr-4 text-right font-medium">
                    Generados
                  </th>
                  <th scope="col" className="py-1 pr-4 text-right font-medium">
                    Cupo
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Disponibles
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows(previous, "Anterior")}
                {rows(current, "Actual")}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

function rows(points: ConsumoPoint[], cycle: string) {
  return points.map((p) => (
    <tr key={`${cycle}-${p.fetchedAt.toISOString()}`} className="border-b border-slate-100">
      <td className="py-1 pr-4">{cycle}</td>
      <td className="py-1 pr-4">{formatDateTime(p.fetchedAt)}</td>
      <td className="py-1 pr-4 text-right">{formatInteger(p.generados)}</td>
      <td className="py-1 pr-4 text-right">{formatInteger(p.cupo)}</td>
      <td className="py-1 text-right">{formatInteger(p.disponibles)}</td>
    </tr>
  ));
}
