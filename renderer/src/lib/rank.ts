/**
 * Ranking of typeahead options by how well a folded query matches them. Every typed word
 * must occur (as before). A typed word that starts a word of the option beats one found
 * only inside a word; words early in the option, in the typed order, and the first typed
 * word starting the option rank higher. So "chinh sach" puts "Chính sách, an sinh xã hội"
 * first, before "Tài chính, ngân sách, thuế", instead of keeping the list's order.
 */
import { fold } from '../../../shared/text';

/** Lower is better; null when some word does not occur at all. */
export function matchScore(folded: string, query: string): number | null {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return 0;
  const optionWords = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let score = 0;
  let previousAt = -1;
  let inOrder = true;
  for (const w of words) {
    if (!folded.includes(w)) return null;
    const at = optionWords.findIndex((o) => o.startsWith(w));
    if (at < 0) score += 100; // only inside a word: "sach" in "nsach"
    else {
      if (at < previousAt) inOrder = false;
      previousAt = at;
      // An exact word beats a prefix of it; an earlier word beats a later one.
      score += (optionWords[at] === w ? 0 : 1) + at;
    }
  }
  // Words in the order typed, and the first typed word at the very start of the option.
  if (!inOrder) score += 10;
  if (!optionWords[0]?.startsWith(words[0]!)) score += 5;
  return score;
}

/** The options that match, best first; ties keep the list's own order. */
export function rankMatches<T>(items: readonly T[], query: string, folded: (item: T) => string): T[] {
  const scored: Array<{ item: T; score: number; index: number }> = [];
  items.forEach((item, index) => {
    const score = matchScore(folded(item), query);
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.map((s) => s.item);
}
