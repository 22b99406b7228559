import type { Camunda8 } from '@camunda8/sdk';
import { readModelFacts, type ProcessFacts } from './readModelFacts';

export interface DeployedProcessVersion {
  key: string;
  processId: string;
  name: string;
  version: number;
  versionTag: string | undefined;
}

export interface DeployedFormVersion {
  key: string;
  formId: string;
  version: number;
}

const PAGE = 1000;

/**
 * What the engine holds, read through the Camunda SDK's REST client (/v2), so the modeler
 * lists the same against a Camunda 8 cluster. Facts of a deployed version never change:
 * they are cached by key.
 */
export class EngineModels {
  private readonly facts = new Map<string, Promise<ProcessFacts | undefined>>();

  constructor(private readonly camunda: Camunda8) {}

  /** Process versions, newest first; `{ isLatestVersion: true }` for one per process. */
  async processVersions(filter: { processDefinitionId?: string; isLatestVersion?: boolean } = {}) {
    const out: DeployedProcessVersion[] = [];
    for (let from = 0; ; from += PAGE) {
      const page = await this.rest().searchProcessDefinitions({
        filter,
        sort: [{ field: 'version', order: 'DESC' }],
        page: { from, limit: PAGE },
      });
      for (const d of page.items)
        out.push({
          key: String(d.processDefinitionKey),
          processId: d.processDefinitionId,
          name: d.name,
          version: Number(d.version),
          versionTag: d.versionTag || undefined,
        });
      if (page.items.length < PAGE) return out;
    }
  }

  xml(key: string): Promise<string> {
    return this.rest().getProcessDefinitionXML(key);
  }

  /** The facts of the process with this key (undefined when its XML cannot be read). */
  factsOf(version: DeployedProcessVersion): Promise<ProcessFacts | undefined> {
    let cached = this.facts.get(version.key);
    if (!cached) {
      cached = this.xml(version.key).then(
        async (xml) => (await readModelFacts(xml)).find((p) => p.processId === version.processId),
        () => undefined,
      );
      this.facts.set(version.key, cached);
    }
    return cached;
  }

  /** Deployed forms (Balcão's /v2 extension); an engine without it answers none. */
  async formVersions(
    filter: { formId?: string; isLatestVersion?: boolean } = {},
  ): Promise<DeployedFormVersion[]> {
    const out: DeployedFormVersion[] = [];
    for (let from = 0; ; from += PAGE) {
      let page: { items: { formKey: string; formId: string; version: number }[] };
      try {
        page = await this.rest().callApiEndpoint<Record<string, unknown>, typeof page>({
          urlPath: 'forms/search',
          method: 'POST',
          body: {
            filter,
            sort: [{ field: 'version', order: 'DESC' }],
            page: { from, limit: PAGE },
          },
        });
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return out;
        throw error;
      }
      out.push(
        ...page.items.map((f) => ({ key: f.formKey, formId: f.formId, version: f.version })),
      );
      if (page.items.length < PAGE) return out;
    }
  }

  /** A deployed form's JSON. */
  async formSchema(key: string): Promise<unknown> {
    const form = await this.rest().callApiEndpoint<Record<string, unknown>, { schema: unknown }>({
      urlPath: `forms/${key}`,
      method: 'GET',
    });
    return typeof form.schema === 'string' ? JSON.parse(form.schema) : form.schema;
  }

  private rest() {
    return this.camunda.getCamundaRestClient();
  }
}
