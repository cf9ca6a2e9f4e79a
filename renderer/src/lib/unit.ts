/** Suggestions for a new unit's document header and place name, from its name (rules in shared/unit-header.ts). */
import type { DocumentStyle } from '../../../shared/domain';
import { levelOf, placeOf, suggestHeaderLines, unitNameOf } from '../../../shared/unit-header';

export { levelOf, unitNameOf };

export function suggestHeaders(
  name: string,
  parentName: string,
  style: DocumentStyle,
  level?: string | null,
): { headerParentLine: string; headerIssuerLine: string } {
  const lines = suggestHeaderLines({ name, parentName, style, level });
  return { headerParentLine: lines.parent, headerIssuerLine: lines.issuer };
}

/** "Xã Tân Lập" → "Tân Lập": the place name is the unit's name without its level. */
export function suggestPlace(name: string): string {
  return placeOf(name);
}
