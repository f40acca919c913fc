import { describe, expect, it } from 'vitest';
import { readPastedOutput, withoutHealthyListing } from '../../src/core/pasted-output.js';

describe('readPastedOutput', () => {
  it('names every module@instance line of monitor -missing output', () => {
    const text = 'nlserver monitor -missing\ninMail@test\nmta@prod\nstat@prod\nwfserver@prod';
    expect(readPastedOutput(text).map((s) => s.module)).toEqual(['inMail', 'mta', 'stat', 'wfserver']);
  });

  it('marks as running the module@instance a ps line carries in its arguments', () => {
    const text = ' 2240 Mon Dec  8 06:00:03 2026 nlserver mta -tracefile:mta@acc -instance:acc -detach\nconsole down since 6';
    expect(readPastedOutput(text)).toMatchObject([{ module: 'mta', running: true }]);
  });

  it('maps "No tasks" to the watchdog', () => {
    const [signal] = readPastedOutput('$ nlserver pdump\nHH:MM:SS > Application server for Adobe Campaign Classic\nNo tasks');
    expect(signal).toEqual({ module: 'watchdog', line: 'No tasks', running: false, pasted: true });
  });

  it('keeps the pasted line as evidence, names a module once, and marks running pdump lines', () => {
    const signals = readPastedOutput('mta@prod (1234) - 50.2 Mb\nmta@prod (1234) - 50.2 Mb\nwfserver@prod');
    expect(signals).toEqual([
      { module: 'mta', line: 'mta@prod (1234) - 50.2 Mb', running: true, pasted: true },
      { module: 'wfserver', line: 'wfserver@prod', running: false, pasted: true },
    ]);
  });

  it('quotes the process name, not the whole sentence, when the writer names it in prose', () => {
    expect(readPastedOutput('mta@mkt is down since 9 and nothing leaves')).toEqual([{ module: 'mta', line: 'mta@mkt', running: false, pasted: false }]);
    // A command the writer asks about is their own sentence too, not output.
    expect(readPastedOutput('does nlserver restart mta@prod pick up a change to customer.sh?')).toMatchObject([{ module: 'mta', pasted: false }]);
    expect(readPastedOutput('2026-12-06 09:01 ERROR mta@prod connection refused')[0]?.line).toBe('2026-12-06 09:01 ERROR mta@prod connection refused');
  });

  it('counts a running module as a signal again when the prose names it on its own', () => {
    const [signal] = readPastedOutput('mta@prod (1234) - 50.2 Mb\nand mta@prod keeps dying every ten minutes');
    expect(signal).toMatchObject({ module: 'mta', running: false });
  });

  it('takes the module said to be absent as the signal and the listed ones as running', () => {
    const absent = (text: string) =>
      readPastedOutput(text)
        .filter((s) => !s.running)
        .map((s) => s.module);
    expect(absent('pdump lists mta@prod, stat@prod, wfserver@prod... but no inMail@prod')).toEqual(['inMail']);
    expect(absent("mail stopped. pdump shows mta@prod running but there's no stat@ anything")).toEqual(['stat']);
    expect(absent('nlserver pdump 결과에 wfserver@prod 랑 web@default 는 있는데 mta@prod 가 안 보여요')).toEqual(['mta']);
    expect(absent("pdump lists mta@prod, wfserver@prod and the rest but there's no 'watchdog' line at the top")).toEqual(['watchdog']);
  });

  it('takes the processes of a pdump retyped in one line as running, not as signals', () => {
    const text = 'bounces piling up. pdump shows web@default, mta@prd, stat@prd, wfserver@prd, syslogd@default, trackinglogd@default, watchdog';
    expect(readPastedOutput(text).filter((s) => !s.running)).toEqual([]);
    // Without the word pdump the names are prose: each one is a signal.
    expect(readPastedOutput('web@default, mta@prd, stat@prd all restarted at 3').every((s) => !s.running)).toBe(true);
  });

  it('does not take the -missing flag of monitor for a word', () => {
    expect(readPastedOutput('nlserver monitor -missing\ninMail@prod\nwfserver@prod').every((s) => !s.running)).toBe(true);
  });

  it("takes a module's own log named beside errors as that module's signal, not syslogd's", () => {
    expect(readPastedOutput('errors in var/prod/log/wfserver.log since the upgrade')).toEqual([
      { module: 'wfserver', line: 'errors in var/prod/log/wfserver.log since the upgrade', running: false, pasted: true },
    ]);
    // A database that refuses or does not answer shows in the module's log without being the module's fault.
    expect(readPastedOutput('web.log: ODB-240000 ODBC error: could not connect to server: Connection refused')).toEqual([]);
    expect(readPastedOutput('errors in wfserver.log: ORA-12541: TNS:no listener')).toEqual([]);
    // An empty or silent log is syslogd's to explain; an error naming another module is that module's.
    expect(readPastedOutput('wfserver.log is empty since midnight, no errors anywhere')).toEqual([]);
    expect(readPastedOutput('errors in mta.log: connection to the stat server refused')).toEqual([]);
  });

  it("takes a process named as down, in words or in an alert label, as that module's signal", () => {
    expect(readPastedOutput('Problem: inMail is not running')).toEqual([{ module: 'inMail', line: 'Problem: inMail is not running', running: false, pasted: false }]);
    expect(readPastedOutput('CampaignProcessDown (module="wfserver") firing').map((s) => s.module)).toEqual(['wfserver']);
    expect(readPastedOutput('[장애] inMail 프로세스 다운 (acc)').map((s) => s.module)).toEqual(['inMail']);
    expect(readPastedOutput('mta ist abgestürzt').map((s) => s.module)).toEqual(['mta']);
    expect(readPastedOutput('web@default is down since 9').map((s) => s.module)).toEqual(['web']);
    // Said of the process: then any module's name counts.
    expect(readPastedOutput("PROCS CRITICAL: 0 processes with args 'web'").map((s) => s.module)).toEqual(['web']);
    expect(readPastedOutput('Prozess web läuft nicht').map((s) => s.module)).toEqual(['web']);
    expect(readPastedOutput('Der wfserver-Prozess auf prod läuft nicht mehr').map((s) => s.module)).toEqual(['wfserver']);
    expect(readPastedOutput('the process is down')).toEqual([]);
  });

  it('does not take a process down for its own signal when nothing relaunched it, or when the word is an ordinary one', () => {
    // Nothing relaunching a crashed module is the watchdog's failure.
    expect(readPastedOutput('mta crashed at 3am and the watchdog never brought it back')).toEqual([]);
    expect(readPastedOutput('wfserver died at 11 and nothing restarted it')).toEqual([]);
    // "web" and "tracking" are words of any sentence: they name the process with an instance only.
    expect(readPastedOutput('the web is down at home again, router issue')).toEqual([]);
    expect(readPastedOutput('tracking stopped since noon')).toEqual([]);
  });

  it('finds nothing in plain prose', () => {
    expect(readPastedOutput('emails are not going out since 9am')).toEqual([]);
  });
});

