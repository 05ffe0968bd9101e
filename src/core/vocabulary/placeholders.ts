/** Owner placeholders: what people write in an owner field when nobody owns the item yet. */

/** Placeholder owner words, lowercase, compared with the whole owner text. */
export const PLACEHOLDER_OWNERS: readonly string[] = [
  'tbd', 'tba', 'tbc', 'n/a', 'na', 'none', 'nobody', 'someone', 'somebody', 'anyone', 'team', 'the team',
  'unassigned', 'unknown', 'todo', 'xxx', 'owner', '[owner]', '<owner>', '—', '–',
];

const WORDS = new Set(PLACEHOLDER_OWNERS);

/** Owners that name nobody: empty, a placeholder word, or only `?` or `-` characters. */
export function isPlaceholderOwner(text: string): boolean {
  const t = text.replace(/[`*_@]/g, '').trim().toLowerCase();
  return t === '' || WORDS.has(t) || /^(?:\?+|-+)$/.test(t);
}
