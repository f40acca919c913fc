import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PROMPT, runInteractive } from '../../src/cli/interactive.js';
import { LABELS } from '../../src/render/labels.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');

/** The prompt over in-memory streams: `type` writes what a person types or pastes, one chunk at a time. */
function prompt(lang?: 'ko') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let output = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const done = runInteractive({ streams: { stdin, stdout, stderr: new PassThrough() }, triageDefaults: {}, knowledgeDir: KNOWLEDGE, color: false }, lang);
  return {
    type: (text: string) => stdin.write(text),
    output: () => output,
    done,
    answers: () => output.split(PROMPT).length - 2,
    end: async () => {
      stdin.end();
      return done;
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 20_000) throw new Error('the prompt did not answer');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the interactive prompt', () => {
  it('answers a pasted pdump as one question, not line by line', async () => {
    const session = prompt();
    await until(() => session.output().includes(PROMPT));
    session.type('nlserver pdump\nsyslogd@default (1822) - 9.6 Mb\nmta@prod (2011) - 51.2 Mb\nweb@default (2140) - 240.1 Mb\nwatchdog (1801) - 5.3 Mb\n');
    await until(() => session.answers() >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.answers()).toBe(1);
    expect(session.output()).toContain('wfserver@prod');
    expect(await session.end()).toBe(0);
  });

  it('answers lines typed one after another each on its own', async () => {
    const session = prompt();
    await until(() => session.output().includes(PROMPT));
    session.type('mta is down\n');
    await until(() => session.answers() >= 1);
    session.type('workflows are stuck\n');
    await until(() => session.answers() >= 2);
    expect(session.output()).toContain('wfserver');
    expect(await session.end()).toBe(0);
  });

  it('answers what came before an exit pasted with it, then quits without waiting for the end of input', async () => {
    const session = prompt();
    await until(() => session.output().includes(PROMPT));
    session.type('emails stopped going out\nexit\n');
    const code = await Promise.race([session.done, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 20_000))]);
    expect(code).toBe(0);
    expect(session.output().split(`${LABELS.en.likelyModule}: `)).toHaveLength(2);
    expect(session.output()).not.toContain('"exit"');
  });

  it('says how to leave in the language asked for, with a quit word of that language', async () => {
    const session = prompt('ko');
    await until(() => session.output().includes(PROMPT));
    expect(session.output()).toContain(LABELS.ko.promptQuit);
    session.type('종료\n');
    expect(await session.end()).toBe(0);
  });
});
