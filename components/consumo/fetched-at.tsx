"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format";
import { formatRelative } from "@/lib/relative-time";

/**
 * "Actualizado hace 3 minutos", kept current without asking the server again. The exact date
 * and time is the tooltip, written when the pointer first comes over it: in a browser, dates in
 * Buenos Aires need Intl, whose first use loads ICU's data (tens of milliseconds on a phone),
 * which the page need not spend while it hydrates.
 */
export function FetchedAt({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => new Date());
  const [title, setTitle] = useState<string>();
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const at = new Date(iso);
  return (
    <p className="mt-1 text-sm text-slate-600">
      Actualizado{" "}
      <time
        dateTime={iso}
        title={title}
        onPointerEnter={() => setTitle(formatDateTime(at))}
        suppressHydrationWarning
      >
        {formatRelative(at, now)}
      </time>
    </p>
  );
}
