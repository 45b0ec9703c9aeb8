import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExploreFailure, ExploreProgress } from '../explore/explore.js';
import type { ShrinkOptions } from '../explore/shrink.js';
import type { ScenarioOutcome } from '../run/run-scenario.js';
import type { RunningServer } from '../serve/server.js';
import { serveRuns, untilSignal } from './serve.js';

/**
 * `explore --serve`: the run list of the output folder, served while exploring,
 * with the exploration's progress streamed to every open page: runs, runs/s,
 * failures as they are shrunk and saved (linked to their report), the shrink step.
 *
 * @example
 * const live = await exploreLive('out', { port: '0' });
 * explore({ ..., onProgress: live.progress, onFailure: live.failure, shrink: live.shrink });
 */
export interface ExploreLive {
  progress(progress: ExploreProgress): void;
  failure(failure: ExploreFailure): void;
  shrink: ShrinkOptions;
  /** After the exploration: keep serving until Ctrl-C (unless it was interrupted already), then close. */
  finish(interrupted: boolean): Promise<void>;
}

const PROGRESS_EVERY_MS = 100;

/**
 * Starts serving `outDir` for an exploration (see {@link ExploreLive}); a port in use is exit 2.
 *
 * @example
 * const live = await exploreLive('out', { port: '7878' });
 */
export async function exploreLive(outDir: string, flags: { port?: string; host?: string }): Promise<ExploreLive> {
  mkdirSync(outDir, { recursive: true });
  const server: RunningServer = await serveRuns(outDir, flags);
  process.stderr.write(`serving the exploration at ${server.url}\n`);
  server.publish({ ...server.state, exploring: true });
  let step = 0;
  let publishedAt = -Infinity;
  return {
    progress: ({ runs, runsPerSecond, failures, elapsedMs }) => {
      // Every run reports; pages need no more than ten updates a second, but every new failure at once.
      if (performance.now() - publishedAt < PROGRESS_EVERY_MS && failures === server.state.progress?.failures) return;
      publishedAt = performance.now();
      server.publish({ ...server.state, progress: { runs, runsPerSecond, failures, elapsedMs } });
    },
    failure: (failure) => {
      step = 0;
      const { shrink: _done, ...rest } = server.state;
      const report = failure.dir === undefined ? undefined : `/runs/${path.relative(outDir, failure.dir).split(path.sep).map(encodeURIComponent).join('/')}/report.html`;
      server.publish({
        ...rest,
        failures: [...rest.failures, { run: failure.run, anomaly: failure.anomaly, clientOps: failure.clientOps, faults: failure.faults, ...(report ? { report } : {}) }],
      });
    },
    shrink: {
      onShrink: (outcome: ScenarioOutcome) => {
        step++;
        server.publish({ ...server.state, shrink: { step, clientOps: outcome.scenario.ops?.length ?? outcome.scenario.workload.ops, faults: outcome.scenario.faults.length } });
      },
    },
    finish: async (interrupted) => {
      const { shrink: _done, ...rest } = server.state;
      server.publish({ ...rest, done: true });
      if (!interrupted) {
        process.stderr.write(`exploration done; still serving at ${server.url} (Ctrl-C to stop)\n`);
        await untilSignal();
      }
      await server.close();
    },
  };
}
