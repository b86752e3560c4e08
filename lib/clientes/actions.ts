"use server";

import { businessAction } from "@/lib/actions/pipeline";
import { formatCuit } from "@/lib/cuit";
import { getRuntime } from "@/lib/runtime";
import {
  addClientSchema,
  clientFileSchema,
  removeClientSchema,
  updateClientSchema,
} from "./schemas";

/** "Agregar cliente". */
export const addClient = businessAction({
  name: "addClient",
  permission: "clients:manage",
  schema: addClientSchema,
  async handler({ businessId, cuit, nombre }, { user }) {
    const { clientes, audit } = await getRuntime();
    const client = await clientes.insertClient(businessId, { cuit, nombre });
    await audit.recordAudit({
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
    const { clientes, audit } = await getRuntime();
    const client = await clientes.updateClient(businessId, clientId, { cuit, nombre });
    await audit.recordAudit({
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
    const { clientes, audit } = await getRuntime();
    const { nombre, cuit } = await clientes.deleteClient(businessId, clientId);
    await audit.recordAudit({
      businessId,
      userId: user.id,
      action: "client.remove",
      subject: `${nombre} (${formatCuit(cuit)})`,
    });
    return { id: clientId };
  },
});

async function uploadOf(file: Blob) {
  const name = file instanceof File && file.name ? file.name : "archivo";
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: name.slice(0, 200) };
}

/** «Importar desde un archivo», first step: every row with its problems; saves nothing. */
export const previewClientImport = businessAction({
  name: "previewClientImport",
  permission: "clients:manage",
  schema: clientFileSchema,
  async handler({ businessId, file }) {
    const { clientes } = await getRuntime();
    return clientes.previewImport(businessId, await uploadOf(file));
  },
});

/** «Importar N clientes»: the same file again, checked again, its new clients saved. */
export const importClients = businessAction({
  name: "importClients",
  permission: "clients:manage",
  schema: clientFileSchema,
  async handler({ businessId, file }, { user }) {
    const { clientes } = await getRuntime();
    return clientes.importClients(businessId, await uploadOf(file), user.id);
  },
});
