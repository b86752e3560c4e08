"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "@/lib/format";

/** "Actualizado hace 3 minutos", kept current without asking the server again. */
export function FetchedAt({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const at = new Date(iso);
  return (
    <p className="mt-1 text-sm text-slate-600">
      Actualizado{" "}
      <time dateTime={iso} title={formatDateTime(at)} suppressHydrationWarning>
        {formatRelative(at, now)}
      </time>
    </p>
  );
}
