// bpmn-moddle (bpmn-engine's parser) ships no types; the benchmark only parses once with it.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    fromXML(xml: string): Promise<unknown>;
  }
}
