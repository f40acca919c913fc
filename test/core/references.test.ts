import { describe, expect, it } from 'vitest';
import { withoutReferences } from '../../src/core/references.js';

describe('withoutReferences', () => {
  it.each([
    ['mta is down, see https://jira.example.com/browse/INC-123', 'mta is down,'],
    ['details in INC0012345 and CHG0034567', 'details in and'],
    ['tracked as OPS-4412', 'tracked as'],
    ['mail ops@example.com when done', 'mail when done'],
    ['screenshot attached: tracking-dashboard.png', ''],
    ['workflows paused again, screenshot: console.png, ticket OPS-4412', 'workflows paused again, ,'],
    ['반송 수집 멈춤, 스크린샷 첨부 inbox.png 티켓 INC0012345', '반송 수집 멈춤,'],
    ['SoapRouterDown https://mkt.example.com/nl/jsp/soaprouter.jsp?probe=1 returns 503', 'SoapRouterDown /nl/jsp/soaprouter.jsp returns 503'],
    ['clicks on https://t.example.com/r/3fa9c?id=h7e1 give a 404', 'clicks on /r/3fa9c give a 404'],
    ['the dashboard https://grafana.example.com/d/abc/campaign?orgId=1 is red', 'the dashboard is red'],
  ])('%j keeps only %j', (text, kept) => {
    expect(withoutReferences(text).replace(/\s+/g, ' ').trim()).toBe(kept);
  });

  it.each([
    'XSV-350008 Unable to connect to the database',
    'PGS-220000 PostgreSQL error: could not connect',
    'ORA-12541: TNS:no listener',
    'tail var/prod/log/mta.log shows errno=18',
    'mta@prod (4500) - 20.1 MB',
    'nlserver restart wfserver@mkt',
    'the ticket queue is stuck, see above',
  ])('keeps the signal in %j', (text) => {
    expect(withoutReferences(text)).toBe(text);
  });
});
