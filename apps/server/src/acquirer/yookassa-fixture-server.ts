/**
 * For tests only: a real HTTP server on 127.0.0.1 (port 0) that plays YooKassa API v3 from the recorded
 * fixtures in `fixtures/yookassa/` and keeps every request our adapter sent, so a test checks both sides — what
 * YooKassa answered and what we asked (method, path, Basic auth, Idempotence-Key, JSON body). A request no test
 * arranged an answer for is answered 404 and kept in `unexpected`: the tests fail on unplanned network calls.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureRequest {
  method: 'GET' | 'POST';
  path: string;
  idempotenceKey?: string;
  body?: Record<string, unknown>;
}

export interface FixtureResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface Fixture {
  about: string;
  request: FixtureRequest;
  response: FixtureResponse;
}

/** A fresh copy of a fixture (tests may change it). */
export function loadFixture(name: string): Fixture {
  const url = new URL(`./fixtures/yookassa/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Fixture;
}

/** A request as the fixture server received it. */
export interface SentRequest {
  method: string;
  /** Below `/v3`, e.g. `/payments`. */
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** How to answer: a response, or `hang` (never answer: the adapter's deadline runs out). */
export type Reply = FixtureResponse | 'hang';

export class YooKassaFixtureServer {
  readonly sent: SentRequest[] = [];
  readonly unexpected: SentRequest[] = [];
  private readonly routes = new Map<string, (request: SentRequest) => Reply>();

  private constructor(
    private readonly server: Server,
    /** The API base to give the adapter, `http://127.0.0.1:<port>/v3`. */
    readonly apiUrl: string,
  ) {}

  static async start(): Promise<YooKassaFixtureServer> {
    let self: YooKassaFixtureServer | null = null;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          body = text;
        }
        const path = (req.url ?? '').replace(/^\/v3/, '');
        const sent: SentRequest = { method: req.method ?? '', path, headers: req.headers, body };
        const route = self?.routes.get(`${sent.method} ${path}`);
        if (!route) self?.unexpected.push(sent);
        else self?.sent.push(sent);
        const reply: Reply = route
          ? route(sent)
          : {
              status: 404,
              body: { type: 'error', code: 'not_found', description: `no fixture for ${path}` },
            };
        if (reply === 'hang') return;
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new YooKassaFixtureServer(server, `http://127.0.0.1:${port}/v3`);
    return self;
  }

  /** Answers `method path` (e.g. `GET /payments/2ebe…`) from now on, with a response or a function of the request. */
  on(method: 'GET' | 'POST', path: string, reply: Reply | ((request: SentRequest) => Reply)): void {
    this.routes.set(`${method} ${path}`, typeof reply === 'function' ? reply : () => reply);
  }

  /** Answers the fixture's own request with its response. */
  serve(fixture: Fixture): void {
    this.on(fixture.request.method, fixture.request.path, fixture.response);
  }

  /** Forgets the arranged answers and the requests received. */
  reset(): void {
    this.routes.clear();
    this.sent.length = 0;
    this.unexpected.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
