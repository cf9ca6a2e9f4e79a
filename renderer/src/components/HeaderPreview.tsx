/**
 * The header the documents will print, drawn live from the unit form: the issuer's column
 * (parent line, issuer, the "*" or the short rule, the number) and the motto's column with
 * the place and today's date. Its rules are shared/unit-header.ts, as in the documents.
 */
import type { DocumentStyle } from '../../../shared/domain';
import { issuerCode } from '../../../shared/unit-header';
import { vi } from '../i18n/vi';

const upper = (s: string) => s.trim().toLocaleUpperCase('vi');

function dateWords(place: string): string {
  const d = new Date();
  const day = String(d.getDate()).padStart(2, '0');
  const month = d.getMonth() + 1 <= 2 ? `0${d.getMonth() + 1}` : String(d.getMonth() + 1);
  const words = `ngày ${day} tháng ${month} năm ${d.getFullYear()}`;
  return place.trim() ? `${place.trim()}, ${words}` : words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}

/** "ỦY BAN NHÂN DÂN" / "PHƯỜNG ĐÔNG HƯNG": Nghị định 30 sets the body and its place on two lines. */
function issuerLines(style: DocumentStyle, issuer: string): string[] {
  const line = upper(issuer);
  const body = 'ỦY BAN NHÂN DÂN ';
  if (style === 'government' && line.startsWith(body) && line.length > body.length) return [body.trim(), line.slice(body.length)];
  return line ? [line] : [];
}

export function HeaderPreview(props: { style: DocumentStyle; parentLine: string; issuerLine: string; placeName: string }) {
  const party = props.style === 'party';
  const code = issuerCode(props.style, props.issuerLine, props.parentLine);
  const number = party ? `Số ….-BB/${code}` : `Số: ….../BB-${code}`;
  return (
    <figure className="header-preview" data-testid="header-preview" data-style={props.style}>
      <figcaption className="label">{vi.unitForm.preview}</figcaption>
      <div className={`header-preview-page header-preview-${props.style}`}>
        <div className="header-preview-left" data-testid="header-preview-left">
          {props.parentLine.trim() ? <div className="hp-line">{upper(props.parentLine)}</div> : null}
          {issuerLines(props.style, props.issuerLine).map((l) => (
            <div key={l} className="hp-line hp-bold">
              {l}
            </div>
          ))}
          {party ? <div className="hp-line">*</div> : <div className="hp-rule hp-rule-short" />}
          <div className="hp-line">{number}</div>
        </div>
        <div className="header-preview-right" data-testid="header-preview-right">
          {party ? (
            <div className="hp-line hp-bold hp-motto">
              <span className="hp-underlined">ĐẢNG CỘNG SẢN VIỆT NAM</span>
            </div>
          ) : (
            <>
              <div className="hp-line hp-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
              {/* The rule is as long as the motto above it (Nghị định 30). */}
              <div className="hp-line hp-bold">
                <span className="hp-underlined">Độc lập - Tự do - Hạnh phúc</span>
              </div>
            </>
          )}
          <div className="hp-line hp-italic">{dateWords(props.placeName)}</div>
        </div>
      </div>
    </figure>
  );
}
