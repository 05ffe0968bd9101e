/** The small state every block reader of a document shares while the tree is walked once. */
import type { Nodes } from 'mdast';
import type { Problem, Section, SectionKind, TimeZone } from '../model';
import type { LineIndex, Span } from '../text';
import type { DateOrder } from '../time';
import { documentDateOrder, numericDatesIn } from '../time';

/** Shared state of one parse. Readers keep their own results; only what crosses sections is here. */
export interface ParseContext {
  readonly text: string;
  readonly index: LineIndex;
  readonly problems: Problem[];
  /** Sections open at the current block, outermost first. */
  readonly stack: Section[];
  /** The incident date (frontmatter, else the first level-1 heading) and the date in force here. */
  readonly dates: {
    incident: string | undefined; current: string | undefined;
    /** The last `(next day)` shift: from the date in force before it to the day it named. */
    shift?: { from: string; to: string } | undefined;
    /** How the document writes numeric dates (`29-09-2021`: day first), when its dates decide it. */
    order: DateOrder | undefined;
    /**
     * The day the timeline says its events are on unless noted (`Unless otherwise noted all events
     * happened on 2019-10-21`): an entry that names another day does not change it for the next ones.
     */
    fixed?: string | undefined;
  };
  /** Zones stated around the timeline: its heading, its first table with a zone, a sentence in it. */
  readonly zones: {
    heading: TimeZone | undefined; table: TimeZone | undefined; section: TimeZone | undefined; document: TimeZone | undefined;
    /**
     * The zone a heading inside or after the timeline states for the events under it: a date
     * heading `### 03-10-2021 (All times CEST)`, a second timeline `## Follow-up timeline (BST)`.
     */
    local: TimeZone | undefined;
    /** Zones written next to times in the prose outside the timeline (`beginning from UTC 05:13`). */
    prose: TimeZone[];
  };
}

/** A fresh context for a document. */
export function createContext(text: string, index: LineIndex, problems: Problem[]): ParseContext {
  return {
    text, index, problems, stack: [],
    dates: { incident: undefined, current: undefined, order: documentDateOrder(numericDatesIn(text)) },
    zones: { heading: undefined, table: undefined, section: undefined, document: undefined, local: undefined, prose: [] },
  };
}

/** The source text of a node with its offset, or undefined for a node without a position. */
export function spanOf(ctx: ParseContext, node: Nodes): Span | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { text: ctx.text.slice(p.start.offset, p.end.offset), offset: p.start.offset };
}

/** The innermost open section with a recognised kind. */
export function currentKindSection(ctx: ParseContext): Section | undefined {
  for (let i = ctx.stack.length - 1; i >= 0; i--) {
    if (ctx.stack[i]!.kind) return ctx.stack[i];
  }
  return undefined;
}

/** The kind of the innermost recognised section around the current block. */
export function currentKind(ctx: ParseContext): SectionKind | undefined {
  return currentKindSection(ctx)?.kind;
}
