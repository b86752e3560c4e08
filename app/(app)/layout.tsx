import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader userName={user.name} />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
