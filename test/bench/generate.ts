/** Builds a large conference through the real API, for benchmarks: 300 turns, 600 concerns. */
import type { Backend } from '../../electron/backend';
import { DEFAULT_FIELDS } from '../../shared/fields';
import { HANDLINGS } from '../../shared/domain';

export function call<T>(backend: Backend, method: string, input: unknown): T {
  const result = backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

export function generateConference(backend: Backend, turns = 300, concernsPerTurn = 2): string {
  if (!call(backend, 'unit.get', {})) {
    call(backend, 'unit.save', { name: 'Phường Thử Nghiệm', level: 'phường', parentName: 'Thành phố Hải An' });
  }
  const conference = call<{ id: string }>(backend, 'conferences.create', {
    title: `Hội nghị đối thoại thử tải ${turns} lượt`,
    date: '2026-09-16',
    startTime: '08:00',
  });
  for (let t = 0; t < turns; t++) {
    const { turn } = call<{ turn: { id: string } }>(backend, 'turns.start', {
      conferenceId: conference.id,
      speaker: { name: `Nguyễn Văn Đại Biểu ${t + 1}`, address: `Tổ dân phố số ${(t % 20) + 1}` },
    });
    for (let c = 0; c < concernsPerTurn; c++) {
      const i = t * concernsPerTurn + c;
      const handling = HANDLINGS[i % HANDLINGS.length]!;
      call(backend, 'concerns.add', {
        conferenceId: conference.id,
        turnId: turn.id,
        initial: {
          fieldId: DEFAULT_FIELDS[i % DEFAULT_FIELDS.length]!.id,
          text: `Đề nghị xem xét giải quyết dứt điểm việc số ${i + 1} của bà con khu dân cư, đã kiến nghị nhiều lần nhưng chưa có kết quả.`,
          handling,
          ...(handling === 'answered' ? { answeredBy: 'Chủ tịch UBND phường', answer: 'Đã trả lời tại hội nghị.' } : {}),
          ...(handling === 'assigned' ? { agencyName: 'Phòng Kinh tế, Hạ tầng và Đô thị', deadline: '2026-12-31' } : {}),
        },
      });
    }
  }
  call(backend, 'conferences.start', { id: conference.id });
  return conference.id;
}
