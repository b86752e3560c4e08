"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useReauth } from "@/components/reauth/use-reauth";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatDate } from "@/lib/format";
import { inviteMember } from "@/lib/members/actions";
import { InvitationLink } from "./invitation-link";
import { roleDescriptions, roleOptions } from "./role-select-options";

/**
 * "Invitar": Tablero emails the link to the person, and shows it once so the owner can copy
 * it too (the only way when this server sends no email).
 */
export function InviteMember({
  businessId,
  mailEnabled,
  canInvite,
}: {
  businessId: string;
  mailEnabled: boolean;
  /** The owner confirmed their own email: only then may Tablero email others for them. */
  canInvite: boolean;
}) {
  const router = useRouter();
  const reauth = useReauth();
  const [created, setCreated] = useState<{
    link: string;
    expiresAt: string;
    email: string;
  } | null>(null);
  const form = useActionForm(
    (values) => reauth.guard(inviteMember)({ ...values, businessId }),
    ({ token, expiresAt, email }) => {
      setCreated({ link: `${window.location.origin}/invitacion/${token}`, expiresAt, email });
      router.refresh();
    },
    { resetOnSuccess: true },
  );
  return (
    <section aria-labelledby="invitar-title" className="max-w-2xl space-y-3">
      <h2 id="invitar-title" className="text-lg font-semibold">
        Invitar a alguien
      </h2>
      {canInvite ? null : (
        <Alert tone="info" title="Confirmá tu email antes de invitar a otras personas">
          <p>
            Tablero le envía la invitación por email a quien invites, así que primero tenés que
            confirmar tu propio email con el enlace que te enviamos (podés pedir otro desde el aviso
            de arriba).
          </p>
        </Alert>
      )}
      <form
        onSubmit={form.onSubmit}
        noValidate
        aria-label="Invitar"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        {form.error && !form.error.fieldErrors ? (
          <Alert tone="error">{form.error.message}</Alert>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <TextField
            label="Email de la persona"
            name="email"
            type="email"
            autoComplete="off"
            required
            errors={form.fieldErrors("email")}
          />
          <SelectField
            label="Rol"
            name="role"
            options={roleOptions}
            defaultValue="accountant"
            errors={form.fieldErrors("role")}
          />
        </div>
        <ul className="space-y-0.5 text-xs text-slate-600">
          {roleOptions.map((option) => (
            <li key={option.value}>
              <strong>{option.label}:</strong> {roleDescriptions[option.value]}
            </li>
          ))}
        </ul>
        <Button type="submit" disabled={form.pending || !canInvite}>
          {form.pending ? "Creando invitación…" : "Invitar"}
        </Button>
      </form>
      {created ? (
        <Alert tone="success" title="Invitación creada">
          <p>
            {mailEnabled
              ? `Le enviamos un email a ${created.email} con el enlace. También podés copiarlo y mandárselo vos.`
              : "Este servidor de Tablero no envía emails: copiá este enlace y mandáselo vos."}{" "}
            Funciona una sola vez, solo con ese email, hasta el{" "}
            {formatDate(new Date(created.expiresAt))}.
          </p>
          <InvitationLink link={created.link} label="Enlace de la invitación" />
        </Alert>
      ) : null}
      {reauth.dialog}
    </section>
  );
}
