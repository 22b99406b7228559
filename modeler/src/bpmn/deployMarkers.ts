import type Modeler from 'bpmn-js/lib/Modeler';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Service = any;

/**
 * Marks the elements the engine refused at deploy (red outline and the message beside them);
 * `clear` removes the marks of the last attempt.
 */
export class DeployMarkers {
  private marked: string[] = [];

  constructor(private readonly modeler: Modeler) {}

  show(problems: readonly { elementId: string; message: string }[]): void {
    this.clear();
    const registry: Service = this.modeler.get('elementRegistry');
    const canvas: Service = this.modeler.get('canvas');
    const overlays: Service = this.modeler.get('overlays');
    for (const problem of problems) {
      if (!registry.get(problem.elementId)) continue;
      canvas.addMarker(problem.elementId, 'deploy-error');
      const note = document.createElement('div');
      note.className = 'deploy-error-overlay';
      note.setAttribute('role', 'note');
      note.textContent = problem.message;
      overlays.add(problem.elementId, 'deploy-error', {
        position: { bottom: -4, left: 0 },
        html: note,
      });
      this.marked.push(problem.elementId);
    }
  }

  clear(): void {
    const canvas: Service = this.modeler.get('canvas');
    const overlays: Service = this.modeler.get('overlays');
    for (const id of this.marked) canvas.removeMarker(id, 'deploy-error');
    overlays.remove({ type: 'deploy-error' });
    this.marked = [];
  }

  /** Scrolls to an element and selects it (from the list of problems). */
  focus(elementId: string): void {
    const registry: Service = this.modeler.get('elementRegistry');
    const element = registry.get(elementId);
    if (!element) return;
    (this.modeler.get('canvas') as Service).scrollToElement(element);
    (this.modeler.get('selection') as Service).select(element);
  }
}
