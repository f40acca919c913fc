import { describe, expect, it } from 'vitest';
import { processName, readHealthListing } from '../../src/core/health-listing.js';

const BANNER = '12:01:33 > Application server for Adobe Campaign Classic (7.3.5 build 9356) of 04/11/2024';
const listing = (...lines: string[]) => ['$ nlserver pdump', BANNER, ...lines].join('\n');
const ALL_PROD = [
  'syslogd@default (9822) - 8.0 MB',
  'watchdog (9800) - 4.9 MB',
  'web@default (9901) - 180.2 MB',
  'trackinglogd@default (9830) - 6.4 MB',
  'mta@prod (4500) - 20.1 MB',
  'wfserver@prod (4519) - 12.1 MB',
  'inMail@prod (4600) - 9.1 MB',
  'stat@prod (4610) - 7.7 MB',
];
const missing = (text: string, expected?: Parameters<typeof readHealthListing>[1]) => readHealthListing(text, expected)?.missing.map(processName);

describe('readHealthListing', () => {
  it('finds the mono-instance module a pdump lacks for the instance it shows', () => {
    expect(missing(listing(...ALL_PROD.filter((l) => !l.startsWith('mta@'))))).toEqual(['mta@prod']);
  });

  it('says nothing is missing when every expected module runs (the watchdog line counts as running)', () => {
    expect(readHealthListing(listing(...ALL_PROD))).toEqual({ running: expect.arrayContaining(['watchdog', 'mta@prod', 'web@default']), missing: [] });
  });

  it('expects the mono-instance modules once per instance the listing shows', () => {
    const two = [...ALL_PROD, 'mta@mkt (5500) - 20 MB', 'wfserver@mkt (5519) - 12 MB', 'stat@mkt (5610) - 7 MB'];
    expect(missing(listing(...two))).toEqual(['inMail@mkt']);
  });

  it('misses a multi-instance module and the watchdog by name, without an instance', () => {
    expect(missing(listing(...ALL_PROD.filter((l) => !l.startsWith('web@') && !l.startsWith('watchdog'))))).toEqual(['web', 'watchdog']);
  });

  it('expects only the modules CAMPAIGN_MODULES lists', () => {
    const noStat = ALL_PROD.filter((l) => !l.startsWith('stat@') && !l.startsWith('inMail@'));
    expect(missing(listing(...noStat), ['mta', 'wfserver', 'web', 'syslogd', 'watchdog', 'trackinglogd'])).toEqual([]);
  });

  it('reads a pasted listing without the banner when it has several process lines', () => {
    expect(missing(ALL_PROD.filter((l) => !l.startsWith('wfserver@')).join('\n'))).toEqual(['wfserver@prod']);
  });

  it('reads a pdump retyped in one line, as people paste it in chat', () => {
    const text = 'stats report blank since the reboot. pdump = web@default, syslogd@default, mta@prod, wfserver@prod, inMail@prod, trackinglogd@default, watchdog. nothing else';
    expect(missing(text)).toEqual(['stat@prod']);
  });

  it('reads a pasted pdump whose lines were joined into one, memory figures and all (Teams can join them)', () => {
    const joined = listing(...ALL_PROD.filter((l) => !l.startsWith('inMail@'))).replace(/\n/g, ' ');
    expect(missing(joined)).toEqual(['inMail@prod']);
    // The banner alone says it is a pdump, and so do the rows' process ids.
    expect(missing([BANNER, ...ALL_PROD.filter((l) => !l.startsWith('web@'))].join(' '))).toEqual(['web']);
    expect(missing(ALL_PROD.filter((l) => !l.startsWith('wfserver@')).join(' '))).toEqual(['wfserver@prod']);
  });

  it('reads the nlserver processes of ps or systemctl status as a listing', () => {
    const ps = [
      '$ ps -ef | grep [n]lserver',
      'neolane   1988     1  0 06:00 ?  00:00:03 /usr/local/neolane/nl6/bin/nlserver watchdog -svc -noconsole',
      'neolane   2004  1988  0 06:00 ?  00:00:10 /usr/local/neolane/nl6/bin/nlserver syslogd -noconsole',
      'neolane   2010  1988  0 06:00 ?  00:01:10 /usr/local/neolane/nl6/bin/nlserver web -tomcat -noconsole',
      'neolane   2011  1988  0 06:00 ?  00:00:10 /usr/local/neolane/nl6/bin/nlserver trackinglogd -noconsole',
      'neolane   2012  1988  0 06:00 ?  00:00:10 /usr/local/neolane/nl6/bin/nlserver stat -instance:acc -noconsole',
      'neolane   2013  1988  0 06:00 ?  00:00:10 /usr/local/neolane/nl6/bin/nlserver wfserver -instance:acc -noconsole',
      'neolane   2014  1988  0 06:00 ?  00:00:10 /usr/local/neolane/nl6/bin/nlserver inMail -instance:acc -noconsole',
    ].join('\n');
    expect(readHealthListing(ps)?.missing.map(processName)).toEqual(['mta@acc']);
    const systemctl = [
      '● nlserver.service - Adobe Campaign Classic server',
      '   CGroup: /system.slice/nlserver.service',
      '           ├─1101 /usr/local/neolane/nl6/bin/nlserver watchdog -svc -noconsole',
      '           ├─1120 nlserver syslogd -noconsole',
      '           └─1188 nlserver mta -instance:mkt -noconsole',
    ].join('\n');
    expect(readHealthListing(systemctl)?.running).toEqual(['watchdog', 'syslogd@default', 'mta@mkt']);
  });

  it('does not read a ps listing cut short by head, nor a command typed at the prompt', () => {
    expect(
      readHealthListing('$ ps -ef | grep nlserver | head -3\nneolane 1988 1 0 06:00 ? 00:00:03 nlserver watchdog -svc\nneolane 2004 1988 0 06:00 ? 00:00:10 nlserver syslogd'),
    ).toBeNull();
    expect(readHealthListing('[neolane@app02 ~]$ nlserver mta -instance:acc -tracefilter:*\n[neolane@app02 ~]$ nlserver stop mta@acc')).toBeNull();
  });

  it('does not count as running a process of a retyped pdump that the writer says is gone', () => {
    const text = 'pdump shows web@default mta@prod wfserver@prod inMail@prod syslogd@default trackinglogd@default watchdog, stat@prod gone';
    expect(missing(text)).toEqual(['stat@prod']);
  });

  it.each([
    ['plain prose', 'emails stopped going out since 9'],
    ['processes named in prose, with no pdump', 'restarted web@default, mta@prod and wfserver@prod last night, mails are slow'],
    ['one quoted process line', 'mta@prod (4500) - 20.1 MB keeps growing'],
    ['a monitor -missing line', 'nlserver monitor -missing\nwfserver@mkt'],
    ['a pdump piped through grep: what it leaves out was filtered away', 'workflows stuck. nlserver pdump | grep wf gives:\nwfserver@prod (1234) - 30 MB'],
    ['a filtered pdump of two processes', '$ nlserver pdump | grep -E "mta|web"\nmta@prod (2011) - 51.2 Mb\nweb@default (2140) - 240.1 Mb'],
  ])('is not a listing: %s', (_name, text) => {
    expect(readHealthListing(text)).toBeNull();
  });
});