describe('withoutHealthyListing', () => {
  it('drops the pdump banner line, which names the application server on every run', () => {
    const text = '12:00:01 > Application server for Adobe Campaign Classic (7.3.5 build 9368) of 2023\nNo tasks';
    expect(withoutHealthyListing(text).trim()).toBe('No tasks');
  });

  it('drops running-process lines but keeps bare monitor -missing lines and prose', () => {
    const text = 'syslogd@default (4312) - 9.6 Mb\nweb@default (4401) - 210 Mb\nwfserver@prod\nwfserver is not in the list';
    expect(withoutHealthyListing(text).trim()).toBe('wfserver@prod\nwfserver is not in the list');
  });

  it('drops only the row: words typed after it on the same line are the report', () => {
    expect(withoutHealthyListing('wfserver@mkt (1234) - 200 MB is listed but workflows stay Start in progress on prod').trim()).toBe(
      'is listed but workflows stay Start in progress on prod',
    );
    expect(withoutHealthyListing('mta@prod (9021) - 50,2 Mo\nweb@default (4401) - 210 MiB').trim()).toBe('');
  });

  it('drops the watchdog line, which pdump prints without an instance', () => {
    expect(withoutHealthyListing('watchdog (1822) - 8.1 Mb\nweb@default (1841)\nmta is missing').trim()).toBe('mta is missing');
  });
});
