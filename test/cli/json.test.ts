import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Diagnosis } from '../../src/core/types.js';
import { LABELS } from '../../src/render/labels.js';
import { toJsonReply } from '../../src/cli/json.js';

const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));

const diagnosis: Diagnosis = {
  module: 'tracking',
  confidence: 0.8,
  also: ['trackinglogd'],
  candidates: [
    { module: 'tracking', score: 0.8 },
    { module: 'trackinglogd', score: 0.15 },
  ],
  evidence: ['clicks'],
  lang: 'ko',
};

describe('toJsonReply', () => {
  it('resolves the diagnosed module in the reply language with the instance filled in', () => {
    const json = toJsonReply({ kind: 'diagnosis', lang: 'ko', diagnosis, query: '클릭이 집계되지 않아요' }, { knowledge, instance: 'prod' });
    if (json.kind !== 'diagnosis' || !json.module) throw new Error('expected a resolved diagnosis');
    const entry = knowledge.byId.get('tracking');
    expect(json.diagnosis).toEqual(diagnosis);
    expect(json.instance).toBe('prod');
    expect(json.module.steps).toEqual(entry?.remediation.ko.map((s) => s.replaceAll('{instance}', 'prod')));
    expect(JSON.stringify(json)).not.toContain('{instance}');
    for (const doc of json.module.docs) expect(new URL(doc.url).searchParams.get('lang')).toBe('ko');
    expect(json.also).toEqual([{ id: 'trackinglogd', name: knowledge.byId.get('trackinglogd')?.name.ko, type: 'multi', scope: knowledge.byId.get('trackinglogd')?.scope.ko }]);
  });

  it('gives module null and instance null when the triage abstains and no instance is set', () => {
    const json = toJsonReply({ kind: 'diagnosis', lang: 'en', diagnosis: { ...diagnosis, module: null, also: [], lang: 'en' }, query: 'lunch?' }, { knowledge });
    expect(json).toMatchObject({ kind: 'diagnosis', module: null, also: [], instance: null });
  });

  it('shows <instance> in commands when no instance is set, and carries invalid messages', () => {
    const mta = knowledge.byId.get('mta');
    if (!mta) throw new Error('knowledge has no mta');
    const json = toJsonReply({ kind: 'module', lang: 'en', module: mta }, { knowledge });
    expect(JSON.stringify(json)).toContain('nlserver restart mta@<instance>');
    expect(JSON.stringify(json)).not.toContain('{instance}');
    expect(toJsonReply({ kind: 'invalid', lang: 'ko', reason: 'empty' }, { knowledge })).toEqual({
      kind: 'invalid',
      lang: 'ko',
      reason: 'empty',
      message: LABELS.ko.empty,
    });
  });
});
