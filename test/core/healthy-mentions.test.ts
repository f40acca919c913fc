import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { buildNameIndex } from '../../src/core/module-names.js';
import { healthyMentions } from '../../src/core/healthy-mentions.js';

const knowledge = loadKnowledge(new URL('../../knowledge', import.meta.url).pathname);
const names = buildNameIndex(knowledge);
// As in the triage: words the knowledge uses are never taken for misspelt module names ("server" is not "wfserver").
const vocabulary = new Set(
  knowledge.modules.flatMap(
    (m) =>
      m.examples.en
        .join(' ')
        .toLowerCase()
        .match(/[a-z][a-z0-9]*/g) ?? [],
  ),
);

describe('healthyMentions', () => {
  it('finds a module the writer calls fine, in English and Korean', () => {
    expect(healthyMentions('mails not going out, but pdump shows the mta up and healthy', names, vocabulary)).toEqual(['mta']);
    expect(healthyMentions('메일이 안 나가요. mta는 pdump에 정상으로 떠 있는데요', names, vocabulary)).toEqual(['mta']);
  });

  it('finds it in Japanese, German and French too', () => {
    expect(healthyMentions('配信が止まっています。mtaは正常に動いていますが、statが落ちているようです', names, vocabulary)).toEqual(['mta']);
    expect(healthyMentions('Der MTA läuft normal, aber stat@prod fehlt in pdump', names, vocabulary)).toEqual(['mta']);
    expect(healthyMentions('le mta tourne bien mais le stat est planté depuis ce matin', names, vocabulary)).toEqual(['mta']);
    expect(healthyMentions('inMail läuft, keine Fehler im Log, aber die Bounces kommen nicht an', names, vocabulary)).toEqual(['inMail']);
    expect(healthyMentions('der MTA läuft nicht mehr', names, vocabulary)).toEqual([]);
    expect(healthyMentions('le workflow est bloqué, wfserver ne fonctionne plus', names, vocabulary)).toEqual([]);
  });

  it("does not take a question about a module's health for a statement of it", () => {
    for (const text of [
      'how do I check if wfserver is running?',
      'is wfserver running?',
      'whether wfserver is up',
      'wfserver 실행 중인지 어떻게 확인해요?',
      'wfserver が動いているか',
      'wie sehe ich, ob wfserver läuft?',
      'comment savoir si wfserver tourne ?',
    ]) {
      expect(healthyMentions(text, names, vocabulary)).toEqual([]);
    }
    expect(healthyMentions('mails stuck. wfserver is running fine', names, vocabulary)).toEqual(['wfserver']);
  });

  it('ignores a module named next to trouble', () => {
    expect(healthyMentions('mta is up but not sending anything', names, vocabulary)).toEqual([]);
    expect(healthyMentions('wfserver keeps crashing even though it was running fine yesterday', names, vocabulary)).toEqual([]);
    expect(healthyMentions('mta 가 죽었어요, 재시작해도 정상으로 안 떠요', names, vocabulary)).toEqual([]);
    expect(healthyMentions('pdump 에 wfserver 없고 다른 프로세스는 다 떠 있어요', names, vocabulary)).toEqual([]);
  });

  it('reads "without errors" as healthy, not as trouble', () => {
    expect(healthyMentions('the tracking workflow finishes without errors every hour, but it imports 0 logs', names, vocabulary)).toEqual(['tracking']);
    expect(healthyMentions('Tracking 워크플로는 에러 없이 잘 돌아요. 근데 가져온 로그가 0건', names, vocabulary)).toEqual(['tracking']);
  });

  it('reads a run that succeeds as healthy', () => {
    expect(healthyMentions('the Tracking workflow completed at 09:00 and 10:00, yet the opens chart is flat', names, vocabulary)).toEqual(['tracking']);
    expect(healthyMentions('트래킹 워크플로우는 매번 성공으로 나오는데 클릭 수가 그대로예요', names, vocabulary)).toEqual(['tracking']);
    expect(healthyMentions('the tracking workflow never completes since the patch', names, vocabulary)).toEqual([]);
  });

  it('reads healthy redirection logs as a healthy trackinglogd, which writes them', () => {
    expect(healthyMentions('clicks not updated since noon, redir/log on the front server is growing normally', names, vocabulary)).toEqual(['trackinglogd']);
    expect(healthyMentions('리디렉션 서버 로그는 계속 쌓이고 있는데 지표가 안 바뀌어요', names, vocabulary)).toEqual(['trackinglogd']);
    expect(healthyMentions('the redirection logs stopped growing at 02:10', names, vocabulary)).toEqual([]);
  });

  it('does not call a module fine when another clause says it is broken', () => {
    expect(healthyMentions('stat is running. stat keeps failing to hand out tokens', names, vocabulary)).toEqual([]);
  });

  it('reads "up but didn’t / hasn’t / hasnt …" as the same module in trouble, however the negation is typed', () => {
    for (const text of [
      "mta is up but didn't send anything overnight",
      'mta is up but didn’t send anything overnight',
      "the mta is running but hasn't sent a single mail since 9",
      'wfserver is running but hasnt started any workflow since noon',
      'web is up, it was not answering the console for an hour',
    ]) {
      expect(healthyMentions(text, names, vocabulary), text).toEqual([]);
    }
    expect(healthyMentions("stat is running. the mta hasn't sent a thing", names, vocabulary)).toEqual(['stat']);
  });

  it('reads slowness and lag as trouble: "up but slow" is that module in trouble', () => {
    for (const text of [
      'mta is up but slow',
      'the mta is running but very slow today',
      'trackinglogd is up but lagging',
      'inMail läuft, aber langsam',
      'le mta tourne mais il est lent',
    ]) {
      expect(healthyMentions(text, names, vocabulary), text).toEqual([]);
    }
    expect(healthyMentions('mta is fine. the tracking logs are 2 hours behind', names, vocabulary)).toEqual(['mta']);
  });

  it('reads a module the writer rules out as fine: "it\'s not the mta", "not an mta problem", "mta 문제는 아니고"', () => {
    for (const text of ["it's not the mta, the bounces just don't come back", 'not an mta problem, the bounces never come back', 'mta 문제는 아니고 반송 메일이 안 돌아와요']) {
      expect(healthyMentions(text, names, vocabulary), text).toEqual(['mta']);
    }
    expect(healthyMentions("the mta isn't sending anything", names, vocabulary)).toEqual([]);
  });

  it('reads a clause in parentheses or after a comma on its own: "(mta@prod itself is fine)"', () => {
    expect(healthyMentions('bounces are not coming back on prod (mta@prod itself is fine)', names, vocabulary)).toEqual(['mta']);
    expect(healthyMentions('mta@prod is fine, the bounces just stopped coming back', names, vocabulary)).toEqual(['mta']);
  });

  it('lists each healthy module once and nothing for plain reports', () => {
    expect(healthyMentions('mta and wfserver are running fine; only the logs stopped', names, vocabulary)).toEqual(['mta', 'wfserver']);
    expect(healthyMentions('workflows stuck in start in progress', names, vocabulary)).toEqual([]);
  });
});
