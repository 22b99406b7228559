/** Form.io component types whose value is one field of the submission. */
export const valueComponentTypes = new Set([
  'textfield',
  'textarea',
  'number',
  'email',
  'phoneNumber',
  'datetime',
  'day',
  'select',
  'selectboxes',
  'radio',
  'checkbox',
  'file',
  'hidden',
  'currency',
  'signature',
]);

/** Types that hold an array of rows, each row an object keyed by the child components. */
export const gridComponentTypes = new Set(['datagrid', 'editgrid']);

/** Layout types: their children write to the same data object as the layout itself. */
export const layoutComponentTypes = new Set(['panel', 'fieldset', 'columns', 'well']);

/** Types with no value at all. */
export const displayComponentTypes = new Set(['htmlelement', 'content', 'button']);

export function isSupportedComponentType(type: string): boolean {
  return (
    valueComponentTypes.has(type) ||
    gridComponentTypes.has(type) ||
    layoutComponentTypes.has(type) ||
    displayComponentTypes.has(type)
  );
}

export const supportedComponentTypes: readonly string[] = [
  ...valueComponentTypes,
  ...gridComponentTypes,
  ...layoutComponentTypes,
  ...displayComponentTypes,
];
