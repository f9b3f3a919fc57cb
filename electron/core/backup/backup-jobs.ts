import { randomUUID } from 'node:crypto';
import type { OutputOf } from '../../../shared/contract';
import type { BackupFile } from './backup-files';

export type BackupJob = OutputOf<'backup.progress'>;

/**
 * Backups in progress, so the UI can poll a progress bar. One runs at a time: asking again while one
 * runs returns the running job instead of starting a second copy.
 */
export class BackupJobs {
  private readonly jobs = new Map<string, BackupJob>();
  private current: Promise<unknown> = Promise.resolve();

  running(): BackupJob | undefined {
    return [...this.jobs.values()].find((job) => job.state === 'running');
  }

  get(jobId: string): BackupJob | undefined {
    return this.jobs.get(jobId);
  }

  start(run: (onProgress: (fraction: number) => void) => Promise<BackupFile>): BackupJob {
    const current = this.running();
    if (current) return current;
    const job: BackupJob = { jobId: randomUUID(), state: 'running', progress: 0, backup: null, error: null };
    this.jobs.set(job.jobId, job);
    this.forgetOld();
    this.current = run((fraction) => (job.progress = fraction)).then(
      (backup) => Object.assign(job, { state: 'done', progress: 1, backup }),
      (error: unknown) => Object.assign(job, { state: 'failed', error: String(error) }),
    );
    return { ...job };
  }

  /** Resolves when no backup is running (used before a restore or at shutdown). */
  async idle(): Promise<void> {
    await this.current;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - 20))) this.jobs.delete(job.jobId);
  }
}
