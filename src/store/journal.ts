// A keyed table kept as a snapshot plus an append-only journal, for state that changes on every message
// (threads, events): a change costs one appended line, never a rewrite of the table.
//
// Files, in DATA_DIR: `<name>.jsonl` (the snapshot: a header line {"gen":N}, then one record a line) and
// `<name>.<N>.log` (changes since that snapshot, one a line: {"k":key,"v":value} or {"k":key,"d":1}).
// Appends happen under the store's lock, so the journals of two processes interleave by whole lines; each
// process reads the other's lines when it next writes or misses a key. When the journal outgrows the snapshot,
// appends move to generation N+1 and a new snapshot (gen N+1) is written beside, without holding the lock, then
// put in place under it (unless another process has put in place a newer one).
// A record that fails the schema is dropped with a warning; the rest are kept. A line torn by a crash is cut off.
import { randomUUID } from "node:crypto";
import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { LIMITS } from "../config.js";
import { isAlive } from "./lock.js";

export interface TableOptions<T> {
  /** When a record was last changed (ms): it is kept for `ttlMs` after that. */
  recency: (value: T) => number;
  ttlMs: number;
  /** The most records kept; the least recent go first. */
  maxEntries?: number;
  compactMinBytes: number;
  warn: (message: string) => void;
}

type Line = { k: string; v?: unknown; d?: 1 };

/** A record is held as its JSON in UTF-8, outside the JS heap (a fraction of the parsed object's memory), parsed when read. */
interface Entry {
  json: Buffer;
  at: number;
}

