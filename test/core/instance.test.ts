import { describe, expect, it } from 'vitest';
import { chooseInstance, environmentOfHost, instancesNamed } from '../../src/core/instance.js';

const names = (text: string, known?: string[]) =>
  instancesNamed(text, known)
    .filter((n) => !n.maybe)
    .map((n) => n.name);

describe('instancesNamed', () => {
  it.each([
    ['mta@mkt keeps crashing every 10 minutes', ['mkt']],
    ['nlserver start wfserver@acc_prd did nothing', ['acc_prd']],
    ['see /usr/local/neolane/nl6/var/mkt/log/mta.log', ['mkt']],
    ["Unable to rename file '/tmp/tmp0000.tmp' to /usr/local/neolane/nl6/bin/..//var/prod/mta/86510470.xml ;(errno=18)", ['prod']],
    ['nothing new under var/mkt/redir/log since 3am', ['mkt']],
    ['the mta node in conf/config-eu-prod.xml has no statServerAddress', ['eu-prod']],
    ['ran nlserver mta -instance:stage2 -tracefilter:*', ['stage2']],
    ['workflows are stuck on the acc_prd instance', ['acc_prd']],
    ['bounces not read for instance mkt', ['mkt']],
    ['instance: mkt, bounces not processed', ['mkt']],
    ['mta keeps dying on prod since 9', ['prod']],
    ['deliveries pending in uat_2', ['uat_2']],
    ['mkt 인스턴스에서 워크플로가 안 돌아요', ['mkt']],
    ['인스턴스 acc_prd 에서 반송 메일 처리가 안 돼요', ['acc_prd']],
    ['prod에서 메일 발송이 멈췄어요', ['prod']],
    ['ALERT campaign_instance="eu_prod" severity="critical"', ['eu_prod']],
    ['stat down, env="eu_prod"', ['eu_prod']],
    ['Problem name: Campaign eu_prod: stat process not running', ['eu_prod']],
    ['eu_prod: workflows stuck', ['eu_prod']],
    ['telnet camp-stat01 7777 하면 Connection refused 나와요. acc mta가 통계 서버에 못 붙는 것 같아요', ['acc']],
  ])('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'emails stopped going out in production',
    'the broken instance keeps failing on monday',
    'on devices the links do not open',
    'mta@prod.example.com bounced',
    'nothing sent in testing either',
    'web@default answers 503',
    '워크플로가 시작되지 않아요',
    'mta crashes on x86_64 since the upgrade',
    'the build fails on build-9032',
    'web is down in tomcat-8',
    'wfserver dies on debian-12 hosts',
    'wfserver stuck on the Q4-newsletter workflow',
    'mta down in the EU-west datacenter',
    'emails stuck in pending on the X-Mailer header change',
    'on campaign-mkt-app02 the inMail process is gone',
    'emails not going out on srv-camp01',
    '[알림] campaign-prod-app01: syslogd@default 프로세스 없음',
    // Options and settings: camel case, or a module's name first.
    'NmsTracking_LastConsolidation が3日前のままで、クリック数が増えません',
    'NmsTracking_LastConsolidation 값이 3일째 그대로예요',
    'workflows stuck on NmsOperation_LimitConcurrency',
    'mta_debug が出力されません',
    // A workflow's, an activity's or a function's name: plain words joined.
    'workflow stuck on wait_for_file activity since 02:00',
    'workflows stuck in start in progress for wkf_daily_export',
    'wait_for_file 액티비티에서 워크플로가 멈췄어요',
    'daily_export 워크플로가 시작 진행 중에서 안 넘어가요',
    'JST-310000 error in the script on step_check',
    // A host named after the module it runs.
    'stat unreachable on camp-stat01',
    'mails queue on camp-mta02',
  ])('names no instance in %j', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['Auf der Instanz mkt_de hängt der Workflow', ['mkt_de']],
    ['Der MTA auf prod ist down', ['prod']],
    ['Instanz: eu-prd, Versand steht', ['eu-prd']],
    ["sur l'instance mkt_fr le workflow reste bloqué", ['mkt_fr']],
    ['en prod les diffusions restent en attente', ['prod']],
    ['prodインスタンスでワークフローが止まっています', ['prod']],
    ['mkt01環境の配信が止まった', ['mkt01']],
    ['stg の inMail が死んでる', ['stg']],
    ['Die Instanz läuft nicht', []],
    ["l'instance est down depuis ce matin", []],
  ])('reads the instance in Japanese, German and French: %s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('ties an instance to the module it is written with', () => {
    expect(instancesNamed('stat@prod is fine but mta@mkt is not')).toEqual([
      { name: 'prod', module: 'stat' },
      { name: 'mkt', module: 'mta' },
    ]);
  });

  it('ties an instance to the module written a few words before it', () => {
    expect(instancesNamed('emails stuck on mkt, wfserver on prod also stuck')).toEqual([
      { name: 'mkt', module: null },
      { name: 'prod', module: 'wfserver' },
    ]);
    expect(instancesNamed('mta keeps dying on uat_2')).toEqual([{ name: 'uat_2', module: 'mta' }]);
    expect(chooseInstance(instancesNamed('emails stuck on mkt, wfserver on prod also stuck'), 'wfserver', { configured: 'prod' })).toMatchObject({ name: 'prod', others: ['mkt'] });
  });

  it('recognises the configured instances wherever they stand as a word', () => {
    expect(names('emails from emea stuck since noon', ['emea', 'apac'])).toEqual(['emea']);
    expect(names('emails from emea stuck since noon')).toEqual([]);
    expect(names('emails stuck on prod/mkt', ['prod', 'mkt'])).toEqual(['prod', 'mkt']);
    expect(names('see var/prod/log/mta.log', ['prod', 'mkt'])).toEqual(['prod']);
  });

  it('still reads an environment name after "the" and an instance-like name without it', () => {
    expect(names('mta stuck on the prod box')).toEqual(['prod']);
    expect(names('mails stuck on acc_prd since 9')).toEqual(['acc_prd']);
    expect(names('wfserver keeps dying on eu-prod')).toEqual(['eu-prod']);
  });
});

