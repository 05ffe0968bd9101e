import { actionDuplicate } from './action-duplicate';
import { actionInvalidDeadline } from './action-invalid-deadline';
import { actionInvalidPriority } from './action-invalid-priority';
import { actionMissingDeadline } from './action-missing-deadline';
import { actionMissingOwner } from './action-missing-owner';
import { actionMissingPriority } from './action-missing-priority';
import { actionNotTracked } from './action-not-tracked';
import { actionOverdue } from './action-overdue';
import { actionVague } from './action-vague';
import { blameLanguage } from './blame-language';
import { contributingFactorsMissing } from './contributing-factors-missing';
import { fiveWhysShort } from './five-whys-short';
import { frontmatterInvalid } from './frontmatter-invalid';
import { metricsMismatch } from './metrics-mismatch';
import { placeholderLeft } from './placeholder-left';
import { sectionMissing } from './section-missing';
import { timelineAmbiguousTime } from './timeline-ambiguous-time';
import { timelineEditorializing } from './timeline-editorializing';
import { timelineMissingMilestone } from './timeline-missing-milestone';
import { timelineMissingTime } from './timeline-missing-time';
import { timelineNoTimezone } from './timeline-no-timezone';
import { timelineOutOfOrder } from './timeline-out-of-order';
import type { Rule } from './types';

/** Every rule, in the order the docs list them. Adding a rule: its file, this list, its docs page, its fixture. */
export const RULES: readonly Rule[] = [
  actionMissingOwner,
  actionMissingPriority,
  actionInvalidPriority,
  actionMissingDeadline,
  actionInvalidDeadline,
  actionOverdue,
  actionVague,
  actionNotTracked,
  actionDuplicate,
  timelineMissingTime,
  timelineOutOfOrder,
  timelineNoTimezone,
  timelineAmbiguousTime,
  timelineEditorializing,
  timelineMissingMilestone,
  metricsMismatch,
  sectionMissing,
  placeholderLeft,
  fiveWhysShort,
  contributingFactorsMissing,
  blameLanguage,
  frontmatterInvalid,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** A rule's documentation page, relative to the repository (and the installed extension). */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
