"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState, useTransition } from "react";
import { useReauth } from "@/components/reauth/use-reauth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDate } from "@/lib/format";
import {
  beginTwoFactorSetup,
  disableTwoFactor,
  regenerateRecoveryCodes,
} from "@/lib/two-factor/actions";

// The set-up step and the recovery codes load once someone starts either: most visits to
// «Tu cuenta» never do.
const loadSetup = () => import("./two-factor-setup");
const loadCodes = () => import("./recovery-codes");
const TwoFactorSetup = lazy(() => loadSetup().then((m) => ({ default: m.TwoFactorSetup })));
const RecoveryCodes = lazy(() => loadCodes().then((m) => ({ default: m.RecoveryCodes })));

export type TwoFactorState = {
  enabledAt: string | null;
  remainingCodes: number;
  /** Two-factor is turned on only for a confirmed address. */
  emailVerified: boolean;
};

type Step =
  | { kind: "idle" }
  | { kind: "setup"; secret: string; qrDataUrl: string; setupId: string }
  | { kind: "codes"; codes: string[] };

/**
 * "Verificación en dos pasos" in «Tu cuenta»: turn it on (QR code, then a code), see the
 * recovery codes once, make new ones, turn it off (all but seeing the codes after "Confirmá que
 * sos vos").
 */
export function TwoFactorSection({
  state,
  onEnabledSaved,
}: {
  state: TwoFactorState;
  /** After "Ya los guardé" of a new set-up (the default refreshes the page). */
  onEnabledSaved?: () => void;
}) {
  const router = useRouter();
  const reauth = useReauth();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [justEnabled, setJustEnabled] = useState(false);
  const enabledAt = state.enabledAt ? new Date(state.enabledAt) : null;

  function begin() {
    setMessage(null);
    void loadSetup();
    void loadCodes();
    startTransition(async () => {
      const result = await reauth.guard(beginTwoFactorSetup)({});
      if (result.ok) setStep({ kind: "setup", ...result.data });
      else setMessage({ tone: "error", text: result.error.message });
    });
  }

  function regenerate() {
    setMessage(null);
    void loadCodes();
    startTransition(async () => {
      const result = await reauth.guard(regenerateRecoveryCodes)({});
      if (result.ok) setStep({ kind: "codes", codes: result.data.recoveryCodes });
      else setMessage({ tone: "error", text: result.error.message });
    });
  }

  function disable() {
    setMessage(null);
    startTransition(async () => {
      const result = await reauth.guard(disableTwoFactor)({});
      setMessage(
        result.ok
          ? { tone: "success", text: "Desactivaste la verificación en dos pasos." }
          : { tone: "error", text: result.error.message },
      );
      router.refresh();
    });
  }

  function saved() {
    setStep({ kind: "idle" });
    if (justEnabled && onEnabledSaved) onEnabledSaved();
    else router.refresh();
  }

  return (
    <section aria-labelledby="dos-pasos-title" className="max-w-2xl space-y-3">
      <h2 id="dos-pasos-title" className="text-lg font-semibold">
        Verificación en dos pasos
      </h2>
      <p className="text-sm text-slate-600">
        Además de tu contraseña, Tablero te pide un código de tu app de autenticación al ingresar.
      </p>
      <div aria-live="polite">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      {step.kind === "codes" ? (
        <Suspense fallback={<p className="text-sm text-slate-600">Cargando…</p>}>
          <RecoveryCodes codes={step.codes} onSaved={saved} />
        </Suspense>
      ) : step.kind === "setup" ? (
        <Suspense fallback={<p className="text-sm text-slate-600">Cargando…</p>}>
          <TwoFactorSetup
            secret={step.secret}
            qrDataUrl={step.qrDataUrl}
            setupId={step.setupId}
            onEnabled={(codes, ended) => {
              setJustEnabled(true);
              setMessage({
                tone: "success",
                text:
                  ended === 0
                    ? "Activaste la verificación en dos pasos."
                    : `Activaste la verificación en dos pasos y cerramos ${ended === 1 ? "la sesión abierta en otro dispositivo" : `las ${ended} sesiones abiertas en otros dispositivos`}.`,
              });
              setStep({ kind: "codes", codes });
            }}
            onCancel={() => setStep({ kind: "idle" })}
          />
        </Suspense>
      ) : enabledAt ? (
        <div className="space-y-3">
          <Alert tone="success" title={`Activada desde el ${formatDate(enabledAt)}`}>
            {state.remainingCodes === 1
              ? "Te queda 1 código de recuperación."
              : `Te quedan ${state.remainingCodes} códigos de recuperación.`}
          </Alert>
          <div className="flex flex-wrap items-start gap-3">
            <Button variant="secondary" onClick={regenerate} disabled={pending}>
              Generar códigos nuevos
            </Button>
            <ConfirmButton
              label="Desactivar"
              question="¿Desactivar la verificación en dos pasos? Las empresas que la piden no te van a dejar entrar."
              confirmLabel="Sí, desactivar"
              pendingLabel="Desactivando…"
              pending={pending}
              onConfirm={disable}
            />
          </div>
        </div>
      ) : state.emailVerified ? (
        <Button onClick={begin} disabled={pending}>
          {pending ? "Preparando…" : "Activar la verificación en dos pasos"}
        </Button>
      ) : (
        <Alert tone="info" title="Confirmá tu email antes de activarla">
          <p>
            Solo podés activar la verificación en dos pasos con un email confirmado: así nadie que
            se registre con tu email puede dejarte afuera de tu cuenta. Confirmalo con el enlace que
            te enviamos (podés pedir otro desde el aviso de arriba).
          </p>
        </Alert>
      )}
      {reauth.dialog}
    </section>
  );
}
