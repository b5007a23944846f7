// Reindexing live: a debounced watch on the corpus folder. A change builds a new index and hands it over;
// answers already in flight keep the index they started with. A corpus that cannot be loaded keeps the old one.
import { watch, type FSWatcher } from "node:fs";
import type { CorpusIndex } from "../search/index.js";
import { loadCorpus } from "./load.js";

export interface WatchOptions {
  onReindex: (index: CorpusIndex) => void;
  onError: (message: string) => void;
  debounceMs?: number;
}

export function watchCorpus(dir: string, { onReindex, onError, debounceMs = 500 }: WatchOptions): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const reindex = () => {
    try {
      onReindex(loadCorpus(dir, { onWarning: onError }));
    } catch (error) {
      onError(`kept the previous index: ${(error as Error).message}`);
    }
  };
  const watcher: FSWatcher = watch(dir, (_event, file) => {
    if (file && (file.startsWith(".") || file.endsWith(".tmp"))) return; // our own atomic writes in progress
    clearTimeout(timer);
    timer = setTimeout(reindex, debounceMs);
  });
  watcher.on("error", (error) => onError(`watching ${dir} failed: ${error.message}`));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
