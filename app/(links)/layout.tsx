import type { ReactNode } from "react";
import { AuthCard } from "@/components/layout/auth-card";

/**
 * Pages opened from an emailed link: they work whether or not this browser is signed in (a
 * password reset ends every session anyway).
 */
export default function LinksLayout({ children }: { children: ReactNode }) {
  return <AuthCard>{children}</AuthCard>;
}
