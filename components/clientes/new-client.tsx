"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ClientForm } from "./client-form";

export function NewClient({ businessId }: { businessId: string }) {
  const [open, setOpen] = useState(false);
  if (!open) return <Button onClick={() => setOpen(true)}>Agregar cliente</Button>;
  return (
    <div className="w-full">
      <ClientForm businessId={businessId} onDone={() => setOpen(false)} />
    </div>
  );
}
