"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit/service";
import { formatCuit } from "@/lib/cuit";
import { getDb } from "@/lib/db";
import { addClientSchema, removeClientSchema, updateClientSchema } from "./schemas";
import { deleteClient, insertClient, updateClient as saveClient } from "./service";

/** "Agregar cliente". */
export const addClient = businessAction({
  name: "addClient",
  permission: "clients:manage",
  schema: addClientSchema,
  async handler({ businessId, cuit, nombre }, { user }) {
    const db = await getDb();
    const client = await insertClient(db, businessId, { cuit, nombre });
    await recordAudit(db, {
      businessId,
      userId: user.id,
      action: "client.add",
      subject: `${nombre} (${formatCuit(cuit)})`,
    });
    return { id: client.id, cuit: client.cuit };
  },
});

/** "Editar cliente". */
export const updateClient = businessAction({
  name: "updateClient",
  permission: "clients:manage",
  schema: updateClientSchema,
  async handler({ businessId, clientId, cuit, nombre }, { user }) {
    const db = await getDb();
    const client = await saveClient(db, businessId, clientId, { cuit, nombre });
    await recordAudit(db, {
      businessId,
      userId: user.id,
      action: "client.update",
      subject: `${nombre} (${formatCuit(cuit)})`,
    });
    return { id: client.id, cuit: client.cuit };
  },
});

/** "Quitar cliente". */
export const removeClient = businessAction({
  name: "removeClient",
  permission: "clients:manage",
  schema: removeClientSchema,
  async handler({ businessId, clientId }, { user }) {
    const db = await getDb();
    const { nombre, cuit } = await deleteClient(db, businessId, clientId);
    await recordAudit(db, {
      businessId,
      userId: user.id,
      action: "client.remove",
      subject: `${nombre} (${formatCuit(cuit)})`,
    });
    return { id: clientId };
  },
});
