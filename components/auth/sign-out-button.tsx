"use client";

import { signOutAction } from "@/lib/auth/actions";
import { runSignOutHooks } from "@/lib/sign-out-hooks";

/**
 * "Salir". The browser's query cache goes with the session: the next person signing in on
 * this tab must not glimpse the previous one's data.
 */
export function SignOutButton() {
  return (
    <form action={signOutAction} onSubmit={runSignOutHooks}>
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
      >
        Salir
      </button>
    </form>
  );
}
