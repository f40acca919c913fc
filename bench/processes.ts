// Whole processes as the start-up bench measures them: wall time from spawn to exit and peak RSS, or spawn to ready and RSS while serving.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const PEAK_RSS = new URL('./peak-rss.mjs', import.meta.url).href;

export interface Finished {
  ms: number;
  peakMb: number;
  stdout: string;
}

/** Runs `node ARGS` to its end with `input` on stdin. */
export function runNode(args: string[], input = '', env: NodeJS.ProcessEnv = process.env, cwd?: string): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PEAK_RSS, ...args], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const peak = /peak-rss-kb (\d+)/.exec(stderr);
      if (code !== 0 || !peak) return reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`));
      resolve({ ms, peakMb: Number(peak[1]) / 1024, stdout });
    });
  });
}

export interface Serving {
  url: string;
  readyMs: number;
  rssMb(): number;
  /** Milliseconds from the spawn until now. */
  sinceSpawnMs(): number;
  stop(): void;
}

/** Starts `node ARGS`, reads its URL from the "listening on" line, and waits for the first 200 on /healthz. */
export async function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<Serving> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited with ${code}`)));
  });
  while ((await fetch(`${url}/healthz`).catch(() => undefined))?.status !== 200) await new Promise((r) => setTimeout(r, 2));
  const readyMs = performance.now() - started;
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
  return { url, readyMs, rssMb, sinceSpawnMs: () => performance.now() - started, stop: () => child.kill('SIGKILL') };
}
