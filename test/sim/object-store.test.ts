import { describe, expect, test } from 'vitest';
import { jsonLength, objectStoreNode, ObjectStoreStats, World, type NodeContext, type ObjectStoreReply, type SimNode } from '../../src/sim/index.js';

/** A client of the object store that logs each reply with when it came. */
class BlobClient implements SimNode<unknown> {
  readonly replies: Array<{ atMs: number; reply: ObjectStoreReply }> = [];
  constructor(readonly ctx: NodeContext<unknown>) {}
  onMessage(_from: string, msg: unknown): void {
    this.replies.push({ atMs: this.ctx.now(), reply: msg as ObjectStoreReply });
  }
  onTimer(): void {}
}

function blobWorld() {
  const world = new World({ seed: 3, network: { latencyMs: { kind: 'constant', value: 1 } } });
  const stats = new ObjectStoreStats();
  world.addNode('os', objectStoreNode({ requestMs: 10, bytesPerMs: 100 }, stats));
  world.addNode('c', (ctx) => new BlobClient(ctx), { kind: 'client' });
  world.runUntil(0);
  return { world, stats, client: world.node<BlobClient>('c')! };
}

describe('the object store', () => {
  test('answers after its request time plus the bytes at its throughput, one request at a time', () => {
    const { world, stats, client } = blobWorld();
    const body = { table: 'x'.repeat(1000) };
    const bytes = jsonLength(body);
    client.ctx.send('os', { t: 'os-put', req: 1, key: 'snap/1', body });
    client.ctx.send('os', { t: 'os-put', req: 2, key: 'snap/2', body });
    world.runUntil(1000);
    const [first, second] = client.replies;
    expect(first!.reply).toEqual({ t: 'os-put-ok', req: 1, key: 'snap/1', bytes });
    // 1 ms there, 10 ms + bytes / 100 in the store, 1 ms back; the second waits for the first.
    expect(first!.atMs).toBeCloseTo(1 + 10 + bytes / 100 + 1, 6);
    expect(second!.atMs - first!.atMs).toBeCloseTo(10 + bytes / 100, 6);
    expect(stats).toMatchObject({ puts: 2, bytesIn: 2 * bytes, bytesStored: 2 * bytes });
  });

  test('gives the latest object under a prefix, keeps it across a crash, and loses it with the node', () => {
    const { world, client } = blobWorld();
    client.ctx.send('os', { t: 'os-put', req: 1, key: 'snap/0002', body: { n: 2 } });
    client.ctx.send('os', { t: 'os-put', req: 2, key: 'snap/0010', body: { n: 10 } });
    client.ctx.send('os', { t: 'os-put', req: 3, key: 'other/9', body: { n: 9 } });
    world.runUntil(100);
    world.crash('os');
    world.restart('os');
    client.ctx.send('os', { t: 'os-get-latest', req: 4, prefix: 'snap/' });
    world.runUntil(200);
    expect(client.replies.at(-1)!.reply).toMatchObject({ t: 'os-object', req: 4, key: 'snap/0010', body: { n: 10 } });
    world.destroy('os');
    expect(world.restart('os')).toBe(false);
    expect(world.disk('os').size).toBe(0);
    client.ctx.send('os', { t: 'os-get-latest', req: 5, prefix: 'snap/' });
    world.runUntil(300);
    expect(client.replies.at(-1)!.reply).toMatchObject({ req: 4 });
  });
});
