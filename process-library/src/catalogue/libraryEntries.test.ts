import { TestEngine } from '@balcao/engine/testing';
import { checkFormDefinition } from '@balcao/forms';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryEntries, libraryResources } from './libraryEntries';

describe('libraryEntries', () => {
  it('should list every shared block and service with its process, forms and sheet', () => {
    // when
    const entries = libraryEntries();

    // then
    expect(entries.map((e) => `${e.kind}:${e.folder}`)).toEqual(
      expect.arrayContaining([
        'shared:issue-document',
        'shared:notify',
        'shared:payment',
        'shared:request-information',
        'service:criminal-record-certificate',
      ]),
    );
    const p1 = entries.find((e) => e.folder === 'criminal-record-certificate');
    expect(p1?.service?.agency).toBe('DSI');
    expect(p1?.resources.map((r) => r.name)).toContain(
      'services/criminal-record-certificate/forms/criminal-record-certificate-application.form.json',
    );
  });

  it('should deploy the whole library without warnings, and version nothing on a second deploy', async () => {
    // given
    const t = await TestEngine.start();

    // when
    const first = await t.engine.deploy(libraryResources());
    const second = await t.engine.deploy(libraryResources());
    await t.close();

    // then
    expect(first.warnings).toEqual([]);
    expect(first.processes.every((p) => p.isNew)).toBe(true);
    expect(second.processes.some((p) => p.isNew)).toBe(false);
    expect(second.forms.some((f) => f.isNew)).toBe(false);
  }, 180_000); // the whole library, twice: slow on a busy machine

  it('should lay out every flow element and sequence flow of every model (BPMN DI)', () => {
    // when
    let checked = 0;
    const missing = libraryResources()
      .filter((r) => r.name.endsWith('.bpmn'))
      .flatMap((r) => {
        const xml = r.content.toString('utf8');
        const process = xml.slice(xml.indexOf('<bpmn:process'), xml.indexOf('</bpmn:process>'));
        const ids = [...process.matchAll(/<bpmn:(?!process)\w+ id="([^"]+)"/g)].map((m) => m[1]);
        checked += ids.length;
        return ids
          .filter((id) => !xml.includes(`bpmnElement="${id ?? ''}"`))
          .map((id) => `${r.name}#${id ?? ''}`);
      });

    // then
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('should ship only forms that pass checkFormDefinition without warnings', () => {
    // when
    const forms = libraryResources().filter((r) => r.name.endsWith('.form.json'));
    const results = forms.map((r) => ({
      name: r.name,
      result: checkFormDefinition(JSON.parse(r.content.toString('utf8'))),
    }));

    // then
    expect(forms.length).toBeGreaterThanOrEqual(3);
    for (const { name, result } of results)
      expect({ name, ok: result.ok }).toEqual({ name, ok: true });
  });

  it('should link every start form of a service sheet to a shipped form', () => {
    // when
    const missing = libraryEntries()
      .filter((e) => e.service?.startFormId)
      .filter(
        (e) =>
          !e.resources.some((r) => r.name.endsWith(`/${e.service?.startFormId ?? ''}.form.json`)),
      )
      .map((e) => e.folder);

    // then
    expect(missing).toEqual([]);
  });

  it('should refuse an invalid service sheet with a message naming the file', () => {
    // given
    const root = mkdtempSync(join(tmpdir(), 'library-'));
    mkdirSync(join(root, 'services', 'broken'), { recursive: true });
    writeFileSync(join(root, 'services', 'broken', 'process.bpmn'), '<x/>');
    writeFileSync(join(root, 'services', 'broken', 'service.json'), '{"processId":"broken"}');

    // when
    const read = () => libraryEntries(root);

    // then
    expect(read).toThrow(/services\/broken\/service\.json is invalid/);
    rmSync(root, { recursive: true, force: true });
  });
});
