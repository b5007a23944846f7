// Reindexing live: a debounced watch on the corpus folder. A change builds a new index in slices (the event loop
// keeps answering from the old one meanwhile), reusing the parse of every document that did not change, and hands
// it over; answers already in flight keep the index they started with. A corpus that cannot be loaded keeps the old one.
import { watch, type FSWatcher } from "node:fs";
import type { CorpusIndex } from "./index.js";
import { reloadCorpus, type LoadOptions } from "./load.js";

export interface WatchOptions {
  /** The index being served: its parses are reused for documents that did not change. */
  current?: () => CorpusIndex | undefined;
  onReindex: (index: CorpusIndex) => void;
  onError: (message: string) => void;
  debounceMs?: number;
  cacheDir?: LoadOptions["cacheDir"];
  prepare?: LoadOptions["prepare"];
}

export function watchCorpus(
  dir: string,
  { current, onReindex, onError, debounceMs = 500, cacheDir, prepare }: WatchOptions,
): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;
  const reindex = async () => {
    // One reindex at a time; a change that comes in meanwhile starts one more when it is done.
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const index = await reloadCorpus(dir, current?.(), { cacheDir, prepare, onWarning: onError });
      if (!closed) onReindex(index);
    } catch (error) {
      onError(`kept the previous index: ${(error as Error).message}`);
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        void reindex();
      }
    }
  };
  const watcher: FSWatcher = watch(dir, (_event, file) => {
    if (file && (file.startsWith(".") || file.endsWith(".tmp"))) return; // our own atomic writes in progress
    clearTimeout(timer);
    timer = setTimeout(() => void reindex(), debounceMs);
  });
  watcher.on("error", (error) => onError(`watching ${dir} failed: ${error.message}`));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
