import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../testing/bpmn';
import { useTestEngine } from '../runtime/scenarios/harness';

const simple = (type: string) =>
  bpmn(
    'crc',
    [el.start('s'), el.service('issue', type), el.end('e')],
    [
      ['s', 'issue'],
      ['issue', 'e'],
    ],
  );

describe(`deploy (${testDatabaseKind})`, () => {
  const ctx = useTestEngine();

  it('should make a new version only when the resource changed', async () => {
    // given
    const { t } = ctx;

    // when
    const first = await t.deployProcess(simple('issue'));
    const same = await t.deployProcess(simple('issue'));
    const changed = await t.deployProcess(simple('issue-v2'));

    // then
    expect(first.processes[0]).toMatchObject({ bpmnProcessId: 'crc', version: 1, isNew: true });
    expect(same.processes[0]).toMatchObject({
      version: 1,
      isNew: false,
      key: first.processes[0]!.key,
    });
    expect(changed.processes[0]).toMatchObject({ version: 2, isNew: true });
    const versions = await t.db.query('select version from engine_process order by version');
    expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('should keep running instances on their version and start new ones on the latest', async () => {
    // given
    const { t } = ctx;
    await t.deployProcess(simple('issue'));
    const old = await t.engine.createProcessInstance({ bpmnProcessId: 'crc' });
    await t.deployProcess(simple('issue-v2'));

    // when
    const fresh = await t.engine.createProcessInstance({ bpmnProcessId: 'crc' });
    const pinned = await t.engine.createProcessInstance({ bpmnProcessId: 'crc', version: 1 });

    // then
    expect(old.version).toBe(1);
    expect(fresh.version).toBe(2);
    expect(pinned.version).toBe(1);
    expect(await t.completeJobs('issue')).toBe(2);
    expect(await t.completeJobs('issue-v2')).toBe(1);
  });

  it('should deploy nothing when one resource of the deployment is invalid, and name the element', async () => {
    // given
    const { t } = ctx;
    const broken = bpmn(
      'broken',
      [el.start('s'), '<bpmn:serviceTask id="Activity_1" name="Verify identity" />', el.end('e')],
      [
        ['s', 'Activity_1'],
        ['Activity_1', 'e'],
      ],
    );

    // when
    const attempt = t.deploy(
      { name: 'good.bpmn', xml: simple('issue') },
      { name: 'broken.bpmn', xml: broken },
    );

    // then
    await expect(attempt).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      message: expect.stringContaining(
        'Activity_1 "Verify identity": service task has no zeebe:taskDefinition type',
      ),
    });
    expect((await t.db.query('select 1 from engine_process')).rowCount).toBe(0);
    expect((await t.db.query('select 1 from engine_deployment')).rowCount).toBe(0);
  });

  it('should refuse a document with a DOCTYPE (entity expansion)', async () => {
    // given
    const { t } = ctx;
    const xxe = simple('issue').replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    );

    // then
    await expect(t.deployProcess(xxe)).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/DOCTYPE/),
    });
  });

  it('should reject a resource that is neither BPMN nor a form', async () => {
    await expect(ctx.t.deploy({ name: 'notes.txt', xml: 'hello' })).rejects.toMatchObject({
      message: expect.stringContaining("'notes.txt': unknown resource type"),
    });
  });

  it('should version forms by their formId', async () => {
    // given
    const { t } = ctx;
    const form = (label: string) =>
      JSON.stringify({
        formId: 'crc-apply',
        components: [{ type: 'textfield', key: 'name', label }],
      });

    // when
    const a = await t.deploy({ name: 'apply.form.json', xml: form('Name') });
    const b = await t.deploy({ name: 'apply.form.json', xml: form('Name') });
    const c = await t.deploy({ name: 'apply.form.json', xml: form('Full name') });

    // then
    expect([a.forms[0]!.version, b.forms[0]!.version, c.forms[0]!.version]).toEqual([1, 1, 2]);
  });
});
