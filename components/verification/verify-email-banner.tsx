import { Alert } from "@/components/ui/alert";
import type { VerificationStatus } from "@/lib/verification/service";
import { MAIL_OFF } from "@/lib/verification/service";
import { LazyResendVerification } from "./lazy-resend-verification";

export const SEND_FAILED = "No pudimos enviar el email; probá de nuevo.";

/** Until the address is confirmed: what it is for, how the last link's email went, "Reenviar". */
export function VerifyEmailBanner({ status }: { status: VerificationStatus }) {
  if (status.verified) return null;
  if (!status.mailEnabled) {
    return (
      <Alert tone="warning" title="Tu email no está confirmado">
        {MAIL_OFF} Hasta confirmarlo no podés aceptar invitaciones.
      </Alert>
    );
  }
  const failed = status.lastEmail === "failed";
  return (
    <Alert tone={failed ? "error" : "warning"} title="Confirmá tu email">
      {failed ? (
        <p>{SEND_FAILED}</p>
      ) : status.lastEmail === "pending" ? (
        <p>Te estamos enviando un enlace a {status.email} para confirmarlo.</p>
      ) : (
        <p>
          Te enviamos un enlace a {status.email}: abrilo para confirmar que es tuyo. Hasta entonces
          no podés aceptar invitaciones.
        </p>
      )}
      <LazyResendVerification email={status.email} />
    </Alert>
  );
}