describe('an instance tagged the way chat messages tag it', () => {
  it.each([
    ['[mkt] mta keeps restarting', ['mkt']],
    ['mta down (mkt)', ['mkt']],
    ['mkt: workflows stuck since 9', ['mkt']],
    ['MKT instance - emails not leaving', ['MKT']],
    ['mkt mta down', ['mkt']],
    ['emails stuck on prod and mkt', ['prod', 'mkt']],
    ['restart mta for prod and mkt please', ['prod', 'mkt']],
    ['URGENT: mkt - workflows not starting since 3pm', ['mkt']],
    ['prod ok. mkt: web will not start', ['mkt']],
    ['env=mkt host=campaign-mkt-app02 mta down', ['mkt']],
    ['instance name is acc_prd, mta not sending', ['acc_prd']],
    ['prod/mkt both have stuck workflows', ['prod', 'mkt']],
    ['@channel prod down!! mta not sending', ['prod']],
    ['on the marketing instance (mkt) the mta is down', ['mkt']],
    ['바운스 메일 모듈 죽었음 @mkt', ['mkt']],
    ['@acc_prd workflows stuck', ['acc_prd']],
  ])('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'Test: sent a proof to myself and nothing arrived',
    'mails stuck (see the screenshot)',
    'the newsletter mta went quiet',
    '@here mails stuck, ping @john',
    'mta core dump, gdb bt: #2 0x00007f1c29e2a6ba in start_thread () from /lib64/libpthread.so.0',
    'wfserver fails in load_config(path) at startup',
  ])('names no instance in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('a name that may be a host', () => {
  it.each([
    'mta down on rt1',
    'rt1에서 mta 가 죽었어요',
    'rt1でmtaが落ちました',
    'mta auf rt1 ist down',
    'mta sur rt1 est down',
    'mta down on app03',
    '[rt1] inMail not processing bounces',
    'rt1 mta down',
    'mta down on node2',
    'CRITICAL check_http -H camp-acc-app01 -p 8080: connection refused',
    'check_procs --hostname=rt1 -a inMail CRITICAL',
    'Zabbix host camp-acc-app01: mta is not running',
    'Host: camp-acc-app01 Problem: wfserver is not running',
  ])('%j names it as maybe an instance', (text) => {
    expect(
      instancesNamed(text)
        .filter((n) => n.maybe)
        .map((n) => n.name),
    ).toHaveLength(1);
  });

  it.each(['mta fails on v7 build 9032', 'mails stuck on rhel8 since the upgrade', 'bounces pile up on port 25', 'mta dies on java11', 'the export script broke on node20'])(
    '%j names none',
    (text) => {
      expect(instancesNamed(text)).toEqual([]);
    },
  );

  it('is an instance once CAMPAIGN_INSTANCES lists it, or once the writer calls it one', () => {
    expect(instancesNamed('mta down on rt1', ['prod', 'rt1'])).toEqual([{ name: 'rt1', module: 'mta' }]);
    expect(instancesNamed('instance rt1: mta down')).toEqual([{ name: 'rt1', module: null }]);
    expect(instancesNamed('mails stuck @rt1', ['prod', 'rt1'])).toEqual([{ name: 'rt1', module: null }]);
    expect(instancesNamed('mails stuck @rt1')).toEqual([{ name: 'rt1', module: null, maybe: true }]);
  });

  it('keeps the configured default out of the commands: they show <instance> and the card says why', () => {
    expect(chooseInstance(instancesNamed('mta down on rt1'), 'mta', { configured: 'prod' })).toEqual({ name: null, source: 'none', others: [], unknown: false, maybe: ['rt1'] });
    expect(chooseInstance(instancesNamed('mta down on rt1'), 'mta', { configured: 'rt1' })).toMatchObject({ name: 'rt1', source: 'default' });
    expect(chooseInstance(instancesNamed('mta@mkt went down on app03'), 'mta', { configured: 'prod' })).toEqual({
      name: 'mkt',
      source: 'message',
      others: ['app03'],
      unknown: false,
    });
  });
});

