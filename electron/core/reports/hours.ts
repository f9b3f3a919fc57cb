const hourMs = 3_600_000;

/**
 * Durations as the reports give them: the mean (exact, to a tenth of an hour) and the lower median
 * of whole hours, from a histogram of whole hours, so slices add up without keeping every ticket.
 */
export class HourHistogram {
  private readonly counts = new Map<number, number>();
  count = 0;
  private sumMs = 0;

  add(hours: number, count: number, sumMs: number): void {
    this.counts.set(hours, (this.counts.get(hours) ?? 0) + count);
    this.count += count;
    this.sumMs += sumMs;
  }

  mean(): number | null {
    return this.count === 0 ? null : Math.round((this.sumMs / this.count / hourMs) * 10) / 10;
  }

  /** The smallest whole hour with at least half the durations at or below it. */
  median(): number | null {
    if (this.count === 0) return null;
    const half = Math.ceil(this.count / 2);
    let seen = 0;
    for (const hours of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(hours) ?? 0;
      if (seen >= half) return hours;
    }
    return null;
  }
}
