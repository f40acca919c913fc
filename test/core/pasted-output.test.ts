import { describe, expect, it } from 'vitest';
import { readPastedOutput, withoutBanners } from '../../src/core/pasted-output.js';

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

describe('withoutBanners', () => {
  it('drops the pdump banner line, which names the application server on every run', () => {
    const text = '12:00:01 > Application server for Adobe Campaign Classic (7.3.5 build 9368) of 2023\nNo tasks';
    expect(withoutBanners(text).trim()).toBe('No tasks');
  });
});
