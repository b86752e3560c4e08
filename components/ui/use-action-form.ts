"use client";

import { useState, useTransition, type FormEvent } from "react";
import { isRedirectError, type ActionError, type ActionResult } from "@/lib/actions/result";

/**
 * Submits a form to a server action without React's automatic form reset, so nothing the
 * user typed is lost when the server says no. Field errors come back keyed by input name.
 */
export function useActionForm<T>(
  action: (input: Record<string, string>) => Promise<ActionResult<T>>,
  onSuccess?: (data: T) => void,
  { resetOnSuccess = false }: { resetOnSuccess?: boolean } = {},
) {
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formElement = event.currentTarget;
    const values: Record<string, string> = {};
    new FormData(formElement).forEach((value, key) => {
      if (typeof value === "string") values[key] = value;
    });
    startTransition(async () => {
      try {
        const result = await action(values);
        if (result.ok) {
          setError(null);
          if (resetOnSuccess) formElement.reset();
          onSuccess?.(result.data);
        } else {
          setError(result.error);
        }
      } catch (thrown) {
        // A redirect from the server is navigation, not an error; React handles it.
        if (isRedirectError(thrown)) throw thrown;
        setError({
          code: "internal",
          message: "No pudimos conectar con Tablero. Revisá tu conexión y probá de nuevo.",
        });
      }
    });
  }

  return {
    onSubmit,
    pending,
    error,
    fieldErrors: (name: string) => error?.fieldErrors?.[name],
  };
}
