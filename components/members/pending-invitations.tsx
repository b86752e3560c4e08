"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { roleLabels } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { revokeInvitation } from "@/lib/members/actions";
import type { PendingInvitation } from "@/lib/members/service";

export function PendingInvitations({
  businessId,
  invitations,
}: {
  businessId: string;
  invitations: readonly PendingInvitation[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="pendientes-title" className="space-y-3">
      <h2 id="pendientes-title" className="text-lg font-semibold">
        Invitaciones pendientes
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600">No hay invitaciones pendientes.</p>
      ) : (
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
              </div>
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
                    router.refresh();
                  })
                }
              >
                Revocar
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
