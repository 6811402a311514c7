import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXTURE, SENTINEL_TOKEN, type FixtureItem, type FixtureVault } from './fixtures.ts';

/** A failure every request gets until cleared; `emptyBody` makes axios reject with an AxiosError. */
export type ConnectFailure =
  | { status: 401 | 403 | 404 | 429 | 500 | 502 | 503; message?: string; emptyBody?: boolean }
  | { hang: true }
  /** Any answer at all: another service, a login page, a proxy's JSON. */
  | { raw: { status: number; contentType: string; body: string } };

export interface LoggedRequest {
  method: string;
  path: string;
  filter?: string;
  authorized: boolean;
}

export interface FakeConnect {
  url: string;
  requests: LoggedRequest[];
  /** How many times the full item was fetched. */
  reads(itemId: string): number;
  fail(failure: ConnectFailure | undefined): void;
  close(): Promise<void>;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Invalid token signature',
  403: 'vault is not in scope for this token',
  404: 'Item not found',
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** An in-process 1Password Connect server speaking the API the way @1password/connect calls it. */
export async function startConnectServer(
  data: FixtureVault[] = FIXTURE,
  token = SENTINEL_TOKEN,
): Promise<FakeConnect> {
  const requests: LoggedRequest[] = [];
  let failure: ConnectFailure | undefined;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const authorized = req.headers.authorization === `Bearer ${token}`;
    const filter = url.searchParams.get('filter') ?? undefined;
    requests.push({
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      ...(filter && { filter }),
      authorized,
    });
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (failure && 'hang' in failure) return; // never answers
    if (failure && 'raw' in failure) {
      res.writeHead(failure.raw.status, { 'content-type': failure.raw.contentType });
      return void res.end(failure.raw.body);
    }
    if (!authorized) return send(401, { status: 401, message: 'Invalid token signature' });
    if (failure) {
      const message = failure.message ?? DEFAULT_MESSAGES[failure.status];
      return send(
        failure.status,
        failure.emptyBody ? undefined : { status: failure.status, message },
      );
    }
    route(url.pathname, filter, data, send);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reads: (itemId) =>
      requests.filter((r) => r.path.match(/\/items\/([^/]+)$/)?.[1] === itemId).length,
    fail: (f) => void (failure = f),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function route(
  path: string,
  filter: string | undefined,
  data: FixtureVault[],
  send: (status: number, body: unknown) => void,
): void {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean); // ['v1','vaults',id?,'items'?,itemId?]
  if (parts[0] !== 'v1' || parts[1] !== 'vaults')
    return send(404, { status: 404, message: 'Not Found' });
  const titleFilter = filter?.match(/^(?:title|name) eq "(.*)"$/)?.[1];
  if (parts.length === 2) {
    const vaults = data.filter((v) => titleFilter === undefined || v.title === titleFilter);
    return send(200, vaults.map(vaultJson));
  }
  const vault = data.find((v) => v.id === parts[2]);
  if (!vault) return send(404, { status: 404, message: `vault ${parts[2]} not found` });
  if (parts.length === 3) return send(200, vaultJson(vault));
  if (parts[3] !== 'items') return send(404, { status: 404, message: 'Not Found' });
  if (parts.length === 4) {
    const items = vault.items.filter((i) => titleFilter === undefined || i.title === titleFilter);
    return send(
      200,
      items.map((i) => summaryJson(i, vault)),
    );
  }
  const item = vault.items.find((i) => i.id === parts[4]);
  if (!item || parts.length > 5) return send(404, { status: 404, message: 'Item not found' });
  send(200, fullItemJson(item, vault));
}

const stamp = '2024-01-01T00:00:00Z';

const vaultJson = (v: FixtureVault) => ({
  id: v.id,
  name: v.title,
  description: '',
  attributeVersion: 1,
  contentVersion: 1,
  items: v.items.length,
  type: 'USER_CREATED',
  createdAt: stamp,
  updatedAt: stamp,
});

const summaryJson = (i: FixtureItem, v: FixtureVault) => ({
  id: i.id,
  title: i.title,
  vault: { id: v.id },
  category: i.category,
  tags: [],
  version: 1,
  createdAt: stamp,
  updatedAt: stamp,
});

const fullItemJson = (i: FixtureItem, v: FixtureVault) => ({
  ...summaryJson(i, v),
  sections: i.sections.map((s) => (s.label ? { id: s.id, label: s.label } : { id: s.id })),
  fields: i.fields.map((f) => ({
    id: f.id,
    ...(f.section && { section: { id: f.section } }),
    type: f.type,
    purpose: f.purpose ?? '',
    label: f.label,
    value: f.value,
  })),
});
