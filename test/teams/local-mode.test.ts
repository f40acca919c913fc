import { describe, expect, it } from 'vitest';
import { refuseLocalRequest, refuseLocalServiceUrl } from '../../src/teams/local-mode.js';
import { isLoopbackHostHeader, isLoopbackUrl } from '../../src/teams/loopback.js';

const JSON_TYPE = 'application/json';

describe('refuseLocalRequest', () => {
  it.each([
    ['the Emulator', { host: '127.0.0.1:3978', contentType: JSON_TYPE }, undefined],
    ['the Emulator via localhost, with a charset', { host: 'localhost:3978', contentType: 'application/json; charset=utf-8' }, undefined],
    ['IPv6 loopback', { host: '[::1]:3978', contentType: 'Application/JSON' }, undefined],
    ['any Origin', { origin: 'https://attacker.example', host: '127.0.0.1:3978', contentType: JSON_TYPE }, 'TEAMS_LOCAL_ORIGIN'],
    ['an empty Origin', { origin: '', host: '127.0.0.1:3978', contentType: JSON_TYPE }, 'TEAMS_LOCAL_ORIGIN'],
    ['a "null" Origin (sandboxed iframe)', { origin: 'null', host: '127.0.0.1:3978', contentType: JSON_TYPE }, 'TEAMS_LOCAL_ORIGIN'],
    ['a rebinding host name', { host: 'attacker.example:3978', contentType: JSON_TYPE }, 'TEAMS_LOCAL_HOST'],
    ['a host that starts like loopback', { host: '127.0.0.1.nip.io', contentType: JSON_TYPE }, 'TEAMS_LOCAL_HOST'],
    ['no Host', { contentType: JSON_TYPE }, 'TEAMS_LOCAL_HOST'],
    ['text/plain', { host: '127.0.0.1:3978', contentType: 'text/plain;charset=UTF-8' }, 'TEAMS_LOCAL_CONTENT_TYPE'],
    ['a JSON look-alike', { host: '127.0.0.1:3978', contentType: 'application/jsonp' }, 'TEAMS_LOCAL_CONTENT_TYPE'],
    ['no content type', { host: '127.0.0.1:3978' }, 'TEAMS_LOCAL_CONTENT_TYPE'],
  ])('%s', (_name, headers, code) => {
    expect(refuseLocalRequest(headers)?.code).toBe(code);
  });
});

describe('refuseLocalServiceUrl', () => {
  it.each([
    ['http://localhost:58453', true],
    ['http://127.0.0.1:9/', true],
    ['https://[::1]:8443/', true],
    ['https://smba.trafficmanager.net/emea/', false],
    ['http://0.0.0.0:9/', false],
    ['http://user:pw@127.0.0.1:9/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isLoopbackUrl(url)).toBe(allowed);
    expect(refuseLocalServiceUrl(url)?.status).toBe(allowed ? undefined : 400);
  });

  it('reads Host headers with ports and brackets', () => {
    expect(isLoopbackHostHeader('127.0.0.1')).toBe(true);
    expect(isLoopbackHostHeader('[::1]')).toBe(true);
    expect(isLoopbackHostHeader('[::1')).toBe(false);
    expect(isLoopbackHostHeader(undefined)).toBe(false);
  });
});
