/** Suggestions for a new unit's document header and place name, from its name. */
import { UNIT_LEVELS, type DocumentStyle, type UnitLevel } from '../../../shared/domain';

const upper = (s: string) => s.trim().toLocaleUpperCase('vi');
const LEVELS_LONGEST_FIRST = [...UNIT_LEVELS].sort((a, b) => b.length - a.length);

export function suggestHeaders(name: string, parentName: string, style: DocumentStyle): { headerParentLine: string; headerIssuerLine: string } {
  if (style === 'party') {
    return { headerParentLine: parentName.trim() ? `ĐẢNG BỘ ${upper(parentName)}` : '', headerIssuerLine: name.trim() ? `ĐẢNG ỦY ${upper(name)}` : '' };
  }
  return {
    headerParentLine: parentName.trim() ? `ỦY BAN NHÂN DÂN ${upper(parentName)}` : '',
    headerIssuerLine: name.trim() ? `ỦY BAN NHÂN DÂN ${upper(name)}` : '',
  };
}

/** The level a unit's name starts with: "Phường Hòa Bình" → phường. */
export function levelOf(name: string): UnitLevel | null {
  const lower = name.trim().toLocaleLowerCase('vi');
  return LEVELS_LONGEST_FIRST.find((l) => lower.startsWith(`${l} `)) ?? null;
}

/** "Xã Tân Lập" → "Tân Lập": the place name is the unit's name without its level. */
export function suggestPlace(name: string): string {
  const trimmed = name.trim();
  const level = levelOf(trimmed);
  return level ? trimmed.slice(level.length + 1).trim() : trimmed;
}
