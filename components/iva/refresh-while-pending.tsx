"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a request is still on its way (sent from another tab, or before a reload), reads the
 * page again every few seconds until it has an outcome. Only Tablero is asked: never
 * TusFacturas.
 */
export function RefreshWhilePending({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
