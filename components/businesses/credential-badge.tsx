const badges = {
  verified: { label: "Credenciales verificadas", className: "bg-emerald-100 text-emerald-900" },
  unverified: { label: "Credenciales sin verificar", className: "bg-amber-100 text-amber-900" },
  missing: { label: "Sin credenciales", className: "bg-slate-100 text-slate-700" },
} as const;

export function CredentialBadge({ status }: { status: keyof typeof badges }) {
  const badge = badges[status];
  return <span className={`rounded px-2 py-0.5 ${badge.className}`}>{badge.label}</span>;
}
