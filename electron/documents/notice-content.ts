/**
 * The conclusion notice (thông báo kết luận) the head issues after the conference: the
 * conference in one paragraph, the head's conclusion, then what must be done — the matters
 * assigned, grouped by agency with each deadline, and those forwarded to the level above —
 * so that each agency on "Nơi nhận" finds its tasks (docs/document-formats.md, "The conclusion notice (thông báo kết luận)").
 */
import { HANDLINGS } from '../../shared/domain';
import { count2, dateCell, dateWords, joinParts, lowerFirst, sentence, timeWords } from './format';
import { defaultSigner, headerSpec, noticeSignature, organiserName, type HeaderSpec, type ResolvedOptions, type SignatureBlock } from './header';
import { heading, para, type Block, type Run } from './layout';
import { meetingOrder, type DocConcern, type DocumentModel } from './model';
import { HANDLING_PHRASES } from './report-content';

export interface NoticeContent {
  header: HeaderSpec;
  title: string;
  subject: string;
  body: Block[];
  signature: SignatureBlock;
  recipients: string[];
}

/** One agency's tasks. `agency` is empty for matters assigned without naming one. */
export interface NoticeGroup {
  agency: string;
  matters: DocConcern[];
}

/** Printed over assigned matters whose agency the secretary has not recorded yet. */
export const NO_AGENCY = 'Cơ quan, đơn vị chưa xác định';

/**
 * The matters the notice lists: assigned ones grouped by agency, the agencies in the order
 * they were first named at the meeting (the order of the minutes), the matters of each in
 * meeting order, those without an agency last; then the forwarded ones in meeting order.
 */
export function noticeMatters(model: Pick<DocumentModel, 'precollected' | 'turns'>): { assigned: NoticeGroup[]; forwarded: DocConcern[] } {
  const all = meetingOrder(model);
  const groups = new Map<string, DocConcern[]>();
  for (const c of all.filter((c) => c.handling === 'assigned')) {
    const list = groups.get(c.agencyName) ?? [];
    list.push(c);
    groups.set(c.agencyName, list);
  }
  const assigned = [...groups].map(([agency, matters]) => ({ agency, matters }));
  assigned.sort((a, b) => Number(a.agency === '') - Number(b.agency === ''));
  return { assigned, forwarded: all.filter((c) => c.handling === 'forwarded') };
}

/**
 * "Thời hạn giải quyết: 31/10/2026." — dotted when no deadline is recorded, to be written by
 * hand. A no-break space keeps the date on the line of its label: "quyết:" alone at the end of
 * a line, the date starting the next, read badly on the first pages we printed.
 */
function deadlineRun(c: DocConcern): Run {
  return { text: ` Thời hạn giải quyết:\u00a0${c.deadline ? dateCell(c.deadline) : '……'}.`, italic: true };
}

