import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, type Stage } from './parseDockerfile';
import { probeHealthcheck } from './probeHealthcheck';

const here = import.meta.dirname;
const dockerfile = parseDockerfile(readFileSync(path.join(here, 'Dockerfile'), 'utf8'));
const rootPackage = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('docker/Dockerfile', () => {
  it('should build in the stages manifests → deps → build → prod-deps → runtime', () => {
    // given / when
    const names = dockerfile.stages.map((s) => s.name);

    // then
    expect(names).toEqual(['manifests', 'deps', 'build', 'prod-deps', 'runtime']);
    expect(stage('build').from).toBe('deps');
  });

  it('should install with npm ci, build the front ends and install production deps with tsx', () => {
    // given
    const deps = runs(stage('deps'));
    const build = runs(stage('build'));
    const prodDeps = runs(stage('prod-deps'));

    // then
    expect(deps).toMatch(/\bnpm ci\b/);
    expect(build).toContain('npm run build --if-present');
    expect(prodDeps).toMatch(/\bnpm ci --omit=dev\b/);
    // tsx runs the server, so it must survive --omit=dev.
    expect(prodDeps).toContain('npm pkg set "dependencies.tsx=');
  });

  it('should run as a non-root user on node:20-bookworm-slim with the container settings', () => {
    // given
    const runtime = stage('runtime');
    const env = args(runtime, 'ENV').join(' ');

    // then
    expect(runtime.from).toBe('node:20-bookworm-slim');
    expect(args(runtime, 'USER')).toEqual(['node']);
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(env).toMatch(/\bGATEWAY_ADDRESS=0\.0\.0\.0:26500\b/);
    expect(args(runtime, 'EXPOSE').join(' ').split(/\s+/)).toEqual(['8080', '26500']);
    // Only built output and production dependencies reach the runtime image.
    const copies = args(runtime, 'COPY').join('\n');
    expect(copies).toContain('--from=prod-deps /app/node_modules');
    expect(copies).not.toMatch(/--from=(deps|build) \/app\/node_modules/);
  });

  it('should start the same entry as `npm start`, with tsx and without npm in between', () => {
    // given
    const cmd = JSON.parse(args(stage('runtime'), 'CMD')[0] ?? '[]') as string[];
    const entry = rootPackage.scripts.start?.split(/\s+/).at(-1);

    // then
    expect(cmd[0]).toBe('node');
    expect(cmd).toContain('tsx');
    expect(cmd.at(-1)).toBe(entry);
  });

  it('should report healthy only while GET /health answers 200', async () => {
    // given
    const argv = healthcheckArgv();

    // when
    const up = await probeHealthcheck(argv, { '/health': 200 });
    const failing = await probeHealthcheck(argv, { '/health': 503 });
    const down = await probeHealthcheck(argv, null);

    // then
    expect([up, failing, down]).toEqual([0, 1, 1]);
  });
});

describe('docker/Dockerfile.dockerignore', () => {
  it('should keep dependencies, build output, data, git and secrets out of the build context', () => {
    // given
    const patterns = readFileSync(path.join(here, 'Dockerfile.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));

    // then
    expect(patterns).toEqual(
      expect.arrayContaining(['**/node_modules', '**/dist', '.git', 'data', '**/.env']),
    );
  });
});

function stage(name: string): Stage {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (!found) throw new Error(`Dockerfile has no stage ${name}`);
  return found;
}

function args(of: Stage, keyword: string): string[] {
  return of.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

function runs(of: Stage): string {
  return args(of, 'RUN').join('\n');
}

function healthcheckArgv(): string[] {
  const [line] = args(stage('runtime'), 'HEALTHCHECK');
  const json = /\bCMD\s+(\[.*\])\s*$/.exec(line ?? '')?.[1];
  if (!json) throw new Error('runtime stage has no HEALTHCHECK CMD ["…"] instruction');
  return JSON.parse(json) as string[];
}
