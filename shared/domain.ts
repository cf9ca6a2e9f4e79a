/** Domain vocabulary (see docs/glossary.md): the closed lists and their Vietnamese labels. */

// "thị trấn" (town) went with the districts on 1/7/2025, but files from before still carry it.
export const UNIT_LEVELS = ['xã', 'phường', 'đặc khu', 'thị trấn', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const DOCUMENT_STYLES = ['party', 'government'] as const;
export type DocumentStyle = (typeof DOCUMENT_STYLES)[number];
export const DOCUMENT_STYLE_LABELS: Record<DocumentStyle, string> = {
  party: 'Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)',
  government: 'Văn bản hành chính (Nghị định 30/2020/NĐ-CP)',
};

export const CONFERENCE_KINDS = ['periodic', 'thematic', 'adHoc'] as const;
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];
export const CONFERENCE_KIND_LABELS: Record<ConferenceKind, string> = {
  periodic: 'Định kỳ',
  thematic: 'Chuyên đề',
  adHoc: 'Đột xuất',
};

export const CONFERENCE_STATUSES = ['draft', 'live', 'closed'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
export const CONFERENCE_STATUS_LABELS: Record<ConferenceStatus, string> = {
  draft: 'Đang chuẩn bị',
  live: 'Đang diễn ra',
  closed: 'Đã kết thúc',
};

export const HANDLINGS = ['answered', 'assigned', 'forwarded', 'noted'] as const;
export type Handling = (typeof HANDLINGS)[number];
export const HANDLING_LABELS: Record<Handling, string> = {
  answered: 'Trả lời tại hội nghị',
  assigned: 'Giao giải quyết',
  forwarded: 'Kiến nghị cấp trên',
  noted: 'Ghi nhận, tiếp thu',
};

export const CONCERN_STATUSES = ['open', 'inProgress', 'resolved'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  open: 'Chưa giải quyết',
  inProgress: 'Đang giải quyết',
  resolved: 'Đã giải quyết',
};

export const CONCERN_SOURCES = ['turn', 'precollected'] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

/** The documents a conference produces, and the formats each comes in. */
export const DOCUMENT_KINDS = ['minutes', 'report', 'notice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = { minutes: ['docx', 'pdf'], report: ['docx', 'xlsx'], notice: ['docx', 'pdf'] } as const;
export type DocumentFormat = 'docx' | 'pdf' | 'xlsx';
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  minutes: 'Biên bản hội nghị',
  report: 'Báo cáo kết quả (Biểu 01, Biểu 02)',
  notice: 'Thông báo kết luận',
};

/** The largest package file (.doithoai) accepted, checked by the renderer before sending and by the reader. */
export const PACKAGE_MAX_BYTES = 64 * 1024 * 1024;
/** The package file's extension: the export names its file so, the command line asks for it. */
export const PACKAGE_EXTENSION = '.doithoai';
