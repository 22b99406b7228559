import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBpmn } from '../../model/parseBpmn';
import { rawGatewayClient } from '../compat/rawGatewayClient';
import { startTestGateway, type TestGateway } from '../compat/startTestGateway';
import { anyDocument, hostileDocuments, validModel } from './hostileBpmn';

// Fixed seeds: a failure replays the same way; few runs keep `npm test` fast.
const seed = 11;

describe('the BPMN reader on bad input', () => {
  it('should read the unmutated model (the fuzzing starts from something valid)', async () => {
    // when
    const result = await parseBpmn(validModel, 'fuzzed.bpmn');

    // then
    expect(result.ok).toBe(true);
  });

  it('should answer every random document with a result or errors that each say something', async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, async (xml) => {
        // when
        const result = await parseBpmn(xml, 'random.bpmn');

        // then
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error.message.length).toBeGreaterThan(10);
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it.each(Object.keys(hostileDocuments))(
    'should refuse %s with a message naming it, in bounded time',
    async (name) => {
      // when
      const result = await parseBpmn(hostileDocuments[name]!, name);

      // then
      expect(result.ok).toBe(false);
      const messages = result.ok ? [] : result.errors.map((e) => e.message);
      expect(messages.join(' ')).toContain(name);
      for (const message of messages) expect(message.length).toBeLessThan(600);
    },
    20_000,
  );
});

describe('DeployResource on bad input', { timeout: 120_000 }, () => {
  let gateway: TestGateway;
  let client: ReturnType<typeof rawGatewayClient>;

  beforeAll(async () => {
    gateway = await startTestGateway();
    client = rawGatewayClient(gateway.grpcAddress);
  }, 120_000);

  afterAll(async () => {
    client.close();
    await gateway?.close();
  }, 60_000);

  const deploy = (name: string, content: string | Buffer) =>
    client.unary<{ key: string }>('DeployResource', {
      resources: [{ name, content: Buffer.from(content) }],
    });

  it('should deploy or answer INVALID_ARGUMENT for random documents, never fail inside', async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, async (xml) => {
        // when
        const { error } = await deploy('random.bpmn', xml);

        // then
        if (error) {
          expect(error.code, error.details).toBe(3);
          expect(error.details).toContain('random.bpmn');
        }
      }),
      { seed, numRuns: 40 },
    );
  });

  it('should refuse every hostile document with a clear status and keep serving', async () => {
    for (const [name, xml] of Object.entries(hostileDocuments)) {
      // when
      const { error } = await deploy(name, xml);

      // then
      expect(error, name).not.toBeNull();
      if (Buffer.byteLength(xml) > 4 * 1024 * 1024) {
        // Over gRPC's message limit: refused before it is read, as Zeebe's gateway does.
        expect(error?.code, name).toBe(8);
        expect(error?.details, name).toMatch(/larger than max/);
      } else {
        expect(error?.code, `${name}: ${error?.details}`).toBe(3);
        expect(error?.details, name).toContain(name);
      }
    }
    const { error } = await client.unary('Topology', {});
    expect(error).toBeNull();
  });

  it('should refuse resources that are not BPMN, forms or decisions by name and content', async () => {
    // when
    const wrongKind = await deploy('script.js', 'process.exit(1)');
    const emptyName = await deploy('', validModel);
    const none = await client.unary('DeployResource', { resources: [] });

    // then
    for (const { error } of [wrongKind, emptyName, none]) {
      expect(error?.code).toBe(3);
      expect(error?.details.length).toBeGreaterThan(10);
    }
  });
});
