import fs from 'node:fs';
import Module from 'node:module';

/**
 * The core imports text files the Vite way (`receipt-terms.en.txt?raw`); Vite and Vitest understand
 * that, plain Node under tsx does not. Import this module first in a script that loads the core:
 * `.txt` files (with or without the query) then load as their text.
 */
type Loader = (module: { exports: unknown }, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
const loadText: Loader = (module, filename) => {
  module.exports = fs.readFileSync(filename.replace(/\?.*$/, ''), 'utf8');
};
// tsx resolves `x.txt?raw` to the file name `x.txt?raw=`; Node picks the loader by that suffix.
for (const suffix of ['.txt', '.txt?raw', '.txt?raw=']) extensions[suffix] = loadText;
