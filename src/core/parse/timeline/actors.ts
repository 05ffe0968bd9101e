/** Finds who acts in a timeline event: an explicit `Actor:` prefix, `[Actor]`, `@handle`, or a known name. */
import type { Span } from '../../text';
import { plainInline, sliceSpan } from '../../text';
import { explicitMarker } from '../../vocabulary/milestones';
import { SYSTEM_ACTORS } from '../../vocabulary/people';

/** Words before a colon that label the text rather than name an actor (`Note:`, `Impact:`). */
const NOT_ACTORS = new Set([
  'note', 'notes', 'update', 'status', 'impact', 'action', 'result', 'summary', 'cause', 'root cause', 'detected',
  'resolved', 'mitigated', 'acknowledged', 'start', 'end', 'outcome', 'decision', 'fix', 'error', 'warning', 'info',
  'todo', 'question', 'answer', 'why', 'because',
]);

/**
 * Finds an actor written explicitly (`Actor:` prefix, `[Actor]`, `@handle`) and strips a prefix
 * from the text.
 */
export function readExplicitActor(rest: Span): { actor: string | undefined; text: Span } {
  const t = rest.text;
  let m = /^(?:\*\*|__)?(@?[\p{Lu}@][\p{L}\p{N}.@'_-]{0,30}(?:\s[\p{Lu}(][\p{L}\p{N}.@'()_-]{0,30}){0,2})(?:\*\*|__)?:(?:\*\*|__)?\s+/u.exec(t);
  if (m && !NOT_ACTORS.has(m[1]!.toLowerCase())) {
    return { actor: m[1]!.replace(/^@/, ''), text: sliceSpan(rest, m[0].length) };
  }
  m = /^\[([^\]\n]{1,40})\]\s+/.exec(t);
  if (m && !explicitMarker(m[1]!)) return { actor: m[1]!.trim(), text: sliceSpan(rest, m[0].length) };
  m = /^@([\w][\w.-]{0,39})/.exec(t);
  if (m) return { actor: m[1]!, text: rest };
  return { actor: undefined, text: rest };
}

/** An actor named at the start of the text: a person known from elsewhere, or a system. */
export function readNamedActor(text: string, knownActors: Iterable<string>): string | undefined {
  const plain = plainInline(text);
  for (const name of knownActors) {
    if (plain.startsWith(name) && !/^[\p{L}\p{N}]/u.test(plain.slice(name.length, name.length + 1))) {
      return name;
    }
  }
  for (const name of SYSTEM_ACTORS) {
    if (plain.toLowerCase().startsWith(name.toLowerCase()) && !/^[\p{L}\p{N}]/u.test(plain.slice(name.length, name.length + 1))) {
      return name;
    }
  }
  return undefined;
}
