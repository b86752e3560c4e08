"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { ActiveSessions } from "./active-sessions";
import { ChangePasswordForm } from "./change-password-form";

/** The account page's sections; a password change refreshes the list of sessions it ended. */
export function AccountSections(props: ComponentProps<typeof ActiveSessions>) {
  const router = useRouter();
  return (
    <>
      <ChangePasswordForm onChanged={() => router.refresh()} />
      <ActiveSessions {...props} />
    </>
  );
}
