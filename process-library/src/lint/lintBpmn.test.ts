import { bpmn, el } from '@balcao/engine/testing';
import { describe, expect, it } from 'vitest';
import { libraryResources } from '../catalogue/libraryEntries';
import { lintBpmn } from './lintBpmn';

describe('lintBpmn', () => {
  it('should find no lint error or warning in any model of the library', async () => {
    // given
    const models = libraryResources().filter((r) => r.name.endsWith('.bpmn'));

    // when
    const findings = [];
    for (const model of models)
      for (const f of await lintBpmn(model.content))
        findings.push(`${model.name}#${f.elementId ?? ''} ${f.category} ${f.rule}: ${f.message}`);

    // then
    expect(models.length).toBeGreaterThanOrEqual(19);
    expect(findings).toEqual([]);
    // ~20 models with the Zeebe extension: slow on a busy machine, not a performance check
  }, 120_000);

  it('should report a service task with no job type and an element with no flow', async () => {
    // given a service task with no job type and an unconnected end event
    const xml = bpmn(
      'lint-bad',
      [el.start('start'), '<bpmn:serviceTask id="work" name="Work" />', el.end('done')],
      [['start', 'work']],
    );

    // when
    const findings = await lintBpmn(xml);

    // then
    expect(findings.map((f) => `${f.elementId ?? ''} ${f.rule}`)).toEqual(
      expect.arrayContaining(['work camunda-compat/implementation', 'done no-disconnected']),
    );
  });
});
