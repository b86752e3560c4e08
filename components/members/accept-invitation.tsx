"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInvitation } from "@/lib/members/actions";

export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const form = useActionForm(
    () => acceptInvitation({ token }),
    ({ businessId }) => router.push(`/empresas/${businessId}`),
  );
  return (
    <form onSubmit={form.onSubmit} className="space-y-3">
      {form.error ? <Alert tone="error">{form.error.message}</Alert> : null}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Aceptando…" : "Aceptar invitación"}
      </Button>
    </form>
  );
}