describe('a label value', () => {
  it('with a port is a host, not the instance: Prometheus puts the scraped host:port in instance=', () => {
    expect(instancesNamed('process="stat" instance="camp-app02:9256" campaign_instance="eu_prod"').map((n) => n.name)).toEqual(['eu_prod']);
  });
});

describe('a name after a preposition', () => {
  it('is still read when an address cut out before it leaves two prepositions side by side', () => {
    // withoutReferences turns "bounces from mailer-daemon@gmail.com on eu_prod" into "bounces from   on eu_prod".
    expect(instancesNamed('inMail crashes on a bounce from   on eu_prod')).toEqual([{ name: 'eu_prod', module: null }]);
  });
});

describe('a host whose name points at an environment', () => {
  it('keeps another instance out of the commands, and not the one it points at', () => {
    const named = instancesNamed('wfserver crashed on campaign-mkt-app02');
    expect(chooseInstance(named, 'wfserver', { configured: 'prod' })).toMatchObject({ name: null, source: 'none', maybe: ['campaign-mkt-app02'] });
    expect(chooseInstance(instancesNamed('wfserver crashed on campaign-prod-app01'), 'wfserver', { configured: 'prod' })).toMatchObject({ name: 'prod', source: 'default' });
    expect(chooseInstance(instancesNamed('emails not going out on srv-camp01'), 'mta', { configured: 'prod' })).toMatchObject({ name: 'prod', source: 'default' });
  });

  it('says which environment the host points at', () => {
    expect(environmentOfHost('campaign-mkt-app02')).toBe('mkt');
    expect(environmentOfHost('cc-prod-mid01')).toBe('prod');
    expect(environmentOfHost('srv-camp01')).toBeUndefined();
    expect(environmentOfHost('mkt')).toBeUndefined();
  });
});

describe('a configured name beside a description', () => {
  it('is the one the commands use', () => {
    const named = instancesNamed('Sending stopped on the marketing instance (mkt)', ['prod', 'mkt']);
    expect(chooseInstance(named, 'mta', { configured: 'prod', known: ['prod', 'mkt'] })).toMatchObject({ name: 'mkt', source: 'message', others: [] });
  });
});

describe('an instance written in another case than CAMPAIGN_INSTANCES', () => {
  it('is spelled as configured, once, since commands and paths are case-sensitive', () => {
    expect(names('MKT: mails stuck, see mta@Mkt', ['prod', 'mkt'])).toEqual(['mkt']);
    expect(names('mta@MKT is down')).toEqual(['MKT']);
  });
});

describe('chooseInstance', () => {
  const named = instancesNamed('stat@prod looks fine, mta@mkt is down');

  it('takes --instance over everything', () => {
    expect(chooseInstance(named, 'mta', { flag: 'qa', configured: 'prod' })).toMatchObject({ name: 'qa', source: 'flag', others: ['prod', 'mkt'] });
  });

  it('takes the instance tied to the diagnosed module over the configured default, and lists the others', () => {
    expect(chooseInstance(named, 'mta', { configured: 'prod' })).toEqual({ name: 'mkt', source: 'message', others: ['prod'], unknown: false });
    expect(chooseInstance(named, 'stat', { configured: 'mkt' })).toMatchObject({ name: 'prod', source: 'message' });
  });

  it('falls back to CAMPAIGN_INSTANCE, then to none', () => {
    expect(chooseInstance([], 'mta', { configured: 'prod' })).toEqual({ name: 'prod', source: 'default', others: [], unknown: false });
    expect(chooseInstance([], 'mta')).toEqual({ name: null, source: 'none', others: [], unknown: false });
  });

  it('uses a named instance missing from CAMPAIGN_INSTANCES, and flags it', () => {
    expect(chooseInstance(instancesNamed('mta@mtk is down'), 'mta', { known: ['prod', 'mkt'] })).toMatchObject({ name: 'mtk', unknown: true });
    expect(chooseInstance(instancesNamed('mta@mkt is down'), 'mta', { known: ['prod', 'mkt'] })).toMatchObject({ name: 'mkt', unknown: false });
  });
});
