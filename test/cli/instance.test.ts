import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT_MS } from '../wait.js';

// The CLI as people run it: the instance in the commands comes from --instance, then the
// message, then CAMPAIGN_INSTANCE.
const BIN = join(import.meta.dirname, '../../bin/campaign-module.js');
const scratch = mkdtempSync(join(tmpdir(), 'cli-instance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function ask(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ['CAMPAIGN_INSTANCE', 'CAMPAIGN_INSTANCES']) if (!env[name]) delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ask', ...args], { cwd: scratch, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('campaign-module ask: the instance', () => {
  it(
    'says the asker ruled the default out, rather than that no instance was named, when it shows <instance>',
    async () => {
      const result = await ask(['workflows stuck in Start in progress, not on prod'], { CAMPAIGN_INSTANCE: 'prod' });
      expect(result.stdout).toContain('wfserver@<instance>');
      expect(result.stdout).toContain('You ruled out prod, so commands show <instance>.');
      expect(result.stdout).not.toContain('No instance named');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'keeps the default out of the commands when the message names a word that may be the instance or a host',
    async () => {
      const [en, ko] = await Promise.all([ask(['mta down on rt1 since 9'], { CAMPAIGN_INSTANCE: 'prod' }), ask(['rt1에서 mta 가 죽었어요'], { CAMPAIGN_INSTANCE: 'prod' })]);
      expect(en.stdout).toContain('nlserver restart mta@<instance>');
      expect(en.stdout).not.toContain('mta@prod');
      expect(en.stdout).toContain('Your message names rt1, which may be a host rather than an instance, so commands show <instance>. If it is the instance, pass --instance rt1.');
      expect(ko.stdout).toContain('mta@<instance>');
      const host = await ask(['wfserver crashed on campaign-mkt-app02'], { CAMPAIGN_INSTANCE: 'prod' });
      expect(host.stdout).toContain('wfserver@<instance>');
      expect(host.stdout).toContain('Your message names the host campaign-mkt-app02, whose name points at mkt, so commands show <instance>.');
      expect(ko.stdout).toContain('메시지에 적힌 rt1: 인스턴스인지 호스트인지');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'uses the instance the message names over CAMPAIGN_INSTANCE, and --instance over both',
    async () => {
      const [fromMessage, fromFlag, fromDefault, unknown] = await Promise.all([
        ask(['--format', 'json', 'mta@mkt keeps crashing every 10 minutes'], { CAMPAIGN_INSTANCE: 'prod' }),
        ask(['--format', 'json', '--instance', 'qa', 'mta@mkt keeps crashing every 10 minutes'], { CAMPAIGN_INSTANCE: 'prod' }),
        ask(['emails stuck in pending'], { CAMPAIGN_INSTANCE: 'prod' }),
        ask(['mta@mtk keeps crashing'], { CAMPAIGN_INSTANCE: 'prod', CAMPAIGN_INSTANCES: 'prod,mkt' }),
      ]);
      const message = JSON.parse(fromMessage.stdout);
      expect(message).toMatchObject({ instance: 'mkt', instanceSource: 'message' });
      expect(message.module.commands.map((c: { run: string }) => c.run)).toContain('nlserver restart mta@mkt');
      expect(fromMessage.stdout).not.toContain('mta@prod');
      expect(JSON.parse(fromFlag.stdout)).toMatchObject({ instance: 'qa', instanceSource: 'flag' });
      expect(fromDefault.stdout).toContain('nlserver restart mta@prod');
      expect(fromDefault.stdout).toContain('Instance prod, the configured default.');
      expect(unknown.stdout).toContain('nlserver restart mta@mtk');
      expect(unknown.stdout).toContain('mtk is not one of the configured instances');
      for (const run of [fromMessage, fromFlag, fromDefault, unknown]) expect(run.code).toBe(0);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'reads a long log piped on stdin instead of refusing it',
    async () => {
      const lines = Array.from({ length: 500 }, (_, i) => `2026-12-06 03:${String(i % 60).padStart(2, '0')}:11 mtachild@prod (${2000 + i}) message ${i} queued\u0007`);
      lines.splice(250, 0, '2026-12-06 03:12:01 ERROR errno=18, Invalid cross-device link\u000c');
      const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'ask', '--format', 'json'], { cwd: scratch, env: { ...process.env, CAMPAIGN_INSTANCE: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout }));
        child.stdin.end(`tail -n 500 var/prod/log/mta.log: nothing leaves since 3am\n${lines.join('\n')}\n`);
      });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'diagnosis', diagnosis: { module: 'mta' }, instance: 'prod', instanceSource: 'message' });
    },
    SPAWN_TIMEOUT_MS,
  );
});
