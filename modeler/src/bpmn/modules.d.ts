// bpmn-io add-ons ship JavaScript only: what the modeler uses of them.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const ZeebePropertiesProviderModule: unknown;
  export function useService<T = any>(name: string): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}
declare module '@bpmn-io/properties-panel' {
  export function TextFieldEntry(props: Record<string, unknown>): unknown;
  export function isTextFieldEntryEdited(node: unknown): boolean;
}
declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: unknown;
}
declare module 'bpmn-js-create-append-anything' {
  export const CreateAppendAnythingModule: unknown;
  export const CreateAppendElementTemplatesModule: unknown;
}
declare module '@bpmn-io/element-template-chooser' {
  const module: unknown;
  export default module;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: unknown;
  export default module;
}
declare module 'bpmn-js-bpmnlint' {
  const module: unknown;
  export default module;
}
declare module 'virtual:bpmnlint-config' {
  const bundle: { config: unknown; resolver: unknown };
  export default bundle;
}
declare module 'zeebe-bpmn-moddle/resources/zeebe.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}
