import { describe, expect, it } from 'vitest';
import { readPastedOutput } from '../../src/core/pasted-output.js';

describe('readPastedOutput', () => {
  it('names every module@instance line of monitor -missing output', () => {
    const text = 'nlserver monitor -missing\ninMail@test\nmta@prod\nstat@prod\nwfserver@prod';
    expect(readPastedOutput(text).map((s) => s.module)).toEqual(['inMail', 'mta', 'stat', 'wfserver']);
  });

  it('maps "No tasks" to the watchdog', () => {
    const [signal] = readPastedOutput('$ nlserver pdump\nHH:MM:SS > Application server for Adobe Campaign Classic\nNo tasks');
    expect(signal).toEqual({ module: 'watchdog', line: 'No tasks' });
  });

  it('keeps the pasted line as evidence and names a module once', () => {
    const signals = readPastedOutput('mta@prod (1234) - 50.2 Mb\nmta@prod again');
    expect(signals).toEqual([{ module: 'mta', line: 'mta@prod (1234) - 50.2 Mb' }]);
  });

  it('finds nothing in plain prose', () => {
    expect(readPastedOutput('emails are not going out since 9am')).toEqual([]);
  });
});
