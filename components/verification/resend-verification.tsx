"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resendVerification } from "@/lib/verification/actions";

/** "Reenviar email": a new verification link; the answer (or when to try again) is announced. */
export function ResendVerification({ email }: { email: string }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await resendVerification({});
            setAnswer(
              result.ok
                ? {
                    ok: true,
                    text:
                      result.data.status === "verified"
                        ? "Tu email ya está confirmado."
                        : `Te enviamos un enlace nuevo a ${email}; el anterior ya no sirve.`,
                  }
                : { ok: false, text: result.error.message },
            );
            router.refresh();
          })
        }
      >
        {pending ? "Enviando…" : "Reenviar email"}
      </Button>
      <p
        aria-live="polite"
        role={answer && !answer.ok ? "alert" : undefined}
        className={answer?.ok === false ? "font-medium text-red-800" : ""}
      >
        {answer?.text}
      </p>
    </div>
  );
}
