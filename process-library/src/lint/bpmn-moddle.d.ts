// bpmn-moddle ships no TypeScript types; this is the part the lint check uses.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: (Error & { element?: ModdleElement })[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<ParseResult>;
  }
}
