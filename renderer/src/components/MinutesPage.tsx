/**
 * The minutes drawn as the page prints: A4, the margins and type sizes of docs/document-formats.md, the
 * same blocks of text the DOCX and the PDF are made from. Print uses this page.
 */
import type { MinutesPreview, PreviewHeaderItem, PreviewParagraph, PreviewRun, PreviewSignature } from '../../../shared/api/types';
import { vi } from '../i18n/vi';

function Runs(props: { runs: PreviewRun[] }) {
  return (
    <>
      {props.runs.map((r, i) => {
        const text = r.bold && r.italic ? <b><i>{r.text}</i></b> : r.bold ? <b>{r.text}</b> : r.italic ? <i>{r.text}</i> : r.text;
        return <span key={i}>{text}</span>;
      })}
    </>
  );
}

function Paragraph(props: { p: PreviewParagraph }) {
  const { p } = props;
  const className = ['doc-p', p.indent === false ? 'doc-p-flush' : '', p.align ? `doc-p-${p.align}` : ''].filter(Boolean).join(' ');
  return (
    <p className={className}>
      <Runs runs={p.runs} />
    </p>
  );
}

function HeaderColumn(props: { items: PreviewHeaderItem[]; width: number }) {
  return (
    <div className="doc-header-col" style={{ width: `${props.width}pt` }}>
      {props.items.map((item, i) =>
        item.kind === 'text' ? (
          <div key={i} style={{ fontSize: `${item.size}pt`, fontWeight: item.bold ? 700 : 400, fontStyle: item.italic ? 'italic' : 'normal' }}>
            {item.text}
          </div>
        ) : item.kind === 'rule' ? (
          <hr key={i} className="doc-rule" style={{ width: `${item.length}pt` }} />
        ) : (
          <div key={i} style={{ height: `${item.size}pt` }} />
        ),
      )}
    </div>
  );
}

function Signature(props: { s: PreviewSignature }) {
  return (
    <div className="doc-sign">
      {props.s.titles.map((t) => (
        <div key={t} className="doc-sign-title">
          {t}
        </div>
      ))}
      <div className="doc-sign-space" />
      <div className="doc-sign-name">{props.s.name}</div>
    </div>
  );
}

export function MinutesPage(props: { content: MinutesPreview }) {
  const c = props.content;
  return (
    <article className="doc-page" data-testid="minutes-preview" lang="vi">
      <div className="doc-header">
        <HeaderColumn items={c.header.left} width={c.header.widths[0]} />
        <HeaderColumn items={c.header.right} width={c.header.widths[1]} />
      </div>
      <h1 className="doc-title">{c.title}</h1>
      <p className="doc-subject">{c.subject}</p>
      {c.body.map((p, i) => (
        <Paragraph key={i} p={p} />
      ))}
      {c.closing.map((p, i) => (
        <Paragraph key={`c${i}`} p={p} />
      ))}
      <div className="doc-signatures">
        <div>
          <Signature s={c.signatures.left} />
          {c.recipients.length > 0 ? (
            <div className="doc-recipients" data-testid="preview-recipients">
              <div className="doc-recipients-label">{vi.documents.recipientsLabel}</div>
              {c.recipients.map((r, i) => (
                <div key={i}>{r}</div>
              ))}
            </div>
          ) : null}
        </div>
        <div>
          <Signature s={c.signatures.right} />
        </div>
      </div>
    </article>
  );
}
