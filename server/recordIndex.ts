/**
 * A year's records, filterable by organisation without holding them parsed. The summary worker keeps a scoped
 * session's records as they arrived — the served bytes, shared with the main thread — plus where each record
 * starts and ends in them and whose it is: a few bytes per record off the JS heap, where 1.5 million parsed
 * province assignments held for filtering made every full garbage collection (one per province computation)
 * cost a second or more. A scope's records are then parsed from their own bytes only, in the original order:
 * the same objects `filtered` (data.ts) gives from the parsed array.
 */

/** `[start, end)` byte ranges of the top-level elements of a JSON array, or undefined when `bytes` is not one. */
export function arrayElementRanges(bytes: Uint8Array): Int32Array | undefined {
  const ranges: number[] = [];
  const ok = finish(
    scanElements(bytes, (from, to) => {
      ranges.push(from, to);
      return true;
    }),
  );
  return ok ? Int32Array.from(ranges) : undefined;
}

/** Bytes scanned between two pauses of a scan (a few ms). */
const SCAN_CHUNK = 4 << 20;

/**
 * Calls `element(start, end)` for each top-level element of the JSON array in `bytes`, pausing (yield) every
 * SCAN_CHUNK bytes so a caller can let other work in; returns false when `bytes` is not one JSON array or
 * `element` answers false.
 */
function* scanElements(bytes: Uint8Array, element: (start: number, end: number) => boolean): Generator<void, boolean> {
  const n = bytes.length;
  let i = 0;
  while (i < n && isSpace(bytes[i])) i++;
  if (bytes[i] !== 0x5b /* [ */) return false;
  i++;
  let depth = 1;
  let start = i;
  let empty = true;
  let count = 0;
  let pause = i + SCAN_CHUNK;
  for (; i < n; i++) {
    if (i >= pause) {
      yield;
      pause = i + SCAN_CHUNK;
    }
    const b = bytes[i];
    if (b === 0x22 /* " */) {
      // strings: structural bytes inside them do not count; a backslash escapes the next byte (UTF-8 multibyte
      // sequences never contain ASCII bytes, so scanning bytes is safe)
      empty = false;
      for (i++; i < n && bytes[i] !== 0x22; i++) if (bytes[i] === 0x5c) i++;
    } else if (b === 0x5b || b === 0x7b) {
      depth++;
      empty = false;
    } else if (b === 0x5d || b === 0x7d) {
      depth--;
      if (depth === 0) {
        if (!empty) {
          if (!element(start, i)) return false;
        } else if (count > 0) return false; // "[1,]"
        i++;
        break;
      }
    } else if (b === 0x2c /* , */ && depth === 1) {
      if (empty || !element(start, i)) return false;
      count++;
      start = i + 1;
      empty = true;
    } else if (!isSpace(b)) empty = false;
  }
  if (depth !== 0) return false;
  for (; i < n; i++) if (!isSpace(bytes[i])) return false;
  return true;
}

/** Runs a pausing computation to its end at once. */
export function finish<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface RecordIndexParts {
  bytes: Uint8Array;
  ranges: Int32Array;
  owner: Int32Array;
  /** The orgIds, in the order of their numbers in `owner`. */
  orgIds: string[];
}

/** Records kept as bytes, each tagged with its `orgId` (as `filtered` reads it). */
export class RecordIndex {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly ranges: Int32Array,
    /** Per record, its orgId's number in `orgIds`; -1 when it has no string orgId (never in a scope). */
    private readonly owner: Int32Array,
    private readonly orgIds: Map<string, number>,
  ) {}

  /**
   * From the bytes and their parse (the array `JSON.parse` made of them), pausing now and then (seconds of work
   * for a province; see `finish`): undefined when they do not line up (the caller keeps the parsed records then).
   */
  static *build(bytes: Uint8Array, parsed: readonly unknown[]): Generator<void, RecordIndex | undefined> {
    const ranges = new Int32Array(2 * parsed.length);
    let k = 0;
    const complete = yield* scanElements(bytes, (from, to) => {
      if (k === parsed.length) return false;
      ranges[2 * k] = from;
      ranges[2 * k + 1] = to;
      k++;
      return true;
    });
    if (!complete || k !== parsed.length) return undefined;
    const orgIds = new Map<string, number>();
    const owner = new Int32Array(parsed.length).fill(-1);
    for (let r = 0; r < parsed.length; r++) {
      if (r % 100_000 === 99_999) yield;
      const record = parsed[r];
      if (!isRecord(record) || typeof record.orgId !== 'string') continue;
      let o = orgIds.get(record.orgId);
      if (o === undefined) orgIds.set(record.orgId, (o = orgIds.size));
      owner[r] = o;
    }
    return new RecordIndex(bytes, ranges, owner, orgIds);
  }

  /** `build` at once. */
  static of(bytes: Uint8Array, parsed: readonly unknown[]): RecordIndex | undefined {
    return finish(RecordIndex.build(bytes, parsed));
  }

  /** What crosses between threads (the bytes shared, the arrays transferable): see `fromParts`. */
  parts(): RecordIndexParts {
    return { bytes: this.bytes, ranges: this.ranges, owner: this.owner, orgIds: [...this.orgIds.keys()] };
  }

  /** An index made in another thread (the data loader, data.ts), from its `parts()`. */
  static fromParts(p: RecordIndexParts): RecordIndex {
    return new RecordIndex(p.bytes, p.ranges, p.owner, new Map(p.orgIds.map((id, k) => [id, k])));
  }

  /** The records whose orgId is in `ids`, parsed afresh, in their original order. */
  filter(ids: ReadonlySet<string>): unknown[] {
    return JSON.parse(this.filterText(ids).toString('utf8')) as unknown[];
  }

  /**
   * Those records as the text of one JSON array, their bytes as they came: what a filtered answer sends, with no
   * parse and no re-serialisation (JSON.stringify recursed over one record nested 5,000 deep and failed the whole
   * answer).
   */
  filterText(ids: ReadonlySet<string>): Buffer {
    const wanted = new Uint8Array(this.orgIds.size);
    for (const id of ids) {
      const o = this.orgIds.get(id);
      if (o !== undefined) wanted[o] = 1;
    }
    // the subtree's records copied once into one array text (a town of a province: ~150,000 records; a part
    // object per record and a concatenation cost more than the copy)
    let size = 1;
    let count = 0;
    for (let k = 0; k < this.owner.length; k++) {
      const o = this.owner[k];
      if (o < 0 || !wanted[o]) continue;
      size += this.ranges[2 * k + 1] - this.ranges[2 * k] + 1;
      count++;
    }
    if (count === 0) return Buffer.from('[]');
    const source = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const text = Buffer.allocUnsafe(size);
    let at = 0;
    for (let k = 0; k < this.owner.length; k++) {
      const o = this.owner[k];
      if (o < 0 || !wanted[o]) continue;
      text[at++] = 0x2c; // a comma before each record; the first one becomes the opening bracket below
      at += source.copy(text, at, this.ranges[2 * k], this.ranges[2 * k + 1]);
    }
    text[0] = 0x5b; // [
    text[at++] = 0x5d; // ]
    return text.subarray(0, at);
  }
}
