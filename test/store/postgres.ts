import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server from Debian's `postgresql` package (`.ci/run` installs it): its own
 * cluster in a temp folder, on a free loopback port, trust authentication. PostgreSQL refuses to
 * run as root, so under root the cluster belongs to the package's `postgres` user.
 */
export interface Postgres {
  /** A fresh, empty database on the server; its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server at once, as a crash or a lost network would (`pg_ctl stop -m immediate`). */
  kill(): void;
  /** Stops the server and removes its folder. */
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does it)');
  return found;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const CLUSTER_PREFIX = 'bot-pg-';
/** Written in each cluster's folder: the test process that started it. */
const OWNER_FILE = 'owner.pid';

/** The process id on a pid file's first line; NaN when there is no such file. */
function pidIn(file: string): number {
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : Number.NaN;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops and removes the clusters of test runs that were killed before they could stop them (their
 * owner process is gone); clusters of test files running beside this one are left alone.
 */
function removeOrphanClusters(): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(CLUSTER_PREFIX))) {
    const dir = path.join(tmpdir(), name);
    const owner = pidIn(path.join(dir, OWNER_FILE));
    if (!Number.isInteger(owner) || isRunning(owner)) continue;
    const postmaster = pidIn(path.join(dir, 'data', 'postmaster.pid'));
    if (Number.isInteger(postmaster) && isRunning(postmaster)) {
      try {
        process.kill(postmaster, 'SIGQUIT');
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPostgres(): Promise<Postgres> {
  const bin = binDir();
  removeOrphanClusters();
  const dir = mkdtempSync(path.join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [command, prefix] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool)]] : [path.join(bin, tool), []];
    execFileSync(command as string, [...(prefix as string[]), ...args], { stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } });
  };
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // fsync off: a test server loses nothing that matters in a crash, and a busy disk would slow every test.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  let databases = 0;
  let running = true;
  const stopServer = () => {
    if (!running) return;
    running = false;
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  };
  return {
    async createDatabase() {
      databases += 1;
      const name = `bot_${databases}`;
      const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    kill: stopServer,
    stop() {
      stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
