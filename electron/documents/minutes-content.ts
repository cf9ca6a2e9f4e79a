/**
 * The minutes' text, in the order docs/document-formats.md gives: time and place, composition and
 * attendance, secretary, proceedings (opening, report, the Front's pre-collected matters
 * by field, every turn with its matters and their handling), conclusion, end, adoption.
 * Built once as blocks, so the DOCX and the PDF say exactly the same thing.
 */
import type { Person } from '../../shared/api/types';
import { fold } from '../../shared/text';
import { count2, dateWords, joinParts, lowerFirst, sentence, timeWords } from './format';
import {
  headerSpec,
  minutesSignatures,
  organiserName,
  type HeaderSpec,
  type ResolvedOptions,
  type SignatureBlock,
} from './header';
import { heading, labelled, para, type Block, type Run } from './layout';
import type { DocConcern, DocTurn, DocumentModel } from './model';
import { CARRY_OVER_TITLE, carryOverBlocks } from './carry-over-content';

export interface MinutesContent {
  header: HeaderSpec;
  title: string;
  subject: string;
  body: Block[];
  /** End time and adoption: printed on the same page as the signatures. */
  closing: Block[];
  signatures: { left: SignatureBlock; right: SignatureBlock };
  recipients: string[];
}

const person = (p: Person): string => joinParts([`đồng chí ${p.name}`, p.position]);

/** How a matter was handled, as one line under it; null when nothing is recorded yet. */
export function handlingLine(c: DocConcern): Run[] | null {
  switch (c.handling) {
    case 'answered': {
      const who = c.answeredBy ? `Đồng chí ${c.answeredBy} trả lời` : 'Trả lời tại hội nghị';
      return [{ text: `+ ${who}: `, italic: true }, { text: sentence(c.answer || 'đã trả lời trực tiếp tại hội nghị') }];
    }
    case 'assigned': {
      const deadline = c.deadline ? `, thời hạn giải quyết: ${dateWords(c.deadline)}` : '';
      return [{ text: '+ Giao giải quyết: ', italic: true }, { text: `${c.agencyName || 'cơ quan chuyên môn'}${deadline}.` }];
    }
    case 'forwarded':
      return [{ text: '+ Kiến nghị cấp trên: ', italic: true }, { text: 'nội dung vượt thẩm quyền, tổng hợp kiến nghị cấp trên xem xét, giải quyết.' }];
    case 'noted':
      return [{ text: '+ Hội nghị ghi nhận, tiếp thu.', italic: true }];
    default:
      return null;
  }
}

function concernBlocks(c: DocConcern): Block[] {
  const blocks: Block[] = [para(`- ${sentence(c.text)}`)];
  const handling = handlingLine(c);
  if (handling) blocks.push(para(handling));
  if (c.note) blocks.push(para([{ text: `Ghi chú: ${sentence(c.note)}`, italic: true }]));
  return blocks;
}

/** What a turn without a matter said, when the secretary wrote no summary. */
export const NO_MATTER = 'phát biểu ý kiến, không nêu kiến nghị';

/**
 * "1. Đại biểu …, position, address:" over the turn's matters. A turn with no matter is one
 * whole sentence — its summary, or "… phát biểu ý kiến, không nêu kiến nghị." — never a
 * line ending in a colon with nothing under it.
 */
function speakerLine(t: DocTurn): Run[] {
  const s = t.speaker;
  // "Hội viên Hội Nông dân, Hội Nông dân" says the organisation twice: keep it once.
  const organization = s.organization && !fold(s.position).includes(fold(s.organization)) ? s.organization : '';
  const about = joinParts([s.position, organization, s.address]);
  const who: Run[] = [{ text: `${t.seq}. Đại biểu ${s.name || '(chưa ghi tên)'}`, bold: true }, ...(about ? [{ text: `, ${about}` }] : [])];
  if (t.concerns.length > 0) return [...who, { text: ':' }];
  if (t.summary) return [...who, { text: `: ${sentence(t.summary)}` }];
  return [...who, { text: ` ${NO_MATTER}.` }];
}

