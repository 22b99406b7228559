import { BalcaoError, createLogger } from '@balcao/platform';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AgencyEndpoints } from './AgencyEndpoints';
import { BpmnError, connectorError } from './ConnectorError';
import { defineConnector } from './defineConnector';
import { handleJob, type JobDeps, type JobLike } from './handleJob';

const endpoint = { url: 'http://127.0.0.1:1/x', apiKey: 'k' };
const agencies: AgencyEndpoints = {
  civilRegistry: endpoint,
  tax: endpoint,
  documentExchange: endpoint,
  payment: endpoint,
  notification: endpoint,
};
const deps: JobDeps = {
  secrets: { API_TOKEN: 'tok-123456' },
  agencies,
  log: createLogger({ level: 'silent', format: 'json' }),
  defaultTimeoutMs: 1_000,
  defaultRetryBackoffMs: 100,
  defaultRetries: 3,
};

function job(
  variables: Record<string, unknown>,
  customHeaders: Record<string, unknown> = {},
  retries = 3,
): JobLike {
  return {
    key: '2251799813685249',
    type: 'test:echo:1',
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'task',
    retries,
    variables,
    customHeaders,
  };
}

const echo = defineConnector({
  type: 'test:echo:1',
  input: z.object({ name: z.string(), token: z.string().optional() }),
  run: async (input, ctx) => ({
    greeting: `hello ${input.name}`,
    key: ctx.idempotencyKey,
    usedToken: input.token !== undefined,
  }),
});

describe('handleJob', () => {
  it('should complete with the response under resultVariable and the resultExpression entries', async () => {
    // given
    const headers = {
      resultVariable: 'echo',
      resultExpression: '={ greeting: response.greeting }',
    };

    // when
    const outcome = await handleJob(job({ name: 'Ana' }, headers), echo, deps);

    // then
    expect(outcome).toEqual({
      kind: 'complete',
      variables: {
        echo: { greeting: 'hello Ana', key: '2251799813685249', usedToken: false },
        greeting: 'hello Ana',
      },
    });
  });

  it('should raise an incident naming the field when the input is invalid', async () => {
    // given a job without the required name
    // when
    const outcome = await handleJob(job({ name: 42 }), echo, deps);

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0, code: 'CONNECTOR_INVALID_INPUT' });
    expect(outcome.kind === 'fail' && outcome.errorMessage).toContain('name:');
  });

  it('should resolve secrets for the call without writing them to variables', async () => {
    // given
    const headers = { resultVariable: 'echo' };

    // when
    const outcome = await handleJob(
      job({ name: 'Ana', token: '{{secrets.API_TOKEN}}' }, headers),
      echo,
      deps,
    );

    // then
    expect(outcome).toMatchObject({ kind: 'complete', variables: { echo: { usedToken: true } } });
    expect(JSON.stringify(outcome)).not.toContain('tok-123456');
  });

  it('should not resolve secrets for expressions and ignore references the connector does not read', async () => {
    // given an expression that tries to copy the token, and an unrelated unresolved reference
    const headers = { resultExpression: '={ copied: input.token }' };
    const variables = {
      name: 'Ana',
      token: '{{secrets.API_TOKEN}}',
      note: '{{secrets.UNRELATED}}',
    };

    // when
    const outcome = await handleJob(job(variables, headers), echo, deps);

    // then
    expect(outcome).toEqual({ kind: 'complete', variables: { copied: '{{secrets.API_TOKEN}}' } });
  });

  it('should raise an incident when a secret is not configured', async () => {
    // when
    const outcome = await handleJob(job({ name: 'Ana', token: '{{secrets.NOPE}}' }), echo, deps);

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0, code: 'CONNECTOR_SECRET_MISSING' });
  });

  it('should mask secret values in failure messages', async () => {
    // given a connector whose error quotes its input
    const leaky = defineConnector({
      type: 'test:leaky:1',
      input: z.object({ token: z.string() }),
      run: (input) => Promise.reject(connectorError('Rejected', `bad token ${input.token}`)),
    });

    // when
    const outcome = await handleJob(job({ token: '{{secrets.API_TOKEN}}' }), leaky, deps);

    // then
    expect(outcome.kind === 'fail' && outcome.errorMessage).toContain('bad token [secret]');
  });

  it('should retry a retryable failure with a doubling backoff until retries run out', async () => {
    // given
    const flaky = defineConnector({
      type: 'test:flaky:1',
      input: z.object({}),
      run: () => Promise.reject(connectorError('Unavailable', 'down')),
    });

    // when the job is delivered with 3, 2 and 1 retries left
    const outcomes = [
      await handleJob(job({}, {}, 3), flaky, deps),
      await handleJob(job({}, {}, 2), flaky, deps),
      await handleJob(job({}, {}, 1), flaky, deps),
    ];

    // then
    expect(outcomes.map((o) => o.kind === 'fail' && [o.retries, o.retryBackOff])).toEqual([
      [2, 100],
      [1, 200],
      [0, 0],
    ]);
  });

  it('should fail with a timeout when the call outlives the timeout header', async () => {
    // given a connector that never answers
    const hanging = defineConnector({
      type: 'test:hang:1',
      input: z.object({}),
      run: () => new Promise(() => undefined),
    });

    // when
    const outcome = await handleJob(job({}, { timeout: '20' }), hanging, deps);

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 2, code: 'CONNECTOR_TIMEOUT' });
  });

  it('should throw the BPMN error that errorExpression gives', async () => {
    // given
    const headers = {
      errorExpression:
        '=if response.greeting = "hello Bob" then bpmnError("NOT_ANA", "not Ana: " + input.name) else null',
      resultVariable: 'echo',
    };

    // when
    const bob = await handleJob(job({ name: 'Bob' }, headers), echo, deps);
    const ana = await handleJob(job({ name: 'Ana' }, headers), echo, deps);

    // then
    expect(bob).toEqual({
      kind: 'error',
      errorCode: 'NOT_ANA',
      errorMessage: 'not Ana: Bob',
      variables: {},
    });
    expect(ana.kind).toBe('complete');
  });

  it('should pass a BpmnError thrown by the connector to the engine', async () => {
    // given
    const missing = defineConnector({
      type: 'test:missing:1',
      input: z.object({}),
      run: () =>
        Promise.reject(new BpmnError('PERSON_NOT_FOUND', 'nobody', { lookup: 'NOT_FOUND' })),
    });

    // when
    const outcome = await handleJob(job({}), missing, deps);

    // then
    expect(outcome).toEqual({
      kind: 'error',
      errorCode: 'PERSON_NOT_FOUND',
      errorMessage: 'nobody',
      variables: { lookup: 'NOT_FOUND' },
    });
  });

  it('should raise an incident for an invalid FEEL expression and for unexpected errors', async () => {
    // given
    const broken = defineConnector({
      type: 'test:broken:1',
      input: z.object({}),
      run: () => Promise.reject(new TypeError('x is undefined')),
    });

    // when
    const badFeel = await handleJob(
      job({ name: 'Ana' }, { resultExpression: '={ a: ' }),
      echo,
      deps,
    );
    const bug = await handleJob(job({}), broken, deps);

    // then
    expect(badFeel).toMatchObject({
      kind: 'fail',
      retries: 0,
      code: 'CONNECTOR_EXPRESSION_FAILED',
    });
    expect(bug).toMatchObject({ kind: 'fail', retries: 0, code: 'CONNECTOR_INTERNAL' });
    expect(new BalcaoError('X', 'y').retryable).toBe(false);
  });
});
