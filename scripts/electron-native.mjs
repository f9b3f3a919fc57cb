// Before `npm start`: builds better-sqlite3 for Electron's ABI into .electron-native/, leaving the Node
// build in node_modules untouched so `npm test` keeps working. The main process loads this copy
// through better-sqlite3's `nativeBinding` option. Rebuilds only when the Electron version changes.
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = require('electron/package.json').version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const target = path.join(root, '.electron-native/node_modules/better-sqlite3');
const binary = path.join(target, 'build/Release/better_sqlite3.node');
const stamp = path.join(target, '.built-for-electron');

if (fs.existsSync(binary) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === electronVersion) {
  process.exit(0);
}

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once per Electron version)...`);
fs.rmSync(target, { recursive: true, force: true });
fs.cpSync(source, target, {
  recursive: true,
  filter: (file) => !file.startsWith(path.join(source, 'build')),
});

// A `nodedir` in the npm config (set on some build machines) would make node-gyp use Node's headers
// instead of Electron's, silently producing the wrong ABI. So node-gyp (the copy bundled with npm)
// runs directly, not through npx, with no npm settings in its environment.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
);
const npmRoot = execSync('npm root -g', { encoding: 'utf8', env }).trim();
const nodeGyp = path.join(npmRoot, 'npm/node_modules/node-gyp/bin/node-gyp.js');
const inTarget = { cwd: target, stdio: 'inherit', env };
try {
  // A prebuilt binary for Electron, as better-sqlite3's own install step fetches for Node.
  execFileSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion],
    inTarget,
  );
} catch {
  console.log('No prebuilt binary; compiling against Electron headers with node-gyp...');
  try {
    execFileSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      inTarget,
    );
  } catch {
    console.error('Could not build better-sqlite3 for Electron (network, or a C++ toolchain missing).');
    process.exit(1);
  }
}
// Electron's ABI is never Node's: a binary that loads in this Node process was built for the wrong one.
try {
  execFileSync(process.execPath, ['-e', `require(${JSON.stringify(binary)})`], { stdio: 'ignore' });
  console.error('The better-sqlite3 build loads in Node, so it is not built for Electron; refusing it.');
  fs.rmSync(target, { recursive: true, force: true });
  process.exit(1);
} catch {
  // Refused by Node: built for Electron, as intended.
}
fs.writeFileSync(stamp, electronVersion);
