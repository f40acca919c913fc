import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '../wait.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** `npm start` as a process (`node bin/server.js`) in `cwd` with only the given environment; resolves once the start-up line names the port. */
export async function startServerProcess(cwd: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/server.js')], { cwd, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const match = await waitUntil(() => out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/) ?? (child.exitCode !== null ? new Error(`server exited: ${err}`) : null), {
    what: 'the start-up line',
  });
  if (match instanceof Error) throw match;
  return {
    child,
    url: match[1] ?? '',
    stdout: () => out,
    stderr: () => err,
    exited,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** `campaign-module …` as a process in `cwd`; its stdout, stderr and exit code. */
export async function runCliProcess(
  cwd: string,
  args: string[],
  env: Record<string, string>,
  user: { uid?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/campaign-module.js'), ...args], {
    cwd,
    ...user,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}
