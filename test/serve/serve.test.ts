import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { spawnServing, type ServingChild } from './serve-process.js';

/** One raw HTTP/1.1 GET with the path exactly as written (no client normalises it), and the response's status and body. */
function rawGet(url: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${rawPath} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n') }));
    socket.on('error', reject);
  });
}

describe('faultline serve', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'faultline-serve-'));
  const root = path.join(base, 'out');
  const SECRET = 'secret-outside-the-served-folder';
  let server: ServingChild;
  let url: string;

  beforeAll(async () => {
    mkdirSync(root);
    cpSync('histories/regressions/ll-weak-seed1', path.join(root, 'll-weak-seed1'), { recursive: true });
    cpSync('histories/regressions/sl-majority-valid-seed2', path.join(root, 'shard-0', 'sl-majority-valid-seed2'), { recursive: true });
    writeFileSync(path.join(base, 'secret.txt'), SECRET);
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
    server = spawnServing(['serve', root, '--port', '0']);
    url = await server.url;
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('binds 127.0.0.1 by default and lists the saved runs with their verdicts', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const runs = await (await fetch(`${url}api/runs`)).json() as Array<{ path: string; valid: unknown; anomaly: string | null; target: string; ops: number; faults: number }>;
    expect(runs.map((run) => run.path).sort()).toEqual(['ll-weak-seed1', 'shard-0/sl-majority-valid-seed2']);
    expect(runs.find((run) => run.path === 'll-weak-seed1')).toMatchObject({ valid: false, anomaly: 'not-linearizable', target: 'll-weak', faults: 1 });
  });

  it('serves a run\'s files, and renders the report of a run saved without one', async () => {
    const history = await fetch(`${url}runs/ll-weak-seed1/history.ndjson`);
    expect(history.status).toBe(200);
    expect(await history.text()).toBe(readFileSync(path.join(root, 'll-weak-seed1', 'history.ndjson'), 'utf8'));
    const report = await fetch(`${url}runs/shard-0/sl-majority-valid-seed2/report.html`);
    expect(report.status).toBe(200);
    expect(await report.text()).toMatch(/id="faultline-data"/);
  });

  it('refuses every path outside the folder with 404, encoded or not, and reads nothing there', async () => {
    for (const attempt of [
      '/runs/../secret.txt', '/runs/../../etc/passwd', '/../etc/passwd', '/runs/%2e%2e/secret.txt', '/runs/%2E%2E%2Fsecret.txt',
      '/runs/%252e%252e/secret.txt', '/runs/..%2f..%2fetc%2fpasswd', '/runs/..%5csecret.txt', '/runs/ll-weak-seed1/../../secret.txt',
      '/runs/%c0%ae%c0%ae/secret.txt', '/runs/link.txt', '/runs//etc/passwd', '/runs/%00',
    ]) {
      const response = await rawGet(url, attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body, attempt).not.toContain(SECRET);
      expect(response.body, attempt).not.toMatch(/root:/);
    }
  });

  it('a port in use is exit 2 with a message that says so', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = runCli(['serve', root, '--port', String(port)]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`--port ${port}: 127\\.0\\.0\\.1:${port} is already in use`));
    } finally {
      taken.close();
    }
  });

  it('a folder that does not exist is exit 2', () => {
    const run = runCli(['serve', path.join(base, 'nope')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nope: no such folder/);
  });

  it('Ctrl-C closes it cleanly: exit 130, and the port is free again', async () => {
    const other = spawnServing(['serve', root, '--port', '0']);
    const otherUrl = await other.url;
    expect((await fetch(`${otherUrl}api/runs`)).status).toBe(200);
    expect(await other.stop('SIGINT')).toBe(130);
    await expect(fetch(`${otherUrl}api/runs`)).rejects.toThrow();
  });
});
