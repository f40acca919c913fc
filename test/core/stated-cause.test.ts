import { describe, expect, it } from 'vitest';
import { statedOutsideCause } from '../../src/core/stated-cause.js';

describe('statedOutsideCause', () => {
  it.each([
    'the database server is down so nobody can log in to the console',
    'DB is down, nobody can log in',
    '데이터베이스 서버가 다운돼서 콘솔 로그인이 안 돼요',
    'Die Datenbank ist ausgefallen, niemand kann sich an der Konsole anmelden',
    'la base de données est tombée, plus personne ne peut se connecter',
    'データベースが落ちてコンソールに入れません',
  ])('reads the database stated down in %j', (text) => {
    expect(statedOutsideCause(text)).toBe('database');
  });

  it.each(['the database is not down, but workflows are stuck', 'mta is down since 9', 'the import into the database failed at line 3'])('reads no stated cause in %j', (text) => {
    expect(statedOutsideCause(text)).toBeUndefined();
  });
});
