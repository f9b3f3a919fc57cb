import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and its missing parents one level at a time. Node's `mkdirSync(..., { recursive:
 * true })` can spin forever on special file systems (seen under /proc); this fails with an error.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) fs.mkdirSync(folder);
}
