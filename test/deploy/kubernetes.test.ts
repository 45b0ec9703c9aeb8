import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

interface Container { name: string; image: string; command?: string[]; args?: string[]; env?: Array<{ name: string; value?: string }>; volumeMounts?: Array<{ name: string; mountPath: string }> }
interface PodSpec { restartPolicy: string; containers: Container[]; initContainers?: Container[]; volumes: Array<{ name: string; persistentVolumeClaim?: { claimName: string } }> }
interface Manifest { apiVersion: string; kind: string; metadata: { name: string }; spec: Record<string, unknown> & { template?: { spec: PodSpec } } }

const FILE = 'deploy/kubernetes/explore-job.yaml';
const BIN = path.resolve('dist/src/cli/main.js');

function manifests(): Manifest[] {
  const documents = parseAllDocuments(readFileSync(FILE, 'utf8'));
  for (const document of documents) expect(document.errors, FILE).toEqual([]);
  return documents.map((document) => document.toJS() as Manifest);
}

const job = (name: string) => manifests().find((manifest) => manifest.kind === 'Job' && manifest.metadata.name === name)!;
const env = (container: Container, name: string) => container.env?.find((entry) => entry.name === name)?.value;

/** Runs a container's `sh -c` script here: the image's CLI path and the volume mapped to this build and a temp folder. */
function runScript(container: Container, results: string, extraEnv: Record<string, string>, rewrite: (script: string) => string = (s) => s): number | null {
  expect(container.command).toEqual(['sh', '-c']);
  const script = rewrite(container.args![0]!).replaceAll('node /app/dist/src/cli/main.js', `"${process.execPath}" "${BIN}"`).replaceAll('/results', results);
  const vars = Object.fromEntries((container.env ?? []).map((entry) => [entry.name, entry.value ?? '']));
  return spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, ...vars, ...extraEnv, NO_COLOR: '1' }, timeout: 180_000 }).status;
}

describe('deploy/kubernetes/explore-job.yaml', () => {
  it('parses, and every object has the fields the API requires', () => {
    const all = manifests();
    expect(all.map((manifest) => [manifest.apiVersion, manifest.kind, manifest.metadata.name])).toEqual([
      ['v1', 'PersistentVolumeClaim', 'faultline-results'],
      ['batch/v1', 'Job', 'faultline-explore'],
      ['batch/v1', 'Job', 'faultline-merge'],
    ]);
    for (const manifest of all.filter((m) => m.kind === 'Job')) {
      const pod = manifest.spec.template!.spec;
      // Jobs allow only Never or OnFailure; Never keeps a failed pod's logs.
      expect(pod.restartPolicy).toBe('Never');
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(container.image).toBe('faultline:latest');
        expect(container.volumeMounts).toEqual([{ name: 'results', mountPath: '/results' }]);
      }
      expect(pod.volumes).toEqual([{ name: 'results', persistentVolumeClaim: { claimName: 'faultline-results' } }]);
    }
  });

  it('is an Indexed Job whose completion index is the shard, one pod per shard', () => {
    const explore = job('faultline-explore');
    expect(explore.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
    const [container] = explore.spec.template!.spec.containers;
    expect(env(container!, 'SHARDS')).toBe(String(explore.spec.completions));
    expect(container!.args![0]).toMatch(/ explore .*--shard "\$JOB_COMPLETION_INDEX\/\$SHARDS" --out "\/results\/shard-\$JOB_COMPLETION_INDEX"/);
    expect(container!.args![0]).toMatch(/--seed \d+/);
  });

  it('the shard and merge commands run here as they would in the pods: the merged result covers every run', () => {
    const results = mkdtempSync(path.join(tmpdir(), 'faultline-k8s-'));
    const explore = job('faultline-explore');
    const [shardContainer] = explore.spec.template!.spec.containers;
    const fewerRuns = (script: string) => script.replace(/--runs \d+/, '--runs 32');
    for (let index = 0; index < Number(explore.spec.completions); index++) {
      // A shard that found a violation still succeeds: the merge gives the verdict.
      expect(runScript(shardContainer!, results, { JOB_COMPLETION_INDEX: String(index) }, fewerRuns)).toBe(0);
    }
    const merge = job('faultline-merge').spec.template!.spec;
    expect(runScript(merge.initContainers![0]!, results, {})).toBe(0);
    const args = merge.containers[0]!.args!.map((arg) => arg.replaceAll('/results', results));
    expect(args[0]).toBe('merge');
    const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
    // sl-async loses acknowledged writes: the merged verdict is a violation.
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ shards: 4, runs: 32, seed: 1, firstFailingRun: 28 });
  });
});

describe('Dockerfile', () => {
  it('builds on node:20-slim with npm ci and has the CLI as its entrypoint', () => {
    const text = readFileSync('Dockerfile', 'utf8');
    expect(text).toMatch(/^FROM node:20-slim$/m);
    expect(text).toMatch(/^RUN npm ci\b/m);
    expect(text).toMatch(/^ENTRYPOINT \["node", "\/app\/dist\/src\/cli\/main\.js"\]$/m);
  });
});
