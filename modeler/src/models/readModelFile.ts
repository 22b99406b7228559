/** A file the analyst imports: a BPMN process (e.g. drawn in Camunda Modeler) or a form. */
export interface ModelFile {
  kind: 'process' | 'form';
  id: string;
  content: string;
}

export async function readModelFile(file: File): Promise<ModelFile> {
  const content = await file.text();
  if (/\.(bpmn|xml)$/i.test(file.name)) {
    const doc = new DOMParser().parseFromString(content, 'application/xml');
    const process = [...doc.getElementsByTagNameNS('*', 'process')][0];
    const id = process?.getAttribute('id');
    if (!id) throw new Error(`${file.name}: no BPMN process found in the file.`);
    return { kind: 'process', id, content };
  }
  let form: { formId?: unknown; id?: unknown };
  try {
    form = JSON.parse(content) as typeof form;
  } catch {
    throw new Error(`${file.name}: not a .bpmn file nor a form in JSON.`);
  }
  const id =
    typeof form.formId === 'string' ? form.formId : typeof form.id === 'string' ? form.id : '';
  if (!id) throw new Error(`${file.name}: the form has no "formId".`);
  return { kind: 'form', id, content };
}
