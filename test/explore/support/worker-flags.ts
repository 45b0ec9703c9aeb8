/**
 * Node flags for explore's worker threads when tests run from the TypeScript
 * sources: a loader that strips types on the fly.
 */
export const TS_WORKER_FLAGS = ['--import', new URL('./ts-loader.mjs', import.meta.url).href];