/** "12 nội dung về quy hoạch…; 03 nội dung về quản lý đất đai" in field order. */
export function byFieldPhrase(model: DocumentModel, concerns: DocConcern[]): string[] {
  return model.fields
    .map((field) => ({ field, n: concerns.filter((c) => c.fieldName === field).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${count2(x.n)} nội dung về ${lowerFirst(x.field)}`);
}

export function minutesContent(model: DocumentModel, options: ResolvedOptions): MinutesContent {
  const c = model.conference;
  const body: Block[] = [];
  const unit = lowerFirst(model.unit.name);

  if (c.planRef) {
    body.push(para(`Thực hiện ${c.planRef}, ${organiserName(model)} tổ chức ${lowerFirst(c.title)} (hình thức: ${lowerFirst(c.kindLabel)}).`));
  }
  body.push(labelled('Thời gian bắt đầu', `${timeWords(c.startTime)}, ${dateWords(c.date)}.`));
  body.push(labelled('Địa điểm', sentence(c.location || '…')));

  body.push(para([{ text: 'Thành phần tham dự:', bold: true }], { keepNext: true }));
  if (c.chairs.length > 0) body.push(para(`- Chủ trì hội nghị: ${c.chairs.map(person).join('; ')}.`));
  if (c.guests.length > 0) body.push(para(`- Khách mời: ${c.guests.join('; ')}.`));
  // The socio-political organisations (Hội …, Đoàn …, Công đoàn) that spoke; the Front is named already.
  const organisations = model.organizations.filter((o) => /^(hội|đoàn|công đoàn|liên đoàn)\s/i.test(o));
  body.push(
    para(
      `- Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội${
        organisations.length > 0 ? ` (${organisations.join(', ')})` : ''
      } và Nhân dân ${unit}.`,
    ),
  );
  const attendance = c.attendeeCount !== null ? `${count2(c.attendeeCount)} người` : '…';
  body.push(para(sentence(`- Tổng số đại biểu tham dự: ${attendance}${c.attendanceNote ? ` (${c.attendanceNote.replace(/[.;]$/, '')})` : ''}`)));
  body.push(labelled('Thư ký hội nghị', sentence(c.secretary.name ? person(c.secretary) : '…')));

  body.push(para([{ text: 'Nội dung hội nghị:', bold: true }], { keepNext: true }));
  let section = 0;
  const next = (title: string) => heading(`${++section}. ${title}`);

  body.push(next('Khai mạc hội nghị'));
  const opener = c.chairs[0];
  body.push(
    para(
      opener
        ? `Đồng chí ${opener.name}${opener.position ? `, ${opener.position}` : ''} khai mạc hội nghị, tuyên bố lý do, giới thiệu đại biểu và nêu mục đích, yêu cầu của hội nghị.`
        : 'Chủ trì hội nghị khai mạc hội nghị, tuyên bố lý do, giới thiệu đại biểu và nêu mục đích, yêu cầu của hội nghị.',
    ),
  );

  // FORMATS: the chair reports the follow-up of the earlier conferences at the opening, so the
  // section comes right after it — before today's report and the turns that build on it.
  const carryOver = carryOverBlocks(model.carryOver, c.date);
  if (carryOver.length > 0) {
    body.push(next(CARRY_OVER_TITLE));
    body.push(...carryOver);
  }

  if (c.report) {
    body.push(next('Báo cáo tại hội nghị'));
    body.push(para(`Hội nghị nghe ${lowerFirst(sentence(c.report))}`));
  }

  if (model.precollected.length > 0) {
    body.push(next('Ý kiến do Ủy ban MTTQ tổng hợp trước hội nghị'));
    body.push(
      para(
        `Ủy ban MTTQ Việt Nam ${unit} báo cáo tổng hợp ${count2(model.precollected.length)} nội dung ý kiến, kiến nghị của Nhân dân trước hội nghị, gồm: ${byFieldPhrase(model, model.precollected).join('; ')}.`,
      ),
    );
    for (const field of model.fields) {
      const inField = model.precollected.filter((p) => p.fieldName === field);
      if (inField.length === 0) continue;
      body.push(para([{ text: `Lĩnh vực ${lowerFirst(field)} (${count2(inField.length)} nội dung):`, italic: true, bold: true }], { keepNext: true }));
      for (const concern of inField) body.push(...concernBlocks(concern));
    }
  }

  body.push(next('Ý kiến phát biểu của đại biểu'));
  const raised = model.turns.reduce((n, t) => n + t.concerns.length, 0);
  if (model.turns.length === 0) {
    body.push(para('Không có đại biểu phát biểu ý kiến tại hội nghị.'));
  } else {
    const registered = model.counts.speakersRegistered;
    body.push(
      para(
        `Tại hội nghị có ${count2(model.turns.length)} lượt ý kiến phát biểu với ${count2(raised)} nội dung kiến nghị, phản ánh${
          registered > 0 ? ` (${count2(registered)} đại biểu đăng ký phát biểu trước hội nghị)` : ''
        }. Cụ thể như sau:`,
      ),
    );
    for (const turn of model.turns) {
      const matters = turn.concerns.length > 0;
      body.push(para(speakerLine(turn), { keepNext: matters }));
      if (matters && turn.summary) body.push(para(sentence(turn.summary)));
      for (const concern of turn.concerns) body.push(...concernBlocks(concern));
    }
  }

  body.push(next('Kết luận của chủ trì hội nghị'));
  body.push(para(c.conclusion ? sentence(c.conclusion) : '…'));

  const closing: Block[] = [
    para(c.endTime ? `Hội nghị kết thúc vào hồi ${timeWords(c.endTime)} cùng ngày.` : 'Hội nghị kết thúc vào hồi …… giờ …… phút cùng ngày.', {
      keepNext: true,
    }),
    para('Biên bản đã được thông qua trước hội nghị.', { keepNext: true }),
  ];

  return {
    header: headerSpec(model, 'minutes', options),
    title: 'BIÊN BẢN',
    subject: c.title,
    body,
    closing,
    signatures: minutesSignatures(model, options.signer),
    recipients: options.recipients,
  };
}
