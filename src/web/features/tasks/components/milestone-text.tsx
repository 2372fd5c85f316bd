/** A milestone paragraph with its typed targets highlighted (spans from the importer). */
import { Tooltip } from 'antd';
import type { TargetView } from '../../../../shared/api/plan-api.js';
import { splitTextBySpans } from '../utils/target-segments.js';
import { TargetTooltip } from './target-tooltip.js';

/** Milestone text; each target phrase is a <mark> with a tooltip explaining the target. */
export function MilestoneText({ text, targets, line }: { text: string; targets: TargetView[]; line: number }) {
  const segments = splitTextBySpans(text, targets);
  return (
    <p className="milestone-text">
      {segments.map((segment) =>
        segment.target ? (
          <Tooltip
            key={segment.start}
            trigger={['hover', 'focus']}
            title={<TargetTooltip target={segment.target} line={line} />}
            styles={{ container: { minWidth: 260 } }}
          >
            <mark className="target-mark" tabIndex={0} data-testid="target-mark" data-subject={segment.target.subject}>
              {segment.text}
            </mark>
          </Tooltip>
        ) : (
          <span key={segment.start}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
