// `npm run serve`: builds when the bundles are missing or older than the sources, then starts browser mode.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'out/main/serve.js');
const sources = ['electron', 'renderer', 'shared', 'resources', 'electron.vite.config.ts', 'package.json'];

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), 0);
}

const builtAt = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
const changedAt = Math.max(...sources.map((name) => newestMtime(path.join(root, name))));
if (changedAt > builtAt) {
  console.log('Building (sources changed since the last build)...');
  execSync('npx electron-vite build', { cwd: root, stdio: 'inherit' });
}
await import(entry);
