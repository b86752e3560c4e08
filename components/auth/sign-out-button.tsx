"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signOutAction } from "@/lib/auth/actions";

/**
 * "Salir". The browser's query cache goes with the session: the next person signing in on
 * this tab must not glimpse the previous one's data.
 */
export function SignOutButton() {
  const queryClient = useQueryClient();
  return (
    <form action={signOutAction} onSubmit={() => queryClient.clear()}>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
      >
        Salir
      </button>
    </form>
  );
}
