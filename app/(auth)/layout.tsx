import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthCard } from "@/components/layout/auth-card";
import { currentUser } from "@/lib/auth/session";

/** Signing in and up: someone already signed in goes to their businesses. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await currentUser()) redirect("/empresas");
  return <AuthCard>{children}</AuthCard>;
}
