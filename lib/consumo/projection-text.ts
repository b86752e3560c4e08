import { formatDayMonth } from "@/lib/format";
import type { Projection } from "./projection";

/**
 * What the consumo page says about the projection, in one sentence. `now` tells a date
 * already past (the last snapshot is old and the pace says the cupo ran out since).
 */
export function projectionSentence(projection: Projection, now: Date): string {
  switch (projection.kind) {
    case "noHistory":
      return "Todavía no hay datos de consumo de este ciclo para estimar cuándo se agota el cupo.";
    case "noCupo":
      return "El plan no tiene un cupo de comprobantes que se pueda agotar.";
    case "exhausted":
      return "El cupo de este ciclo ya se agotó.";
    case "onePoint":
      return "Hace falta más de una consulta en este ciclo para estimar cuándo se agota el cupo.";
    case "flat":
      return "No se generaron comprobantes entre las consultas de este ciclo: el cupo no se agota a este ritmo.";
    case "projected": {
      if (!projection.withinCycle)
        return "A este ritmo, el cupo alcanza hasta el fin del ciclo: no se agota este mes.";
      const day = formatDayMonth(projection.exhaustsAt);
      return projection.exhaustsAt.getTime() <= now.getTime()
        ? `A este ritmo, el cupo ya se habría agotado alrededor del ${day}: actualizá el consumo para confirmarlo.`
        : `A este ritmo, el cupo se agota alrededor del ${day}.`;
    }
  }
}
