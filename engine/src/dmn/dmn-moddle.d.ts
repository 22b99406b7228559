// dmn-moddle ships no TypeScript types; this is the part Balcão uses.
declare module 'dmn-moddle' {
  export interface DmnElement {
    $type: string;
    id?: string;
    name?: string;
    [key: string]: unknown;
  }

  export interface DmnWarning extends Error {
    element?: DmnElement;
  }

  export class DmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{ rootElement: DmnElement; warnings: DmnWarning[] }>;
  }
}
