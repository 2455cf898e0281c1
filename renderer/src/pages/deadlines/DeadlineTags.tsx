// The labels that keep a computed date honest: how sure the rule is, and whether a calendar was missing.
import type { DeadlineDto } from '../../../../shared/api/deadlines';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { CONFIDENCE_LABELS } from './labels';
import { Badge } from '../../components/ui/Badge';

export function DeadlineTags({ deadline: d }: { deadline: DeadlineDto }) {
  const confidence = d.confidence === 'verified' ? null : CONFIDENCE_LABELS[d.confidence];
  return (
    <span className="deadline-tags">
      {confidence && (
        <Badge tone="warn" title={confidence.explain}>
          {confidence.tag}
          <span className="sr-only">: {confidence.explain}</span>
        </Badge>
      )}
      {d.kind === 'reminder' && (
        <Badge title="The law sets no number of days here: this is a reminder to follow up.">
          Reminder, no legal deadline
        </Badge>
      )}
      {d.calendarMissing && (
        <Badge tone="warn" title="Counted without the district's calendar (school days, breaks): enter it under District calendar.">
          Calendar missing
          <span className="sr-only">: counted without the district calendar</span>
        </Badge>
      )}
      {d.alternateDueDate && (
        <Badge title="Ed Code does not define business day: the other reading gives this date.">
          or {formatDisplayDate(d.alternateDueDate)} if closures are not business days
        </Badge>
      )}
    </span>
  );
}
