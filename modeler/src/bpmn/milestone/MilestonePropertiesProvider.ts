import { isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { headerEntry } from './headerEntry';

/** Texts of the group, in the modeler's current language. */
export interface MilestoneTexts {
  group: () => string;
  label: (language: string) => string;
  agency: () => string;
  /** The analyst's agency: a new milestone names it unless the analyst says otherwise. */
  defaultAgency: string | null;
}

export const milestoneLanguages = ['zh-Hant', 'pt', 'en'] as const;

type Group = { id: string; label: string; entries: unknown[] };
type Element = { businessObject: unknown };

/**
 * Adds "Citizen milestone" to tasks: the label a citizen sees on the timeline, in three
 * languages, and the agency of the step — task headers `balcao:milestone:<lang>` and
 * `balcao:agency`, read by the server when the step's job starts.
 */
export class MilestonePropertiesProvider {
  static $inject = ['propertiesPanel', 'config.balcaoMilestone'];

  // Built once: a new component function per render would remount the inputs (focus lost).
  private readonly labelEntries;
  private readonly agencyEntry;

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly texts: MilestoneTexts,
  ) {
    const companion = texts.defaultAgency
      ? { key: 'balcao:agency', value: texts.defaultAgency }
      : undefined;
    this.labelEntries = milestoneLanguages.map((language) => ({
      language,
      component: headerEntry({
        key: `balcao:milestone:${language}`,
        label: () => texts.label(language),
        companion,
      }),
    }));
    this.agencyEntry = headerEntry({ key: 'balcao:agency', label: () => texts.agency() });
    // After the element templates provider (300), which hides other groups of templated tasks.
    propertiesPanel.registerProvider(200, this);
  }

  getGroups(element: Element) {
    return (groups: Group[]) => {
      if (!is(element, 'bpmn:Task') || is(element, 'bpmn:ManualTask')) return groups;
      groups.push({
        id: 'balcao-milestone',
        label: this.texts.group(),
        entries: [
          ...this.labelEntries.map(({ language, component }) => ({
            id: `balcao-milestone-${language}`,
            element,
            component,
            isEdited: isTextFieldEntryEdited,
          })),
          {
            id: 'balcao-agency',
            element,
            component: this.agencyEntry,
            isEdited: isTextFieldEntryEdited,
          },
        ],
      });
      return groups;
    };
  }
}
