import { describe, expect, it } from 'vitest';
import { chooseInstance, siteInstances } from '../../src/core/instance.js';
import { instancesInMessage } from '../../src/core/instances-in-message.js';

const KNOWN = ['prod', 'mkt', 'staging', 'acc_prd'];
const chosen = (text: string, module: 'stat' | 'mta') => chooseInstance(instancesInMessage(text, null, KNOWN), module, { configured: 'prod', known: KNOWN }).name;

describe('instancesInMessage', () => {
  it.each([
    ['stat@mkt is there but stat@prod is missing', 'stat', 'prod'],
    ['stat@mkt 는 있는데 stat@prod 만 없어요', 'stat', 'prod'],
    ['mta@prod 는 잘 도는데 mta@mkt 가 죽었어요', 'mta', 'mkt'],
    ['mta@prod crashed, mta@mkt is fine', 'mta', 'prod'],
    ['mta@mkt keeps crashing, see also mta@prod', 'mta', 'mkt'],
    // The writer rules an instance out, in the same clause as the trouble or tied to another module.
    ['prod is ok, only mkt: mails stuck in pending', 'mta', 'mkt'],
    ['mta@prod is fine, only mkt is stuck', 'mta', 'mkt'],
    ['not prod but staging: mails stuck', 'mta', 'staging'],
    ['everything other than mkt sends, staging is stuck', 'mta', 'staging'],
    ['prod 말고 mkt에서 메일 안 나감', 'mta', 'mkt'],
    ['prod 인스턴스는 정상인데 mkt 발송이 멈췄어요', 'mta', 'mkt'],
    ['prod は問題ない、mkt でメールが送れない', 'mta', 'mkt'],
    ['prod läuft normal, aber auf mkt hängen die Mails', 'mta', 'mkt'],
    ['sauf prod, rien ne part sur mkt', 'mta', 'mkt'],
    ['prod and mkt are fine, only acc_prd workflows stuck', 'mta', 'acc_prd'],
    ['prod, mkt and staging are ok but acc_prd mails stuck', 'mta', 'acc_prd'],
    ['prod OK. mkt: no emails since 9am', 'mta', 'mkt'],
    ['prod: ok, mkt: mails stuck', 'mta', 'mkt'],
    ['emails stuck on mkt, prod is fine', 'mta', 'mkt'],
    // What the writer already did to one instance is no trouble of it.
    ['we restarted mta@prod already, now mkt is failing to send too', 'mta', 'mkt'],
    ['mta@prod는 재시작했는데 mkt 쪽 메일이 안 나가요', 'mta', 'mkt'],
    ['we restarted mta@prod already but it is still not sending', 'mta', 'prod'],
    ['I just restarted mta@mkt and mails are still stuck', 'mta', 'mkt'],
    // Not ruled out: trouble said of it, or nothing said.
    ['prod is not ok, mails stuck, mkt too', 'mta', 'prod'],
    ['mails stuck on prod and mkt', 'mta', 'prod'],
    // German and French say "not" after the verb: the trouble is on the instance that follows.
    ['MTA läuft nicht auf mkt', 'mta', 'mkt'],
    ['le mta ne démarre pas sur mkt', 'mta', 'mkt'],
    ['nicht prod, sondern mkt: Mails hängen', 'mta', 'mkt'],
    ['pas prod, mais mkt : les mails restent bloqués', 'mta', 'mkt'],
    // …unless they open the clause, contrasting two instances.
    ['pas sur prod, sur mkt : les bounces ne sont pas traités', 'mta', 'mkt'],
    ['nicht auf prod, sondern auf mkt: Bounces werden nicht verarbeitet', 'mta', 'mkt'],
    // Said fine in other words, in every language.
    ['mta@prod läuft, aber auf mkt hängen die Sendungen', 'mta', 'mkt'],
    ['Auf prod läuft alles, nur auf mkt stürzt der wfserver ab', 'mta', 'mkt'],
    ['prod 아니고 mkt입니다. mta 다운', 'mta', 'mkt'],
    ['prod가 아니라 mkt에서 mta가 죽어요', 'mta', 'mkt'],
    ['prodではなくmktでバウンスが処理されない', 'mta', 'mkt'],
    ["mta on prod isn't the issue — it's mkt", 'mta', 'mkt'],
    ['mta is fine on prod but not on mkt', 'mta', 'mkt'],
    ['mta fine on mkt, prod has stuck deliveries', 'mta', 'prod'],
    ['mkt 쪽은 정상, prod 쪽 inMail이 안 돌아요', 'mta', 'prod'],
    ['mkt では正常、prod で wfserver が落ちる', 'mta', 'prod'],
    ['sur mkt ça marche, sur prod le wfserver plante', 'mta', 'prod'],
  ] as const)('%j: the instance where the trouble is → %s@%s', (text, module, instance) => {
    expect(chosen(text, module)).toBe(instance);
  });

  it('falls back to the configured instance when the only one named is ruled out', () => {
    expect(chooseInstance(instancesInMessage('mkt is fine, mails stuck', null, KNOWN), 'mta', { configured: 'prod', known: KNOWN })).toMatchObject({
      name: 'prod',
      source: 'default',
    });
  });

  it('never falls back to the configured instance when the asker rules it out: the card asks for the instance instead', () => {
    expect(chooseInstance(instancesInMessage('prod is fine, mails stuck', null, KNOWN), 'mta', { configured: 'prod', known: KNOWN })).toMatchObject({ name: null, source: 'none' });
  });

  it.each([
    'workflows stuck (not prod)',
    'Workflows hängen (nicht prod)',
    'workflows bloqués (pas prod)',
    '워크플로가 멈췄어요 (prod 아님)',
    'ワークフローが止まっています(prod ではない)',
  ])('%j: the configured instance ruled out keeps the commands on <instance>, with CAMPAIGN_INSTANCE alone set', (text) => {
    const settings = { configured: 'prod' };
    expect(chooseInstance(instancesInMessage(text, null, siteInstances(settings)), 'wfserver', settings)).toMatchObject({ name: null, source: 'none' });
  });

  it('takes a name a pasted listing shows to be an instance as one in the writer’s words, before the listing’s order', () => {
    const listing = 'nlserver pdump\nmta@prod (2233) - 80 MB\nwfserver@prod (2240) - 60 MB\nmta@mkt (2234) - 80 MB\nwfserver@mkt (2241) - 60 MB\n';
    expect(instancesInMessage(`${listing}everything is listed but the mkt deliveries are stuck`, null).map((n) => n.name)).toEqual(['mkt', 'prod']);
    // Written as module@instance elsewhere in the text, it is one too.
    expect(instancesInMessage('pdump shows mta@prod and mta@eu_prod, the eu_prod emails are stuck in pending', null).map((n) => n.name)).toEqual(['eu_prod', 'prod']);
    // Without the listing, "mkt" in front of a noun is no instance the text names.
    expect(instancesInMessage('everything is listed but the mkt deliveries are stuck', null)).toEqual([]);
    // "default" is how pdump names shared processes, not an instance the prose names ("by default").
    expect(instancesInMessage('nlserver pdump\nweb@default (1234) - 120 MB\nmta@prod (2233) - 80 MB\nby default it was fine', null).map((n) => n.name)).toEqual(['prod']);
  });

  it('keeps the order of writing when no clause reports trouble', () => {
    expect(instancesInMessage('mta@mkt and mta@prod, which one should I look at first?', null).map((n) => n.name)).toEqual(['mkt', 'prod']);
  });
});
