/**
 * A small, fast, seedable PRNG (sfc32) and the draws the generators need. Everything the seed
 * produces comes from one of these, so the same --seed gives the same database.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next32();
  }

  /** A uniform 32-bit unsigned integer. */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.next32() % 10);
    return out;
  }

  /** Up to `max` distinct items, in their original order. */
  subset<T>(items: readonly T[], max: number): T[] {
    const count = this.int(0, Math.min(max, items.length));
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.int(0, items.length - 1));
    return items.filter((_, i) => chosen.has(i));
  }

  /**
   * A UUIDv7 whose timestamp is `ms` (the historical moment the row was created), so seeded ids sort
   * by time like the app's own, and primary-key inserts stay near the end of each index.
   */
  uuid7(ms: number): string {
    const time = Math.floor(ms).toString(16).padStart(12, '0');
    const r1 = this.next32();
    const r2 = this.next32();
    const r3 = this.next32();
    const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(r1 >>> 20, 3)}-` +
      `${hex(0x8000 | (r1 & 0x3fff), 4)}-${hex(r2, 8)}${hex(r3 >>> 16, 4)}`
    );
  }
}

/** Picks from weighted choices; build once, draw many times. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly values: T[] = [];
  private total = 0;

  constructor(entries: readonly (readonly [T, number])[]) {
    for (const [value, weight] of entries) {
      this.total += weight;
      this.cumulative.push(this.total);
      this.values.push(value);
    }
  }

  draw(random: Random): T {
    const x = random.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
