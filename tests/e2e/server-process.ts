import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/** The address a server we started prints when it listens (the first match of `pattern`). */
export function addressPrinted(child: ChildProcess, pattern: RegExp, name: string): Promise<string> {
  const stdout = child.stdout;
  if (!stdout) return Promise.reject(new Error(`no stdout from ${name}`));
  return new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: stdout }).on('line', (line) => {
      const match = pattern.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

/** Stops a server we started (SIGTERM, so it closes cleanly) and waits for it to end. */
export async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
