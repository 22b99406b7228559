import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBalcao, type TestBalcao } from '../../test/balcaoHarness';
import type { SignedIn } from '../../test/apiHarness';
import { createAccount } from '../identity/accounts';

const visa = (options: { id?: string; agency?: string; broken?: boolean; label?: string } = {}) => {
  const id = options.id ?? 'dsi-visa-extension';
  const property = options.agency
    ? `<bpmn:extensionElements><zeebe:properties><zeebe:property name="balcao:agency" value="${options.agency}" /></zeebe:properties></bpmn:extensionElements>`
    : '';
  const taskType = options.broken ? '' : '<zeebe:taskDefinition type="check-visa" />';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" name="Visa extension" isExecutable="true">${property}
    <bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="visa-form" /></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:serviceTask id="check" name="${options.label ?? 'Check passport'}"><bpmn:extensionElements>${taskType}</bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
};
const visaForm = JSON.stringify({
  formId: 'visa-form',
  title: { 'zh-Hant': '簽證延期', pt: 'Prorrogação de visto', en: 'Visa extension' },
  display: 'form',
  components: [{ type: 'textfield', key: 'passport', label: 'Passport' }],
});

describe('modeling API', { timeout: 120_000 }, () => {
  let node: TestBalcao;
  let analyst: SignedIn;

  beforeAll(async () => {
    node = await startTestBalcao({ library: true });
    analyst = await node.signIn('analyst');
  }, 180_000);

  afterAll(async () => {
    await node.close();
  }, 60_000);

  const deploy = (who: SignedIn, resources: { name: string; content: string }[]) =>
    who.call('/api/modeling/deployments', { method: 'POST', body: { resources } });

  it("should list the analyst's agency's library processes and forms with versions only", async () => {
    // when
    const res = await analyst.call('/api/modeling/processes?pageSize=100');
    const formsRes = await analyst.call('/api/modeling/forms?pageSize=100');

    // then
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { processId: string; agency: string; versions: { version: number }[] }[];
      page: { total: number };
    };
    const ids = body.items.map((p) => p.processId);
    expect(ids).toContain('criminal-record-certificate');
    expect(ids).not.toContain('tax-clearance-certificate');
    expect(ids).not.toContain('balcao-payment');
    expect(body.items.every((p) => p.agency === 'DSI' && p.versions.length > 0)).toBe(true);
    expect(body.page.total).toBe(body.items.length);
    const forms = (await formsRes.json()) as { items: { formId: string; agency: string }[] };
    expect(forms.items.map((f) => f.formId)).toContain('criminal-record-certificate-application');
    expect(forms.items.every((f) => f.agency === 'DSI')).toBe(true);
  });

  it('should open a library process as BPMN XML and refuse another agency’s', async () => {
    // when
    const own = await analyst.call('/api/modeling/processes/criminal-record-certificate/xml');
    const other = await analyst.call('/api/modeling/processes/tax-clearance-certificate/xml');

    // then
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toContain('xml');
    expect(await own.text()).toContain('id="criminal-record-certificate"');
    expect(other.status).toBe(404);
  });

  it('should deploy a new process with its form and show the new versions', async () => {
    // when
    const res = await deploy(analyst, [
      { name: 'visa.bpmn', content: visa() },
      { name: 'visa-form.form', content: visaForm },
    ]);
    const again = await deploy(analyst, [{ name: 'visa.bpmn', content: visa({ label: 'Check' }) }]);

    // then
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      processes: [{ processId: 'dsi-visa-extension', version: 1 }],
      forms: [{ formId: 'visa-form', version: 1 }],
    });
    expect(await again.json()).toMatchObject({
      processes: [{ processId: 'dsi-visa-extension', version: 2 }],
    });
    const listed = (await (
      await analyst.call('/api/modeling/processes?processId=dsi-visa-extension')
    ).json()) as { items: { processId: string; versions: { version: number }[] }[] };
    expect(listed.items.find((p) => p.processId === 'dsi-visa-extension')?.versions).toEqual([
      expect.objectContaining({ version: 2 }),
      expect.objectContaining({ version: 1 }),
    ]);
    const form = await analyst.call('/api/modeling/forms/visa-form');
    expect(await form.json()).toMatchObject({ version: 1, schema: { formId: 'visa-form' } });
  });

  it('should refuse an analyst deploying a process of another agency', async () => {
    // when
    const declared = await deploy(analyst, [
      { name: 'dsf.bpmn', content: visa({ id: 'dsf-new-thing', agency: 'DSF' }) },
    ]);
    const library = await deploy(analyst, [
      { name: 'tax.bpmn', content: visa({ id: 'tax-clearance-certificate' }) },
    ]);
    const shared = await deploy(analyst, [
      { name: 'pay.bpmn', content: visa({ id: 'balcao-payment' }) },
    ]);

    // then
    for (const refused of [declared, library, shared]) {
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    const versions = await node.camunda
      .getCamundaRestClient()
      .searchProcessDefinitions({ filter: { processDefinitionId: 'dsf-new-thing' } });
    expect(versions.items).toEqual([]);
  });

  it('should refuse a clerk and answer 401 without a session', async () => {
    // given
    const clerk = await node.signIn('dsf-clerk');

    // when
    const byClerk = await deploy(clerk, [{ name: 'visa.bpmn', content: visa() }]);
    const anonymous = await fetch(`${node.url}/api/modeling/processes`);

    // then
    expect(byClerk.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });

  it('should map the engine’s deploy errors to the elements to fix', async () => {
    // when
    const res = await deploy(analyst, [
      { name: 'broken.bpmn', content: visa({ id: 'dsi-broken', broken: true }) },
    ]);

    // then
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { fields: { path: string; in: string; message: string }[] };
    };
    expect(body.error.fields).toContainEqual(
      expect.objectContaining({ path: 'check', in: 'broken.bpmn' }),
    );
  });

  it('should refuse a file with a DOCTYPE before it reaches the engine', async () => {
    // when
    const res = await deploy(analyst, [
      { name: 'x.bpmn', content: `<!DOCTYPE x [<!ENTITY e "e">]>${visa({ id: 'dsi-x' })}` },
    ]);

    // then
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/DOCTYPE/);
  });

  it('should save, read and discard a draft, and keep other agencies out of it', async () => {
    // given
    const xml = visa({ id: 'dsi-draft-only' });

    // when
    const saved = await analyst.call('/api/modeling/drafts/process/dsi-draft-only', {
      method: 'PUT',
      body: { name: 'Draft only', content: xml },
    });
    const listed = (await (await analyst.call('/api/modeling/processes?q=draft-only')).json()) as {
      items: { processId: string; versions: unknown[]; draft: unknown }[];
    };
    const read = await analyst.call('/api/modeling/drafts/process/dsi-draft-only');
    const admin = await node.signIn('admin');
    const otherAgency = await analyst.call('/api/modeling/drafts/process/dsf-x', {
      method: 'PUT',
      body: { name: 'x', content: visa({ id: 'dsf-x', agency: 'DSF' }) },
    });
    const wrongId = await analyst.call('/api/modeling/drafts/process/other-id', {
      method: 'PUT',
      body: { name: 'x', content: xml },
    });
    const removed = await admin.call('/api/modeling/drafts/process/dsi-draft-only', {
      method: 'DELETE',
    });

    // then
    expect(saved.status).toBe(200);
    expect(listed.items.find((p) => p.processId === 'dsi-draft-only')).toMatchObject({
      versions: [],
      draft: { name: 'Draft only', updatedBy: 'analyst' },
    });
    expect(await read.json()).toMatchObject({ agency: 'DSI', content: xml });
    expect(otherAgency.status).toBe(403);
    expect(wrongId.status).toBe(422);
    expect(removed.status).toBe(204);
    expect((await analyst.call('/api/modeling/drafts/process/dsi-draft-only')).status).toBe(404);
  });

  it("should list only the analyst's agency's drafts, and every draft to an admin", async () => {
    // given a draft of DSI and one of DSF, each saved by an analyst of its agency
    await createAccount(node.balcao.db, {
      login: 'dsf-analyst',
      displayName: 'DSF analyst',
      role: 'analyst',
      agency: 'DSF',
      password: 'dsf-analyst-pw',
    });
    const dsfAnalyst = await node.signIn('dsf-analyst', 'dsf-analyst-pw');
    const save = (who: SignedIn, id: string, agency?: string) =>
      who.call(`/api/modeling/drafts/process/${id}`, {
        method: 'PUT',
        body: { name: id, content: visa({ id, ...(agency ? { agency } : {}) }) },
      });
    expect((await save(analyst, 'dsi-listed-draft')).status).toBe(200);
    expect((await save(dsfAnalyst, 'dsf-listed-draft', 'DSF')).status).toBe(200);
    const listed = async (who: SignedIn) => {
      const res = await who.call('/api/modeling/drafts');
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { id: string; agency: string }[] };
      return items.filter((d) => d.id.endsWith('-listed-draft'));
    };

    // when
    const byDsi = await listed(analyst);
    const byDsf = await listed(dsfAnalyst);
    const byAdmin = await listed(await node.signIn('admin'));
    const byClerk = await (await node.signIn('dsi-clerk')).call('/api/modeling/drafts');

    // then
    expect(byDsi).toEqual([expect.objectContaining({ id: 'dsi-listed-draft', agency: 'DSI' })]);
    expect(byDsf).toEqual([expect.objectContaining({ id: 'dsf-listed-draft', agency: 'DSF' })]);
    expect(byAdmin.map((d) => d.id).sort()).toEqual(['dsf-listed-draft', 'dsi-listed-draft']);
    expect(byDsi[0]).not.toHaveProperty('content');
    expect(byClerk.status).toBe(403);
  });

  it("should serve the connectors' element templates", async () => {
    // when
    const res = await analyst.call('/api/modeling/element-templates');

    // then
    const templates = (await res.json()) as { id: string }[];
    expect(templates.map((t) => t.id)).toContain('mo.gov.balcao.civil-registry');
  });
});
