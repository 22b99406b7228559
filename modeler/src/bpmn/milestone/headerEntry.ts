import { TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Moddle = any;

/**
 * A text field bound to one Zeebe task header. Setting the first milestone label also sets the
 * `companion` header (the step's agency) when it is still empty.
 */
export function headerEntry(options: {
  key: string;
  label: () => string;
  companion?: { key: string; value: string } | undefined;
}) {
  return function HeaderEntry(props: { element: Moddle; id: string }) {
    const modeling = useService('modeling');
    const bpmnFactory = useService('bpmnFactory');
    const debounce = useService('debounceInput');
    const { element, id } = props;
    const write = (key: string, value: string) =>
      setHeader({ element, modeling, bpmnFactory }, key, value);
    return TextFieldEntry({
      element,
      id,
      label: options.label(),
      debounce,
      getValue: () => headerOf(element, options.key) ?? '',
      setValue: (value: string | undefined) => {
        write(options.key, value ?? '');
        const companion = options.companion;
        if (value && companion && !headerOf(element, companion.key))
          write(companion.key, companion.value);
      },
    });
  };
}

function headersOf(element: Moddle): Moddle | undefined {
  const ext = getBusinessObject(element).extensionElements;
  return ext?.values?.find((v: Moddle) => is(v, 'zeebe:TaskHeaders'));
}

export function headerOf(element: Moddle, key: string): string | undefined {
  return headersOf(element)?.values?.find((h: Moddle) => h.key === key)?.value;
}

function setHeader(
  deps: { element: Moddle; modeling: Moddle; bpmnFactory: Moddle },
  key: string,
  value: string,
): void {
  const { element, modeling, bpmnFactory } = deps;
  const bo = getBusinessObject(element);
  let ext = bo.extensionElements;
  if (!ext) {
    if (!value) return;
    ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateModdleProperties(element, bo, { extensionElements: ext });
  }
  let headers = headersOf(element);
  if (!headers) {
    if (!value) return;
    headers = bpmnFactory.create('zeebe:TaskHeaders', { values: [] });
    modeling.updateModdleProperties(element, ext, { values: [...ext.values, headers] });
  }
  const header = headers.values.find((h: Moddle) => h.key === key);
  if (!value) {
    if (header)
      modeling.updateModdleProperties(element, headers, {
        values: headers.values.filter((h: Moddle) => h !== header),
      });
  } else if (header) modeling.updateModdleProperties(element, header, { value });
  else
    modeling.updateModdleProperties(element, headers, {
      values: [...headers.values, bpmnFactory.create('zeebe:Header', { key, value })],
    });
}
