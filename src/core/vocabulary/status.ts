/** Status vocabulary: the words that say an action item is done. */
import { plainInline } from '../text';

const DONE_WORDS = /^(?:done|complete|completed|closed|fixed|resolved|shipped|merged|finished|implemented|deployed)\b|^[\u2705\u2714\u2611]|^\[x\]/i;

/** Whether a status or deadline cell says the item is done (`Done (hotfix)`, `✅`, `Completed 2025-04-02`). */
export function isDoneMarker(text: string): boolean {
  return DONE_WORDS.test(plainInline(text).replace(/[`*_~]/g, '').trim());
}
