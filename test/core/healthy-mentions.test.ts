import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { buildNameIndex } from '../../src/core/module-names.js';
import { healthyMentions } from '../../src/core/healthy-mentions.js';

const names = buildNameIndex(loadKnowledge(new URL('../../knowledge', import.meta.url).pathname));

describe('healthyMentions', () => {
  it('finds a module the writer calls fine, in English and Korean', () => {
    expect(healthyMentions('mails not going out, but pdump shows the mta up and healthy', names)).toEqual(['mta']);
    expect(healthyMentions('메일이 안 나가요. mta는 pdump에 정상으로 떠 있는데요', names)).toEqual(['mta']);
  });

  it('ignores a module named next to trouble', () => {
    expect(healthyMentions('mta is up but not sending anything', names)).toEqual([]);
    expect(healthyMentions('wfserver keeps crashing even though it was running fine yesterday', names)).toEqual([]);
    expect(healthyMentions('mta 가 죽었어요, 재시작해도 정상으로 안 떠요', names)).toEqual([]);
  });

  it('reads "without errors" as healthy, not as trouble', () => {
    expect(healthyMentions('the tracking workflow finishes without errors every hour, but it imports 0 logs', names)).toEqual(['tracking']);
    expect(healthyMentions('Tracking 워크플로는 에러 없이 잘 돌아요. 근데 가져온 로그가 0건', names)).toEqual(['tracking']);
  });

  it('does not call a module fine when another clause says it is broken', () => {
    expect(healthyMentions('stat is running. stat keeps failing to hand out tokens', names)).toEqual([]);
  });

  it('lists each healthy module once and nothing for plain reports', () => {
    expect(healthyMentions('mta and wfserver are running fine; only the logs stopped', names)).toEqual(['mta', 'wfserver']);
    expect(healthyMentions('workflows stuck in start in progress', names)).toEqual([]);
  });
});
