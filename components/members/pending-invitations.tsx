"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useReauth } from "@/components/reauth/use-reauth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { roleLabels } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { resendInvitation, revokeInvitation } from "@/lib/members/actions";
import type { PendingInvitation } from "@/lib/members/service";
import { InvitationLink } from "./invitation-link";

const SEND_FAILED = "No pudimos enviar el email; probá de nuevo.";

/** How the email with the link went, in the row; nothing when email is off on this server. */
function EmailState({ invitation }: { invitation: PendingInvitation }) {
  switch (invitation.emailStatus) {
    case "sent":
      return <p className="text-slate-600">Email: Enviado</p>;
    case "pending":
      return <p className="text-slate-600">Email: Enviando…</p>;
    case "failed":
      return <p className="font-medium text-red-800">{SEND_FAILED}</p>;
    case null:
      return null;
  }
}

export function PendingInvitations({
  businessId,
  invitations,
  mailEnabled,
}: {
  businessId: string;
  invitations: readonly PendingInvitation[];
  mailEnabled: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [resent, setResent] = useState<{ email: string; link: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const reauth = useReauth();
  const resend = (invitation: PendingInvitation) =>
    startTransition(async () => {
      const result = await reauth.guard(resendInvitation)({
        businessId,
        invitationId: invitation.id,
      });
      setError(result.ok ? null : result.error.message);
      setResent(
        result.ok
          ? {
              email: result.data.email,
              link: `${window.location.origin}/invitacion/${result.data.token}`,
            }
          : null,
      );
      router.refresh();
    });
  return (
    <section aria-labelledby="pendientes-title" className="space-y-3">
      <h2 id="pendientes-title" className="text-lg font-semibold">
        Invitaciones pendientes
      </h2>
      {mailEnabled ? null : (
        <p className="text-sm text-slate-600">
          Este servidor de Tablero no envía emails: al invitar o reenviar, copiá el enlace y
          mandáselo vos a la persona.
        </p>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {resent ? (
        <Alert tone="success" title="Invitación enviada de nuevo">
          <p>
            {mailEnabled ? `Le enviamos un email nuevo a ${resent.email}. ` : ""}El enlace anterior
            ya no funciona; este es el nuevo:
          </p>
          <InvitationLink link={resent.link} label={`Nuevo enlace para ${resent.email}`} />
        </Alert>
      ) : null}
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600">No hay invitaciones pendientes.</p>
      ) : (
        <p className="text-sm text-slate-600">
          «Reenviar» manda un email nuevo con un enlace nuevo y otro plazo: el enlace anterior deja
          de funcionar.
        </p>
      )}
      {invitations.length === 0 ? null : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {invitations.map((invitation) => (
            <li
              key={invitation.id}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
            >
              <div>
                <p className="font-medium">{invitation.email}</p>
                <p className="text-slate-600">
                  {roleLabels[invitation.role]} · invitada por {invitation.invitedBy ?? "—"} · vence
                  el {formatDate(new Date(invitation.expiresAt))}
                </p>
                {mailEnabled ? <EmailState invitation={invitation} /> : null}
              </div>
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={`Reenviar la invitación de ${invitation.email}`}
                  title="Manda un email nuevo con un enlace nuevo; el anterior deja de funcionar."
                  onClick={() => resend(invitation)}
                >
                  Reenviar
                </Button>
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={`Revocar la invitación de ${invitation.email}`}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await revokeInvitation({
                        businessId,
                        invitationId: invitation.id,
                      });
                      setError(result.ok ? null : result.error.message);
                      setResent(null);
                      router.refresh();
                    })
                  }
                >
                  Revocar
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {reauth.dialog}
    </section>
  );
}
