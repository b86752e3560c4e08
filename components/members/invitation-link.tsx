"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** An invitation's link, to copy and send by other means (shown once: only its hash is kept). */
export function InvitationLink({ link, label }: { link: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <input
        readOnly
        aria-label={label}
        value={link}
        onFocus={(event) => event.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
      />
      <Button
        variant="secondary"
        onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
      >
        {copied ? "Copiado" : "Copiar enlace"}
      </Button>
    </div>
  );
}
