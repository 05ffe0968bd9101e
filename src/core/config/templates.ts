// The required sections of well-known postmortem templates, for `template:` in `.postmortem.yaml`.
// docs/configuration.md is generated from this list (scripts/generate.ts), so what the docs say a
// template requires is what `section-missing` checks.
import type { SectionKind } from '../model';

export interface TemplatePreset {
  /** The sections `section-missing` asks for, in the template's order. */
  sections: SectionKind[];
  /** Where the template comes from and how its sections map to ours, for the docs (Markdown). */
  about: string;
}

export const TEMPLATES = {
  default: {
    sections: ['summary', 'impact', 'timeline', 'root-cause', 'action-items'],
    about: 'What every postmortem needs whatever its template: what happened, who it hurt, when, why, and what changes.',
  },
  'google-sre': {
    sections: ['summary', 'impact', 'root-cause', 'trigger', 'resolution', 'detection', 'action-items', 'lessons-learned', 'timeline'],
    about: 'The example postmortem in Google\'s *Site Reliability Engineering* book (Beyer et al., O\'Reilly 2016, appendix D; [sre.google/sre-book/example-postmortem](https://sre.google/sre-book/example-postmortem/)). It opens with short header fields (Summary, Impact, Root Causes, Trigger, Resolution, Detection) written as bold labels, then has Action Items, Lessons Learned (What went well, What went wrong, Where we got lucky), a Timeline and Supporting information. Its header fields count as sections here, and the three lessons headings count as Lessons learned. Date, Authors, Status and Supporting information are not checked.',
  },
  pagerduty: {
    sections: ['summary', 'contributing-factors', 'resolution', 'impact', 'timeline', 'lessons-learned', 'action-items'],
    about: 'PagerDuty\'s postmortem template in its public Incident Response documentation ([response.pagerduty.com/after/post_mortem_template](https://response.pagerduty.com/after/post_mortem_template/)): Overview and What Happened (both summary here), Contributing Factors, Resolution, Impact, Responders, Timeline, How\'d We Do (What Went Well, What Didn\'t Go So Well), Action Items and Messaging. Earlier versions called Contributing Factors "Root Causes", so a root-cause section gives it too. Responders and Messaging are not checked.',
  },
  atlassian: {
    sections: ['summary', 'leadup', 'fault', 'impact', 'detection', 'resolution', 'timeline', 'root-cause', 'lessons-learned', 'action-items'],
    about: 'The incident postmortem template Atlassian publishes with its Incident Management Handbook ([atlassian.com/incident-management](https://www.atlassian.com/incident-management/handbook/postmortems)): Incident summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline, Five whys, Root cause, Lessons learned and Corrective actions. Response and Recovery both count as Resolution here; Five whys and Root cause both as the root cause; Corrective actions as action items. Some copies add Backlog check, Recurrence and Related records, which are not checked.',
  },
} as const satisfies Record<string, TemplatePreset>;

export type TemplateName = keyof typeof TEMPLATES;

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];
