import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import Modeler from 'bpmn-js/lib/Modeler';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import lintModule from 'bpmn-js-bpmnlint';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import {
  CreateAppendAnythingModule,
  CreateAppendElementTemplatesModule,
} from 'bpmn-js-create-append-anything';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import bpmnlint from 'virtual:bpmnlint-config';
import { milestoneModule, type MilestoneTexts } from './milestone';

export interface ModelerOptions {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
  elementTemplates: Record<string, unknown>[];
  milestone: MilestoneTexts;
}

/**
 * bpmn-js for Camunda 8 models: the Zeebe properties panel (FEEL editors included), the
 * connectors' element templates in the palette and the template chooser, Camunda's modelling
 * behaviours, live lint with the process library's rules, and the citizen milestone group.
 */
export function createModeler(options: ModelerOptions): Modeler {
  return new Modeler({
    container: options.canvas,
    keyboard: { bindTo: document },
    propertiesPanel: { parent: options.propertiesPanel },
    elementTemplates: options.elementTemplates,
    linting: { active: true, bpmnlint },
    balcaoMilestone: options.milestone,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      CreateAppendAnythingModule,
      CreateAppendElementTemplatesModule,
      ZeebeBehaviorsModule,
      lintModule,
      milestoneModule,
    ],
    moddleExtensions: { zeebe },
  } as ConstructorParameters<typeof Modeler>[0]);
}
