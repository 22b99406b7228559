import type { FormComponent } from './FormDefinition';

export interface ComponentVisit {
  component: FormComponent;
  /** Where the component sits in the definition, e.g. `components[2].columns[0].components[1]`. */
  definitionPath: string;
  /** Data scope the component's key lives in: '' at the top, `dependants[]` inside a grid. */
  scope: string;
  /** Keys of the enclosing components, outermost first. */
  ancestors: FormComponent[];
}

/** Visits every component of a definition tree, depth first, in document order. */
export function walkComponents(
  components: readonly FormComponent[],
  visit: (visit: ComponentVisit) => void,
  start: { definitionPath?: string; scope?: string; ancestors?: FormComponent[] } = {},
): void {
  const base = start.definitionPath ?? 'components';
  const ancestors = start.ancestors ?? [];
  components.forEach((component, index) => {
    const definitionPath = `${base}[${index}]`;
    const scope = start.scope ?? '';
    visit({ component, definitionPath, scope, ancestors });
    const childScope = isGrid(component) ? `${scope}${component.key ?? '?'}[].` : scope;
    const inner = [...ancestors, component];
    if (Array.isArray(component.components)) {
      walkComponents(component.components, visit, {
        definitionPath: `${definitionPath}.components`,
        scope: childScope,
        ancestors: inner,
      });
    }
    if (Array.isArray(component.columns)) {
      component.columns.forEach((column, columnIndex) => {
        if (Array.isArray(column.components)) {
          walkComponents(column.components, visit, {
            definitionPath: `${definitionPath}.columns[${columnIndex}].components`,
            scope: childScope,
            ancestors: inner,
          });
        }
      });
    }
  });
}

function isGrid(component: FormComponent): boolean {
  return component.type === 'datagrid' || component.type === 'editgrid';
}
