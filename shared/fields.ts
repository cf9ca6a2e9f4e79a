/**
 * The 14 default fields (lĩnh vực) seen in real reports, in report order. Their ids are
 * fixed so that the same field means the same row in every unit's database when the
 * parent unit merges packages.
 */
export const DEFAULT_FIELDS: ReadonlyArray<{ id: string; name: string }> = [
  { id: '00000000-0000-4000-8000-000000000101', name: 'Quy hoạch, giải phóng mặt bằng, xây dựng cơ bản' },
  { id: '00000000-0000-4000-8000-000000000102', name: 'Quản lý đất đai' },
  { id: '00000000-0000-4000-8000-000000000103', name: 'Trật tự xây dựng, quản lý đô thị' },
  { id: '00000000-0000-4000-8000-000000000104', name: 'Tài nguyên, môi trường, vệ sinh môi trường' },
  { id: '00000000-0000-4000-8000-000000000105', name: 'Tài chính, ngân sách, thuế' },
  { id: '00000000-0000-4000-8000-000000000106', name: 'Nông nghiệp, nông thôn mới' },
  { id: '00000000-0000-4000-8000-000000000107', name: 'Công nghiệp, thương mại, dịch vụ' },
  { id: '00000000-0000-4000-8000-000000000108', name: 'Giao thông, hạ tầng kỹ thuật' },
  { id: '00000000-0000-4000-8000-000000000109', name: 'Văn hóa, xã hội, giáo dục, y tế' },
  { id: '00000000-0000-4000-8000-000000000110', name: 'Chính sách, an sinh xã hội' },
  { id: '00000000-0000-4000-8000-000000000111', name: 'Quốc phòng, an ninh, trật tự an toàn xã hội' },
  { id: '00000000-0000-4000-8000-000000000112', name: 'Xây dựng Đảng, chính quyền, công tác dân vận' },
  { id: '00000000-0000-4000-8000-000000000113', name: 'Cải cách hành chính' },
  { id: '00000000-0000-4000-8000-000000000114', name: 'Lĩnh vực khác' },
];
