"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useReauth } from "@/components/reauth/use-reauth";
import { ConfirmButton } from "@/components/ui/confirm-button";
import {
  ColumnHeader,
  DataCell,
  DataTable,
  DataTableBody,
  DataTableHead,
  RowHeader,
} from "@/components/ui/data-table";
import { roleLabels } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { changeMemberRole, removeMember } from "@/lib/members/actions";
import type { Member } from "@/lib/members/service";
import { roleOptions } from "./role-select-options";

export function MembersTable({
  businessId,
  members,
  currentUserId,
}: {
  businessId: string;
  members: readonly Member[];
  currentUserId: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const reauth = useReauth();

  function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error?.message ?? null));
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="miembros-title" className="space-y-3">
      <h2 id="miembros-title" className="text-lg font-semibold">
        Miembros
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <DataTable caption="Miembros de la empresa y sus roles">
        <DataTableHead>
          <ColumnHeader>Persona</ColumnHeader>
          <ColumnHeader>Rol</ColumnHeader>
          <ColumnHeader>Desde</ColumnHeader>
          <ColumnHeader>Dos pasos</ColumnHeader>
          <ColumnHeader>
            <span className="sr-only">Acciones</span>
          </ColumnHeader>
        </DataTableHead>
        <DataTableBody>
          {members.map((member) => (
            <tr key={member.userId} className="align-top">
              <RowHeader className="font-normal">
                <p className="font-medium">
                  {member.name}
                  {member.userId === currentUserId ? " (vos)" : ""}
                </p>
                <p className="text-slate-600">{member.email}</p>
              </RowHeader>
              <DataCell>
                <RoleCell
                  member={member}
                  pending={pending}
                  onChange={(role) =>
                    run(() =>
                      reauth.guard(changeMemberRole)({ businessId, userId: member.userId, role }),
                    )
                  }
                />
              </DataCell>
              <DataCell className="tabular-nums">{formatDate(new Date(member.since))}</DataCell>
              <DataCell>{member.twoFactor ? "Activada" : "No"}</DataCell>
              <DataCell>
                <ConfirmButton
                  label={member.userId === currentUserId ? "Salir de la empresa" : "Quitar"}
                  question={`¿Quitar a ${member.name} (${roleLabels[member.role]}) de la empresa?`}
                  confirmLabel="Sí, quitar"
                  pending={pending}
                  onConfirm={() =>
                    run(() => reauth.guard(removeMember)({ businessId, userId: member.userId }))
                  }
                />
              </DataCell>
            </tr>
          ))}
        </DataTableBody>
      </DataTable>
      {reauth.dialog}
    </section>
  );
}

/**
 * The member's role: choosing another one only takes effect with "Cambiar rol", so moving
 * through the options with the keyboard changes nothing.
 */
function RoleCell({
  member,
  pending,
  onChange,
}: {
  member: Member;
  pending: boolean;
  onChange: (role: Role) => void;
}) {
  const [chosen, setChosen] = useState<Role>(member.role);
  const changed = chosen !== member.role;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`rol-${member.userId}`}>
        Rol de {member.name}
      </label>
      <select
        id={`rol-${member.userId}`}
        value={chosen}
        disabled={pending}
        onChange={(event) => setChosen(event.target.value as Role)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {roleOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {changed ? (
        <>
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={`Cambiar el rol de ${member.name} a ${roleLabels[chosen]}`}
            onClick={() => onChange(chosen)}
          >
            Cambiar rol
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => setChosen(member.role)}>
            Cancelar
          </Button>
        </>
      ) : null}
    </div>
  );
}