export class JournalTable<T> {
  private map = new Map<string, Entry>();
  /** Lines changed here and not yet appended. */
  private buffer: Line[] = [];
  private gen = 0;
  /** Bytes of the current journal already applied. */
  private offset = 0;
  private snapshotBytes = 0;
  private compacting = false;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly schema: z.ZodType<T>,
    private readonly options: TableOptions<T>,
  ) {
    this.load();
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.map.get(key);
    return entry && this.kept(entry, now) ? (JSON.parse(entry.json.toString("utf8")) as T) : undefined;
  }

  private kept(entry: Entry, now: number): boolean {
    return entry.at > now - this.options.ttlMs;
  }

  private entryOf(value: T): Entry {
    return { json: Buffer.from(JSON.stringify(value)), at: this.options.recency(value) };
  }

  /** Like get, but first reads what other processes appended, when the key is not known here. */
  lookup(key: string, now = Date.now()): T | undefined {
    return this.get(key, now) ?? (this.catchUp() ? this.get(key, now) : undefined);
  }

  set(key: string, value: T): void {
    this.map.set(key, this.entryOf(value));
    this.buffer.push({ k: key, v: value });
  }

  delete(key: string): void {
    this.map.delete(key);
    this.buffer.push({ k: key, d: 1 });
  }

  /** Every key held, expired or not (no record is parsed). */
  keys(): string[] {
    return [...this.map.keys()];
  }

  entries(now = Date.now()): [string, T][] {
    return [...this.map]
      .filter(([, e]) => this.kept(e, now))
      .map(([k, e]) => [k, JSON.parse(e.json.toString("utf8")) as T]);
  }

  get dirty(): boolean {
    return this.buffer.length > 0;
  }

  /** Appends what changed here. Call under the store's lock. Returns true when a compaction is due. */
  flush(): boolean {
    this.catchUp(true);
    if (this.buffer.length) {
      const bytes = Buffer.from(this.buffer.map((l) => `${JSON.stringify(l)}\n`).join(""));
      const fd = openSync(this.logPath(this.gen), "a");
      try {
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      } finally {
        closeSync(fd);
      }
      this.offset += bytes.length;
      this.buffer = [];
    }
    // A tenth over the maximum before compacting for it: not a compaction for every new thread at the cap.
    const overfull = this.options.maxEntries !== undefined && this.map.size > this.options.maxEntries * 1.1;
    return (
      !this.compacting && (overfull || (this.offset > this.options.compactMinBytes && this.offset > this.snapshotBytes))
    );
  }

  /**
   * Step 1 of a compaction, under the lock: appends go to a new generation from now on, and the records as they
   * stand are returned, to be written as that generation's snapshot by step 2 (writeSnapshot), outside the lock.
   */
  startCompaction(now = Date.now()): { gen: number; records: [string, Entry][] } {
    this.compacting = true;
    this.gen += 1;
    this.offset = 0;
    closeSync(openSync(this.logPath(this.gen), "a"));
    return { gen: this.gen, records: this.pruned(now) };
  }

  /**
   * Step 2: writes the snapshot to a temp file of its own, then, under the lock (`underLock`), puts it in place and
   * removes the journals it folded in, unless another process has meanwhile put in place a newer one.
   */
  async writeSnapshot(
    { gen, records }: { gen: number; records: [string, Entry][] },
    underLock: (install: () => void) => Promise<void>,
  ): Promise<void> {
    try {
      const temp = join(this.dir, `.${this.name}.jsonl.${process.pid}.${randomUUID()}.tmp`);
      const file = await open(temp, "w");
      let bytes = 0;
      try {
        const header = `${JSON.stringify({ gen })}\n`;
        await file.write(header);
        bytes += header.length;
        for (let i = 0; i < records.length; i += LIMITS.snapshotChunk) {
          const chunk = records
            .slice(i, i + LIMITS.snapshotChunk)
            .map(([k, e]) => `{"k":${JSON.stringify(k)},"v":${e.json.toString("utf8")}}\n`)
            .join("");
          await file.write(chunk);
          bytes += Buffer.byteLength(chunk);
          await new Promise((r) => setImmediate(r));
        }
      } finally {
        await file.close();
      }
      await underLock(() => {
        if (this.snapshotGeneration() >= gen) return unlinkQuietly(temp);
        renameSync(temp, this.snapshotPath());
        this.snapshotBytes = bytes;
        for (const g of this.logGenerations()) if (g < gen) unlinkQuietly(this.logPath(g));
      });
    } finally {
      this.compacting = false;
    }
  }

  /** The records within retention, at most maxEntries of them (the most recent). Evicted ones leave memory too. */
  private pruned(now: number): [string, Entry][] {
    const records = this.mostRecent([...this.map].filter(([, e]) => this.kept(e, now)));
    if (records.length !== this.map.size) this.map = new Map(records);
    return records;
  }

  /** At most maxEntries records in memory (those past it stay on disk until the next fold drops them). */
  private cap(): void {
    const { maxEntries } = this.options;
    if (maxEntries !== undefined && this.map.size > maxEntries) this.map = new Map(this.mostRecent([...this.map]));
  }

  private mostRecent(records: [string, Entry][]): [string, Entry][] {
    const { maxEntries } = this.options;
    return maxEntries !== undefined && records.length > maxEntries
      ? records.sort((a, b) => b[1].at - a[1].at).slice(0, maxEntries)
      : records;
  }

  /** Reads lines other processes appended since we last looked; true when anything was read. */
  catchUp(cutTornTail = false): boolean {
    let changed = false;
    for (;;) {
      const path = this.logPath(this.gen);
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        // Our journal was folded into a newer snapshot by another process: start again from that.
        this.reload();
        return true;
      }
      if (size < this.offset) {
        this.reload();
        return true;
      }
      if (size > this.offset) {
        const fd = openSync(path, cutTornTail ? "r+" : "r");
        try {
          const bytes = Buffer.alloc(size - this.offset);
          readSync(fd, bytes, 0, bytes.length, this.offset);
          const end = bytes.lastIndexOf(0x0a) + 1;
          if (end > 0) {
            this.applyLines(bytes.subarray(0, end), path);
            this.offset += end;
            changed = true;
          }
          // Under the lock nobody is writing: bytes after the last newline are a line a crash tore.
          if (cutTornTail && end < bytes.length) ftruncateSync(fd, this.offset);
        } finally {
          closeSync(fd);
        }
      }
      if (!existsSync(this.logPath(this.gen + 1))) break;
      this.gen += 1;
      this.offset = 0;
    }
    if (changed) this.reapplyBuffer();
    return changed;
  }

  /** Drops what is in memory and reads the snapshot and journals again (keeping changes not yet appended). */
  private reload(): void {
    this.load();
    this.reapplyBuffer();
  }

  private reapplyBuffer(): void {
    for (const line of this.buffer) {
      if (line.d) this.map.delete(line.k);
      else this.map.set(line.k, this.entryOf(line.v as T));
    }
  }

  /**
   * Reads the snapshot and the journals after it. Another process may put a newer snapshot in place meanwhile
   * (and remove the journals it folded in): then the reading starts over.
   */
  private load(): void {
    this.removeOrphanTemps();
    for (let attempt = 1; ; attempt++) {
      this.map = new Map();
      try {
        const read = this.readSnapshotAndJournals();
        if (read === this.snapshotGeneration()) {
          this.cap();
          return;
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 5) throw error;
      }
      if (attempt >= 5) return;
    }
  }

  /** Returns the generation of the snapshot read, or -1 when there is none. */
  private readSnapshotAndJournals(): number {
    const snapshot = this.snapshotPath();
    let gen = 0;
    let read = -1;
    if (existsSync(snapshot)) {
      const bytes = readFileSync(snapshot);
      this.snapshotBytes = bytes.length;
      const headerEnd = bytes.indexOf(0x0a) + 1;
      try {
        gen = Number((JSON.parse(bytes.toString("utf8", 0, headerEnd)) as { gen?: unknown }).gen) || 0;
      } catch {
        this.options.warn(`warning: ${snapshot} has no header; reading it as generation 0`);
      }
      read = gen;
      this.applyLines(bytes.subarray(headerEnd), snapshot);
    }
    const gens = this.logGenerations().filter((g) => g >= gen);
    this.gen = gens.at(-1) ?? gen;
    this.offset = 0;
    for (const g of gens) {
      const bytes = readFileSync(this.logPath(g));
      const end = bytes.lastIndexOf(0x0a) + 1;
      this.applyLines(bytes.subarray(0, end), this.logPath(g));
      if (g === this.gen) this.offset = end;
    }
    if (!existsSync(this.logPath(this.gen))) closeSync(openSync(this.logPath(this.gen), "a"));
    return read;
  }

  /** Applies complete lines, read one at a time from the bytes (a large snapshot never becomes one string). */
  private applyLines(bytes: Buffer, source: string): void {
    let dropped = 0;
    let reason = "";
    for (let start = 0; start < bytes.length; ) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      const raw = bytes.toString("utf8", start, end);
      start = end + 1;
      if (!raw) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        dropped++;
        reason ||= "not JSON";
        continue;
      }
      if (typeof line?.k !== "string") {
        dropped++;
        reason ||= "no key";
        continue;
      }
      if (line.d) {
        this.map.delete(line.k);
        continue;
      }
      const parsed = this.schema.safeParse(line.v);
      if (!parsed.success) {
        dropped++;
        reason ||= `${line.k}: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`;
        continue;
      }
      this.map.set(line.k, this.entryOf(parsed.data));
    }
    if (dropped)
      this.options.warn(
        `warning: ${source}: dropped ${dropped} record(s) that did not match the schema (${reason}); kept the rest`,
      );
  }

  /** The generation of the snapshot in place (its header), or -1. */
  private snapshotGeneration(): number {
    let fd: number;
    try {
      fd = openSync(this.snapshotPath(), "r");
    } catch {
      return -1;
    }
    try {
      const head = Buffer.alloc(64);
      const n = readSync(fd, head, 0, head.length, 0);
      return Number((JSON.parse(head.subarray(0, n).toString("utf8").split("\n")[0]!) as { gen?: unknown }).gen) || 0;
    } catch {
      return 0; // no header: read as generation 0, as load does
    } finally {
      closeSync(fd);
    }
  }

  /** Snapshots a crashed process was writing (its pid is in the name) are removed. */
  private removeOrphanTemps(): void {
    const re = new RegExp(`^\\.${this.name}\\.jsonl\\.(\\d+)\\..*\\.tmp$`);
    for (const file of readdirSync(this.dir)) {
      const pid = Number(re.exec(file)?.[1]);
      if (pid && pid !== process.pid && !isAlive(pid)) unlinkQuietly(join(this.dir, file));
    }
  }

  private snapshotPath(): string {
    return join(this.dir, `${this.name}.jsonl`);
  }

  private logPath(gen: number): string {
    return join(this.dir, `${this.name}.${gen}.log`);
  }

  private logGenerations(): number[] {
    const re = new RegExp(`^${this.name}\\.(\\d+)\\.log$`);
    return readdirSync(this.dir)
      .map((f) => re.exec(f)?.[1])
      .filter((g): g is string => g !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
