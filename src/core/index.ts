export * from './model';
export { parsePostmortem, parseMarkdown } from './parse';
export type { ParseOptions } from './parse';
export { allSections, findSection, sectionKindOf, SECTION_SYNONYMS } from './sections';
export { formatMinutes, parseDuration, parseDate, parseZone } from './time';
export { LineIndex } from './text';
