"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { confirmTwoFactorSetup } from "@/lib/two-factor/actions";

/**
 * The set-up's second half: the QR code (and the key as text, for typing it in), then the
 * first code from the app, which turns two-factor on.
 */
export function TwoFactorSetup({
  secret,
  qrDataUrl,
  setupId,
  onEnabled,
  onCancel,
}: {
  secret: string;
  qrDataUrl: string;
  /** Which set-up the code confirms (from `beginTwoFactorSetup`). */
  setupId: string;
  onEnabled: (recoveryCodes: string[], endedSessions: number) => void;
  onCancel: () => void;
}) {
  const form = useActionForm(confirmTwoFactorSetup, ({ recoveryCodes, endedSessions }) =>
    onEnabled(recoveryCodes, endedSessions),
  );
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>
          Abrí tu app de autenticación (Google Authenticator, Microsoft Authenticator, 1Password u
          otra) y agregá una cuenta nueva.
        </li>
        <li>Escaneá el código QR, o escribí la clave a mano.</li>
        <li>Ingresá el código de 6 dígitos que te muestra la app.</li>
      </ol>
      <div className="flex flex-wrap items-start gap-6">
        {/* A data URL made on the server: next/image has nothing to optimize here. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={qrDataUrl}
          alt="Código QR para agregar Tablero a tu app de autenticación"
          width={176}
          height={176}
          className="rounded border border-slate-200 bg-white"
        />
        <dl className="min-w-0 space-y-1">
          <dt className="text-sm font-medium text-slate-800">Clave para ingresarla a mano</dt>
          <dd className="font-mono text-sm break-all text-slate-900" data-testid="totp-secret">
            {grouped}
          </dd>
        </dl>
      </div>
      <form onSubmit={form.onSubmit} className="max-w-xs space-y-3" noValidate>
        {form.error && !form.error.fieldErrors ? (
          <Alert tone="error">{form.error.message}</Alert>
        ) : null}
        <input type="hidden" name="setupId" value={setupId} />
        <TextField
          label="Código de la app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          autoFocus
          errors={form.fieldErrors("code")}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Activando…" : "Activar"}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={form.pending}>
            Cancelar
          </Button>
        </div>
      </form>
    </div>
  );
}
