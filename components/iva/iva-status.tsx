import type { IvaRequestStatus } from "@/lib/db/schema";
import { statusLabels } from "@/lib/iva/rules";

const tones: Record<IvaRequestStatus, string> = {
  queued: "bg-slate-100 text-slate-800",
  pending: "bg-sky-100 text-sky-900",
  sent: "bg-emerald-100 text-emerald-900",
  rejected: "bg-red-100 text-red-900",
  failed: "bg-red-100 text-red-900",
  unconfirmed: "bg-amber-100 text-amber-900",
  skipped: "bg-slate-100 text-slate-800",
  cancelled: "bg-slate-100 text-slate-800",
};

/** A request's state as a badge, with TusFacturas' messages or the reason below it. */
export function IvaStatus({
  status,
  messages,
}: {
  status: IvaRequestStatus;
  messages: readonly string[];
}) {
  return (
    <div>
      <span
        className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tones[status]}`}
      >
        {statusLabels[status]}
      </span>
      {status === "unconfirmed" && messages.length === 0 ? (
        <p className="mt-1 text-xs text-slate-700">
          Se interrumpió antes de la respuesta de TusFacturas: puede haberse enviado o no.
        </p>
      ) : null}
      {messages.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
          {messages.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
