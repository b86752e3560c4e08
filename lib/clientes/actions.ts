"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { getDb } from "@/lib/db";
import { addClientSchema, removeClientSchema, updateClientSchema } from "./schemas";
import { deleteClient, insertClient, updateClient as saveClient } from "./service";

/** "Agregar cliente". */
export const addClient = businessAction({
  name: "addClient",
  permission: "clients:manage",
  schema: addClientSchema,
  async handler({ businessId, cuit, nombre }) {
    const client = await insertClient(await getDb(), businessId, { cuit, nombre });
    return { id: client.id, cuit: client.cuit };
  },
});

/** "Editar cliente". */
export const updateClient = businessAction({
  name: "updateClient",
  permission: "clients:manage",
  schema: updateClientSchema,
  async handler({ businessId, clientId, cuit, nombre }) {
    const client = await saveClient(await getDb(), businessId, clientId, { cuit, nombre });
    return { id: client.id, cuit: client.cuit };
  },
});

/** "Quitar cliente". */
export const removeClient = businessAction({
  name: "removeClient",
  permission: "clients:manage",
  schema: removeClientSchema,
  async handler({ businessId, clientId }) {
    await deleteClient(await getDb(), businessId, clientId);
    return { id: clientId };
  },
});
