import { TextField } from "@/components/ui/text-field";

/** The three TusFacturas credentials. Never prefilled: stored values are not sent back. */
export function CredentialFields({ errors }: { errors: (name: string) => string[] | undefined }) {
  // Typed like passwords: they are secrets, and they should not linger on screen.
  const common = {
    type: "password",
    autoComplete: "off",
    spellCheck: false,
    required: true,
  } as const;
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold">Credenciales de TusFacturas</legend>
      <p className="text-xs text-slate-600">
        Las encontrás en TusFacturas, en la configuración de la API del punto de venta. Se guardan
        cifradas y no se vuelven a mostrar.
      </p>
      <TextField label="API key" name="apikey" {...common} errors={errors("apikey")} />
      <TextField label="API token" name="apitoken" {...common} errors={errors("apitoken")} />
      <TextField label="User token" name="usertoken" {...common} errors={errors("usertoken")} />
    </fieldset>
  );
}
