/**
 * Typed arrays carved out of one zeroed ArrayBuffer. At province scale a prepared dataset or a computed index is
 * 50–150 MB of typed arrays, held outside the JS heap; V8 answers each large step of such memory with a full
 * mark-compact of the whole heap — every record the caller still holds, seconds at province scale — so one
 * allocation per dataset or result sets off at most one, where one allocation per array set off several.
 * Views must be taken widest first (Float64, then Int32, then bytes) so that each stays aligned; a misaligned view
 * throws. Transfer and structured clone handle views sharing a buffer (loadYear.ts `transferables` dedupes).
 */
export class Block {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  constructor(float64s: number, int32s: number, bytes: number) {
    this.buffer = new ArrayBuffer(8 * float64s + 4 * int32s + bytes);
  }

  f64(length: number): Float64Array {
    const view = new Float64Array(this.buffer, this.at, length);
    this.at += 8 * length;
    return view;
  }

  i32(length: number): Int32Array {
    const view = new Int32Array(this.buffer, this.at, length);
    this.at += 4 * length;
    return view;
  }

  i8(length: number): Int8Array {
    const view = new Int8Array(this.buffer, this.at, length);
    this.at += length;
    return view;
  }

  u8(length: number): Uint8Array {
    const view = new Uint8Array(this.buffer, this.at, length);
    this.at += length;
    return view;
  }
}
