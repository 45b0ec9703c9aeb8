import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { indexPage } from './index-page.js';
import { listRuns } from './run-list.js';
import { resolveUnder } from './safe-path.js';

/**
 * Options of {@link startServer}.
 *
 * @example
 * await startServer({ root: 'out', port: 0 });
 */
export interface ServerOptions {
  /** The folder whose saved runs are listed and whose files (only those) are served. */
  root: string;
  /** Default 127.0.0.1: the runs are the user's, not the network's. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * The report of a saved run folder that has no report.html on disk (older saves,
   * valid runs), rendered on request; undefined when it cannot be.
   */
  renderReport?: (runDir: string) => string | undefined;
}

/**
 * What the live channel carries: where an exploration stands. Each message is the
 * whole state, so a page that connects late shows everything at once.
 */
export interface LiveState {
  exploring: boolean;
  done: boolean;
  progress?: { runs: number; runsPerSecond: number; failures: number; elapsedMs: number };
  failures: Array<{ run: number; anomaly: string; clientOps: number; faults: number; report?: string }>;
  /** The failure being shrunk: steps kept so far, and its size now. */
  shrink?: { step: number; clientOps: number; faults: number };
}

/**
 * A running server: its URL, the live state to update (each update is sent to
 * every connected page), and how to stop it.
 *
 * @example
 * const server = await startServer({ root: 'out', port: 0 });
 * server.publish({ ...server.state, exploring: true });
 * await server.close();
 */
export interface RunningServer {
  url: string;
  port: number;
  readonly state: LiveState;
  publish(state: LiveState): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.ndjson': 'application/x-ndjson',
  '.txt': 'text/plain; charset=utf-8', '.edn': 'text/plain; charset=utf-8', '.png': 'image/png',
};

/**
 * Starts the local web server: `/` lists the runs saved under `root`, `/api/runs`
 * gives them as JSON, `/runs/<folder>/<file>` serves a file under `root` (and a
 * run's report.html, rendered when it is not on disk), and `/live` is the
 * WebSocket that streams {@link LiveState}. Any path outside `root` is a 404.
 * Rejects with the listen error (EADDRINUSE, EACCES...) when the port cannot be had.
 *
 * @example
 * const { url } = await startServer({ root: 'out', port: 7878 }); // 'http://127.0.0.1:7878/'
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  let state: LiveState = { exploring: false, done: false, failures: [] };
  const rendered = new Map<string, string>();
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
      else response.destroy();
    }
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (request.url !== '/live') {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => ws.send(JSON.stringify(state)));
  });

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    // The raw path, not a URL object's: that would resolve ../ before we could refuse it.
    const rawPath = (request.url ?? '/').split('?')[0]!;
    if (rawPath === '/' || rawPath === '/index.html') return send(response, 200, CONTENT_TYPES['.html']!, indexPage(options.root));
    if (rawPath === '/api/runs') return send(response, 200, CONTENT_TYPES['.json']!, JSON.stringify(listRuns(root)));
    if (rawPath === '/api/live') return send(response, 200, CONTENT_TYPES['.json']!, JSON.stringify(state));
    if (!rawPath.startsWith('/runs/')) return notFound(response);
    const file = resolveUnder(root, rawPath.slice('/runs'.length));
    if (file === undefined) return notFound(response);
    if (existsSync(file) && statSync(file).isFile()) {
      response.writeHead(200, headers(CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'));
      if (request.method === 'HEAD') return void response.end();
      return void createReadStream(file).pipe(response);
    }
    const runDir = path.dirname(file);
    if (path.basename(file) === 'report.html' && existsSync(path.join(runDir, 'scenario.json')) && options.renderReport) {
      const html = rendered.get(runDir) ?? options.renderReport(runDir);
      if (html !== undefined) {
        rendered.set(runDir, html);
        return send(response, 200, CONTENT_TYPES['.html']!, html);
      }
    }
    notFound(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    get state() {
      return state;
    },
    publish(next: LiveState) {
      state = next;
      const message = JSON.stringify(state);
      for (const client of sockets.clients) client.send(message);
    },
    close: () => new Promise<void>((resolve) => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function headers(type: string): Record<string, string> {
  return { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, headers(type));
  response.end(body);
}

function notFound(response: ServerResponse): void {
  send(response, 404, 'text/plain; charset=utf-8', 'not found');
}
