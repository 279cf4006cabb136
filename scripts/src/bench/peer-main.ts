// The peer: SCIMMY with scimmy-routers on express over an in-memory store.
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import type { PeerCollection } from './peer-store';
import { NotFound, PeerStore, UniquenessClash } from './peer-store';

interface Declared {
  ingress(
    handler: (h: ResourceHandle, data: object, t: string) => unknown,
  ): Declared;
  egress(handler: (h: ResourceHandle, t: string) => unknown): Declared;
  degress(handler: (h: ResourceHandle, t: string) => unknown): Declared;
}

interface ResourceHandle {
  readonly id?: string;
  readonly filter?: { match(values: unknown[]): unknown[] };
}

const store = new PeerStore();
const port = Number(process.env['PORT'] ?? 0);

SCIMMY.Config.set({
  patch: true,
  filter: 200,
  bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 4194304 },
});

declareResource(SCIMMY.Resources.User, (tenant) => store.of(tenant).users);
declareResource(SCIMMY.Resources.Group, (tenant) => store.of(tenant).groups);

const app = express();
app.get('/healthz', (_req, res) => {
  res.send('ok');
});
app.use(
  '/scim/v2',
  new SCIMMYRouters({
    type: 'bearer',
    handler: (req: express.Request) => tokenOf(req),
    context: (req: express.Request) => tokenOf(req),
  }) as unknown as express.Router,
);
app.listen(port, '127.0.0.1');

function tokenOf(req: express.Request): string {
  const header = req.header('authorization') ?? '';
  if (!header.startsWith('Bearer ')) throw new Error('no bearer token');
  return header.slice('Bearer '.length);
}

function declareResource(
  resource: typeof SCIMMY.Resources.User | typeof SCIMMY.Resources.Group,
  collectionOf: (tenant: string) => PeerCollection,
): void {
  const declared = SCIMMY.Resources.declare(resource) as unknown as Declared;
  declared
    .ingress((handle: ResourceHandle, instance: object, tenant: string) =>
      guarded(() => collectionOf(tenant).write(handle.id, { ...instance })),
    )
    .egress((handle: ResourceHandle, tenant: string) =>
      guarded(() => read(collectionOf(tenant), handle)),
    )
    .degress((handle: ResourceHandle, tenant: string) =>
      guarded(() => collectionOf(tenant).remove(handle.id ?? '')),
    );
}

function read(collection: PeerCollection, handle: ResourceHandle) {
  if (handle.id !== undefined) {
    const found = collection.byId.get(handle.id);
    if (!found) throw new NotFound();
    return found;
  }
  const all = [...collection.byId.values()];
  return handle.filter ? handle.filter.match(all) : all;
}

function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UniquenessClash) {
      throw new SCIMMY.Types.Error(409, 'uniqueness', 'already exists');
    }
    if (error instanceof NotFound) {
      throw new SCIMMY.Types.Error(404, '', 'not found');
    }
    throw error;
  }
}
