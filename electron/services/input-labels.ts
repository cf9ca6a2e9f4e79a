/**
 * Vietnamese names for the places in a request where the input was wrong. The validator
 * reports a path such as ["patch", "title"]; the person reading the message (the
 * secretary, or someone at the command line) must read "Tên hội nghị", never "patch.title".
 * The same key means different things in different methods ("name" of a unit, a speaker,
 * a field), so the method's group is asked first, then the common names.
 */

const BY_GROUP: Record<string, Record<string, string>> = {
  unit: {
    name: 'Tên đơn vị',
    level: 'Cấp đơn vị',
    code: 'Mã đơn vị hành chính',
    parentName: 'Tên đơn vị cấp trên',
    documentStyle: 'Kiểu văn bản',
    headerParentLine: 'Dòng tên cơ quan cấp trên',
    headerIssuerLine: 'Dòng tên cơ quan ban hành',
    placeName: 'Địa danh',
  },
  conferences: {
    title: 'Tên hội nghị',
    kind: 'Hình thức hội nghị',
    date: 'Ngày hội nghị',
    startTime: 'Giờ bắt đầu',
    endTime: 'Giờ kết thúc',
    location: 'Địa điểm',
    planRef: 'Căn cứ kế hoạch',
    chairs: 'Chủ trì',
    secretary: 'Thư ký',
    guests: 'Khách mời',
    attendeeCount: 'Số người dự',
    attendanceNote: 'Ghi chú thành phần dự',
    report: 'Báo cáo',
    conclusion: 'Kết luận',
  },
  speakers: { name: 'Họ tên', speaker: 'Đại biểu' },
  turns: { summary: 'Tóm tắt ý kiến', speakerId: 'Người phát biểu', speaker: 'Người phát biểu', startTime: 'Giờ bắt đầu lượt' },
  concerns: {
    text: 'Nội dung kiến nghị, phản ánh',
    fieldId: 'Lĩnh vực',
    handling: 'Hình thức xử lý',
    answeredBy: 'Người trả lời',
    answer: 'Nội dung trả lời',
    agencyName: 'Cơ quan giải quyết',
    deadline: 'Hạn giải quyết',
    status: 'Tình trạng giải quyết',
    note: 'Ghi chú',
    date: 'Ngày',
    // Follow-up (issue 10): a dated entry of a matter's outcome.
    concernIds: 'Nội dung',
    concernId: 'Nội dung',
    reportedBy: 'Cơ quan báo cáo',
    reference: 'Số văn bản trả lời',
  },
  fields: { name: 'Tên lĩnh vực' },
  agencies: { name: 'Tên cơ quan', from: 'Cơ quan cần gộp', into: 'Gộp vào cơ quan' },
  // Follow-up (issue 10): the Theo dõi list's filters and the default deadlines in Cài đặt.
  followup: {
    status: 'Kết quả giải quyết',
    overdue: 'Quá hạn',
    dueWithinDays: 'Sắp đến hạn (số ngày)',
    agencyId: 'Cơ quan giải quyết',
    fieldId: 'Lĩnh vực',
    unitId: 'Đơn vị',
    from: 'Hội nghị từ ngày',
    to: 'Hội nghị đến ngày',
    asOf: 'Tính đến ngày',
    limit: 'Số dòng tối đa',
  },
  followupSettings: {
    deadlineDays: 'Thời hạn giải quyết mặc định',
    assigned: 'Giao giải quyết (số ngày)',
    forwarded: 'Kiến nghị cấp trên (số ngày)',
  },
  responses: { unitId: 'Đơn vị cấp dưới' },
};

const COMMON: Record<string, string> = {
  id: 'Mã bản ghi',
  ids: 'Danh sách',
  conferenceId: 'Hội nghị',
  turnId: 'Lượt ý kiến',
  speakerId: 'Đại biểu',
  name: 'Họ tên',
  position: 'Chức vụ',
  organization: 'Đại diện cho',
  address: 'Địa chỉ',
  query: 'Nội dung tìm',
  from: 'Từ ngày',
  to: 'Đến ngày',
  date: 'Ngày',
  file: 'Tệp',
  files: 'Tệp',
  number: 'Số văn bản',
  recipients: 'Nơi nhận',
  format: 'Định dạng tệp',
  asOf: 'Tính đến ngày',
};

/**
 * "Chủ trì thứ 2 — Họ tên" for ["patch", "chairs", 1, "name"]; null when no part of the path
 * has a name we know (the message is then shown alone rather than with a raw key).
 */
export function inputLabel(method: string, path: ReadonlyArray<string | number>): string | null {
  const group = BY_GROUP[method.split('.')[0] ?? ''] ?? {};
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i]!;
    if (typeof key === 'number') {
      if (parts.length > 0) parts[parts.length - 1] += ` thứ ${key + 1}`;
      continue;
    }
    const label = group[key] ?? COMMON[key];
    if (label) parts.push(label);
  }
  return parts.length > 0 ? parts.join(' — ') : null;
}