export function noticeContent(model: DocumentModel, options: ResolvedOptions): NoticeContent {
  const c = model.conference;
  const counts = model.counts;
  const organiser = organiserName(model);
  const all = meetingOrder(model);
  const raised = all.length - model.precollected.length;
  const signer = options.signer ?? defaultSigner(model, 'notice');
  const body: Block[] = [];

  // The conference: when, where, who chaired, who came, what was raised and how it was handled.
  const chairs = c.chairs.map((p) => joinParts([`đồng chí ${p.name}`, p.position])).join('; ');
  const attendance = c.attendeeCount !== null ? ` Tham dự hội nghị có ${count2(c.attendeeCount)} đại biểu.` : '';
  body.push(
    para(
      `Vào hồi ${timeWords(c.startTime)}, ${dateWords(c.date)}${c.location ? `, tại ${c.location}` : ''}, ${organiser} tổ chức ${lowerFirst(c.title)}${
        chairs ? `. Chủ trì hội nghị: ${chairs}` : ''
      }.${attendance}`,
    ),
  );
  const handled = HANDLINGS.filter((h) => counts.byHandling[h] > 0).map((h) => `${HANDLING_PHRASES[h]} ${count2(counts.byHandling[h])} nội dung`);
  body.push(
    para(
      `Tại hội nghị có ${count2(model.turns.length)} lượt ý kiến với ${count2(raised)} nội dung kiến nghị, phản ánh${
        model.precollected.length > 0 ? `; cùng ${count2(model.precollected.length)} nội dung do Ủy ban MTTQ tổng hợp trước hội nghị, tổng số ${count2(all.length)} nội dung` : ''
      }${handled.length > 0 ? `. Trong đó: ${handled.join('; ')}` : ''}.`,
    ),
  );
  // Who concluded: the signer, or when no chair's office fits the signature, the chair who presided.
  const head = signer.name ? signer : (c.chairs[0] ?? { name: '', position: '' });
  const who = head.name ? joinParts([`đồng chí ${head.name}`, head.position]) : 'chủ trì hội nghị';
  body.push(para(`Sau khi nghe ý kiến, kiến nghị của Nhân dân và ý kiến trả lời, giải trình của các cơ quan, đơn vị, ${who} kết luận như sau:`));

  let section = 0;
  const next = (title: string) => heading(`${++section}. ${title}`);
  body.push(next('Kết luận chung'));
  body.push(para(c.conclusion ? sentence(c.conclusion) : '…'));

  const { assigned, forwarded } = noticeMatters(model);
  if (assigned.length > 0) {
    const n = section + 1;
    body.push(next('Giao các cơ quan, đơn vị giải quyết các ý kiến, kiến nghị sau'));
    assigned.forEach((g, i) => {
      body.push(para([{ text: `${n}.${i + 1}. ${g.agency || NO_AGENCY} (${count2(g.matters.length)} nội dung):`, bold: true, italic: true }], { keepNext: true }));
      for (const m of g.matters) body.push(para([{ text: `- ${sentence(m.text)}` }, deadlineRun(m)]));
    });
  }
  if (forwarded.length > 0) {
    const parent = model.unit.parentName ? `cấp ủy, chính quyền ${lowerFirst(model.unit.parentName)}` : 'cấp trên';
    body.push(next('Các nội dung kiến nghị cấp trên'));
    body.push(para(`Đối với ${count2(forwarded.length)} nội dung vượt thẩm quyền, ${organiser} tổng hợp, kiến nghị ${parent} xem xét, giải quyết:`, { keepNext: true }));
    for (const m of forwarded) {
      const agency: Run[] = m.agencyName ? [{ text: ` Cơ quan theo dõi: ${m.agencyName}.`, italic: true }] : [];
      const deadline: Run[] = m.deadline ? [{ text: ` Thời hạn:\u00a0${dateCell(m.deadline)}.`, italic: true }] : [];
      body.push(para([{ text: `- ${sentence(m.text)}` }, ...agency, ...deadline]));
    }
  }

  body.push(next('Tổ chức thực hiện'));
  body.push(
    para(
      assigned.length + forwarded.length > 0
        ? `Các cơ quan, đơn vị được giao nhiệm vụ khẩn trương triển khai giải quyết, trả lời cho Nhân dân và báo cáo kết quả về ${organiser} trước thời hạn nêu trên. Đề nghị Ủy ban MTTQ Việt Nam ${lowerFirst(model.unit.name)} và các tổ chức chính trị - xã hội theo dõi, giám sát việc giải quyết.`
        : 'Các ý kiến, kiến nghị tại hội nghị đã được trả lời trực tiếp hoặc ghi nhận, tiếp thu; không có nội dung giao giải quyết hoặc kiến nghị cấp trên.',
    ),
  );
  body.push(para(`${organiser} thông báo để các cơ quan, đơn vị và Nhân dân biết, thực hiện.`));

  const office = head.name && head.position ? `đồng chí ${head.position}` : 'chủ trì hội nghị';
  return {
    header: headerSpec(model, 'notice', options),
    title: 'THÔNG BÁO',
    subject: `Kết luận của ${office} tại ${c.title}`,
    body,
    signature: noticeSignature(model, options.signer),
    recipients: options.recipients,
  };
}
