import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage } from '../../src/core/triage.js';
import { typedCommands } from '../../src/core/typed-command.js';
import { renderTeams } from '../../src/teams/card.js';
import { renderSlack } from '../../src/slack/blocks.js';
import { renderTerminal } from '../../src/cli/terminal.js';

describe('a command quoted as translated docs pages write it', () => {
  it.each([
    ['nlserver 시작 웹 했는데 명령을 못 찾는다고 나와요', 'nlserver 시작 웹', 'nlserver start web'],
    ['nlserver 웹 다시 시작 하면 되나요', 'nlserver 웹 다시 시작', 'nlserver restart web'],
    ['nlserver 구성 -reload 하라는데 안 먹어요', 'nlserver 구성 -reload', 'nlserver config -reload'],
    ['nlserver 중지 syslogd', 'nlserver 중지 syslogd', 'nlserver stop syslogd'],
    ['/etc/init.d/nlserver6 상태 로 봤어요', '/etc/init.d/nlserver6 상태', '/etc/init.d/nlserver6 status'],
    ['nlserver 시작 mta@prod -verbose 로 띄웠어요', 'nlserver 시작 mta@prod -verbose', 'nlserver start mta@prod -verbose'],
    ['점검 전에 nlserver 종료 했습니다', 'nlserver 종료', 'nlserver shutdown'],
  ])('%j: %j is typed as %j', (text, typed, english) => {
    expect(typedCommands(text)).toEqual([{ typed, english }]);
  });

  it.each(['nlserver restart web 했어요', 'nlserver pdump 결과 공유드립니다', 'nlserver 재시작 해도 되나요', 'nlserver 시작했는데 mta 안 떠요'])(
    "finds none in %j (English, or the writer's own Korean)",
    (text) => {
      expect(typedCommands(text)).toEqual([]);
    },
  );

  it('is said on the card, with the command to type, in the terminal, Slack and Teams', () => {
    const knowledge = loadKnowledge('knowledge');
    const reply = createTriage(knowledge).reply('nlserver 시작 웹 했는데 명령을 못 찾는다고 나와요');
    expect(reply.kind === 'diagnosis' || reply.kind === 'howto' ? reply.diagnosis.typedCommands : undefined).toEqual([
      { typed: 'nlserver 시작 웹', english: 'nlserver start web' },
    ]);
    expect(renderTerminal(reply, { knowledge, color: false })).toContain('`nlserver 시작 웹` 대신 `nlserver start web` 명령을 입력하세요');
    expect(JSON.stringify(renderSlack(reply, { knowledge }).blocks)).toContain('`nlserver 시작 웹` 대신 `nlserver start web` 명령을 입력하세요');
    const card = JSON.stringify(renderTeams(reply, { knowledge }).card);
    expect(card).toContain('"text":"nlserver start web"');
    expect(card).toContain(' 명령을 입력하세요');
  });
});
