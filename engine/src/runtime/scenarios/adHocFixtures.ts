import { bpmn, el } from '../../testing/bpmn';

/** A process: start → ad-hoc sub-process `checks` holding `inner` → end. */
export function withAdHoc(
  inner: string[],
  options: {
    active?: string;
    condition?: string;
    cancelRemaining?: boolean;
    ext?: string;
    /** zeebe:adHoc outputCollection and outputElement. */
    output?: { collection: string; element: string };
    /** Root elements beside the process (messages, errors). */
    extra?: string;
  } = {},
): string {
  const attributes =
    options.cancelRemaining === undefined
      ? ''
      : ` cancelRemainingInstances="${options.cancelRemaining}"`;
  const adHocAttributes = [
    options.active ? `activeElementsCollection="${options.active}"` : '',
    options.output
      ? `outputCollection="${options.output.collection}" outputElement="${options.output.element}"`
      : '',
  ].join(' ');
  const adHoc = adHocAttributes.trim() ? `<zeebe:adHoc ${adHocAttributes} />` : '';
  const condition = options.condition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${options.condition}</bpmn:completionCondition>`
    : '';
  return bpmn(
    'review',
    [
      el.start('s'),
      `<bpmn:adHocSubProcess id="checks"${attributes}>
        <bpmn:extensionElements>${adHoc}${options.ext ?? ''}</bpmn:extensionElements>
        ${inner.join('\n')}
        ${condition}
      </bpmn:adHocSubProcess>`,
      el.end('e'),
    ],
    [
      ['s', 'checks'],
      ['checks', 'e'],
    ],
    options.extra,
  );
}

export const checks = [
  el.service('criminal-record', 'criminal-record'),
  el.service('tax', 'tax'),
  el.service('interview', 'interview'),
];
