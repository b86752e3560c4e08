"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
  RowHeader,
} from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { endOtherSessions, endSession } from "@/lib/sessions/actions";
import type { ActiveSession } from "@/lib/sessions/service";

/** "Sesiones activas": where the account is signed in, with a way to end each one. */
export function ActiveSessions({
  sessions,
  idleMinutes,
  hours,
}: {
  sessions: readonly ActiveSession[];
  /** The configured lifetimes, said under the table. */
  idleMinutes: number;
  hours: number;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const others = sessions.filter((session) => !session.current).length;

  function run(action: () => ReturnType<typeof endOtherSessions>, done: (n: number) => string) {
    startTransition(async () => {
      const result = await action();
      setMessage(
        result.ok
          ? { tone: "success", text: done(result.data.ended) }
          : { tone: "error", text: result.error.message },
      );
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="sesiones-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="sesiones-title" className="text-lg font-semibold">
          Sesiones activas
        </h2>
        <Button
          variant="secondary"
          disabled={pending || others === 0}
          onClick={() =>
            run(
              () => endOtherSessions({}),
              (n) => (n === 1 ? "Cerramos 1 sesión." : `Cerramos ${n} sesiones.`),
            )
          }
        >
          Cerrar todas las demás
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <DataTable caption="Dispositivos con una sesión abierta en tu cuenta">
        <DataTableHead>
          <ColumnHeader>Dispositivo</ColumnHeader>
          <ColumnHeader>Dirección</ColumnHeader>
          <ColumnHeader>Último uso</ColumnHeader>
          <ColumnHeader>
            <span className="sr-only">Acciones</span>
          </ColumnHeader>
        </DataTableHead>
        <DataTableBody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <RowHeader className="font-normal">
                <p className="font-medium">{session.device}</p>
                <p className="text-slate-600">
                  {session.current
                    ? "Esta sesión"
                    : `Desde el ${formatDateTime(new Date(session.createdAt))}`}
                </p>
              </RowHeader>
              <DataCell>{session.address ?? "Desconocida"}</DataCell>
              <DataCell className="tabular-nums">
                {formatDateTime(new Date(session.lastSeenAt))}
              </DataCell>
              <DataCell>
                {session.current ? null : (
                  <Button
                    variant="secondary"
                    disabled={pending}
                    aria-label={`Cerrar la sesión de ${session.device}`}
                    onClick={() =>
                      run(
                        () => endSession({ sessionId: session.id }),
                        () => `Cerramos la sesión de ${session.device}.`,
                      )
                    }
                  >
                    Cerrar
                  </Button>
                )}
              </DataCell>
            </tr>
          ))}
        </DataTableBody>
      </DataTable>
      <p className="text-sm text-slate-600">
        Una sesión se cierra sola tras {idleMinutes} minutos sin uso o {hours} horas después de
        ingresar.
      </p>
    </section>
  );
}
