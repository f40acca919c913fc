import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFileFor } from '../../src/core/load-model.js';
import { SPAWN_TIMEOUT_MS } from '../wait.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/campaign-module.js');
const scratch = mkdtempSync(join(tmpdir(), 'retrain-test-'));
const knowledge = join(scratch, 'knowledge');
cpSync(join(ROOT, 'knowledge'), knowledge, { recursive: true });
const QUESTION = 'the zorblax frobnicator says quux';

/** `campaign-module ask --format json` on the copied knowledge, run as a user runs it. */
function ask(): { module: string | null; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, 'ask', '--format', 'json', '--knowledge', knowledge, QUESTION], { cwd: scratch, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return { module: (JSON.parse(result.stdout) as { diagnosis: { module: string | null } }).diagnosis.module, stderr: result.stderr };
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(modelFileFor(knowledge), { force: true });
});

describe('a knowledge edit after the build', { timeout: SPAWN_TIMEOUT_MS * 3 }, () => {
  it('is answered by retraining once, said in one line, and the retrained model is kept', () => {
    // A copy of the bundled knowledge is answered by the built model, silently.
    const before = ask();
    expect(before.stderr).toBe('');
    expect(before.module).toBeNull();

    const file = join(knowledge, 'wfserver.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('examples:\n  en:\n', `examples:\n  en:\n    - "${QUESTION}"\n`));
    const edited = ask();
    expect(edited.module).toBe('wfserver');
    expect(edited.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(edited.stderr).toMatch(/^campaign-module: .*knowledge: the knowledge changed since the model was built: retrained in [\d.]+ s, saved to /);

    const again = ask();
    expect(again).toEqual({ module: 'wfserver', stderr: '' });
  });
});

describe('a saved model cut short (a full disk)', { timeout: SPAWN_TIMEOUT_MS * 3 }, () => {
  it('is named as damaged, not as a knowledge edit, and replaced', () => {
    ask();
    const file = modelFileFor(knowledge);
    writeFileSync(file, readFileSync(file).subarray(0, 4096));
    const damaged = ask();
    expect(damaged.stderr).toMatch(
      /^campaign-module: .*knowledge: the saved model .*\.bin cannot be read \(damaged, or built by another version\): retrained in [\d.]+ s, saved to /,
    );
    expect(ask().stderr).toBe('');
  });
});
