/**
 * What the secretary can do to the open conference. Each action updates local state at
 * once (counters move instantly) and sends the request through the save queue, so the
 * indicator knows when the server has it.
 */
import type { ApiInput } from '../../../shared/api/contract';
import type { Concern, Conference, Speaker } from '../../../shared/api/types';
import type { Handling } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { vi } from '../i18n/vi';
import { pushSave, track, whenKeysIdle } from '../save/queue';
import { focusSoon } from '../lib/focus';
import { refusalMessage } from '../lib/refusal';
import { defaultDeadline, followUpToggle } from '../lib/followup';
import { deadlineDays } from './deadline-days';
import { pushUndo, showNotice } from './app';
import {
  loadDetail,
  nextRegisteredSpeaker,
  patchConcern,
  patchConference,
  patchSpeaker,
  patchTurn,
  putConcern,
  putSpeaker,
  putTurn,
  removeConcern,
  removeSpeaker,
  removeTurn,
  resetConference,
  useConf,
} from './conference';

/** Structural operations run one after another, in the order the secretary asked. */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(op: () => Promise<T>): Promise<T> {
  const next = chain.then(op, op);
  chain = next.catch(() => undefined);
  return next;
}

function report(error: unknown): void {
  showNotice(errorMessage(error), 'error');
}

export async function loadConference(id: string): Promise<void> {
  resetConference(id);
  try {
    const detail = await api.call('conferences.get', { id });
    if (useConf.getState().id === id) loadDetail(detail);
  } catch (error) {
    useConf.setState({ loading: false, error: errorMessage(error) });
  }
}

type ConferencePatch = ApiInput<'conferences.update'>['patch'];

/** Sends one conference field through the queue (key per field). */
export function saveConferenceField<K extends keyof ConferencePatch>(key: K, value: ConferencePatch[K]): Promise<unknown> {
  const id = useConf.getState().id!;
  patchConference({ [key]: value } as Partial<Conference>);
  return api.call('conferences.update', { id, patch: { [key]: value } as ConferencePatch });
}

export function conferenceKey(field: string): string {
  return `conference:${useConf.getState().id}:${field}`;
}

// ── Turns ────────────────────────────────────────────────────────────────────────────

export function startTurn(): Promise<void> {
  return serial(async () => {
    const state = useConf.getState();
    const conferenceId = state.id;
    if (!conferenceId) return;
    const proposed = nextRegisteredSpeaker(state);
    try {
      const { turn, speaker } = await track(() => api.call('turns.start', { conferenceId, speakerId: null }));
      putSpeaker(speaker);
      putTurn(turn, proposed);
      if (useConf.getState().conference?.status === 'draft') patchConference({ status: 'live' });
      focusSoon(`[data-turn-id="${turn.id}"] [data-testid="speaker-input"]`);
    } catch (error) {
      report(error);
    }
  });
}

/** A speaker that belongs to this turn alone and was never registered: renaming it is safe. */
export function isOwnSpeaker(turnId: string): boolean {
  const s = useConf.getState();
  const turn = s.turns[turnId];
  if (!turn) return false;
  const speaker = s.speakers[turn.speakerId];
  if (!speaker || speaker.registrationOrder !== null) return false;
  return !s.turnIds.some((t) => t !== turnId && s.turns[t]?.speakerId === turn.speakerId);
}

/** Gives the turn another speaker (a registered one, or someone from an earlier conference). */
export function chooseSpeaker(turnId: string, speakerId: string): Promise<Speaker | null> {
  const before = useConf.getState().turns[turnId];
  if (!before) return Promise.resolve(null);
  const oldSpeakerId = before.speakerId;
  const dropOld = isOwnSpeaker(turnId) && oldSpeakerId !== speakerId;
  // Shown at once; the server confirms.
  patchTurn(turnId, { proposedSpeakerId: null });
  return serial(async () => {
    try {
      await whenKeysIdle(`speaker:${oldSpeakerId}:`);
      const { turn, speaker } = await track(() => api.call('turns.setSpeaker', { turnId, speakerId }));
      putSpeaker(speaker);
      patchTurn(turnId, { speakerId: turn.speakerId, proposedSpeakerId: null });
      if (dropOld && speaker.id !== oldSpeakerId) removeSpeaker(oldSpeakerId);
      return speaker;
    } catch (error) {
      report(error);
      return null;
    }
  });
}

export function saveSpeakerField(id: string, key: 'name' | 'position' | 'organization' | 'address', value: string): Promise<unknown> {
  patchSpeaker(id, { [key]: value });
  return api.call('speakers.update', { id, patch: { [key]: value } });
}

export function saveTurnSummary(id: string, summary: string): Promise<unknown> {
  patchTurn(id, { summary });
  return api.call('turns.update', { id, patch: { summary } });
}

export function deleteTurn(turnId: string): void {
  const turn = useConf.getState().turns[turnId];
  if (!turn) return;
  removeTurn(turnId);
  const deletion = serial(async () => {
    await whenKeysIdle('');
    await track(() => api.call('turns.delete', { id: turnId }));
  });
  deletion.catch((error) => {
    report(error);
    void reloadQuietly();
  });
  pushUndo(vi.live.turnDeleted(turn.seq), async () => {
    await deletion.catch(() => undefined);
    const restored = await serial(() => track(() => api.call('turns.restore', { id: turnId })));
    putTurn(restored);
    focusSoon(`[data-turn-id="${turnId}"] [data-testid="speaker-input"]`);
  });
}

// ── Concerns ─────────────────────────────────────────────────────────────────────────

/** Adds a concern to a turn (or to the pre-collected list when turnId is null). */
export function addConcern(turnId: string | null): Promise<void> {
  return serial(async () => {
    const conferenceId = useConf.getState().id;
    if (!conferenceId) return;
    try {
      const concern = await track(() => api.call('concerns.add', { conferenceId, turnId }));
      putConcern(concern);
      focusSoon(`[data-concern-id="${concern.id}"] [data-testid="concern-field"]`);
    } catch (error) {
      report(error);
    }
  });
}

type ConcernPatch = ApiInput<'concerns.update'>['patch'];

export function saveConcernField<K extends keyof ConcernPatch>(id: string, key: K, value: ConcernPatch[K]): Promise<unknown> {
  patchConcern(id, { [key]: value } as Partial<Concern>);
  return api.call('concerns.update', { id, patch: { [key]: value } as ConcernPatch });
}

/** Queued change of one concern field (handling, field, agency): local first, then sent. */
export function queueConcernField<K extends keyof ConcernPatch>(id: string, key: K, value: ConcernPatch[K]): void {
  patchConcern(id, { [key]: value } as Partial<Concern>);
  pushSave(`concern:${id}:${key}`, () => api.call('concerns.update', { id, patch: { [key]: value } as ConcernPatch }));
}

/**
 * A new handling. The server answers the matter's outcome, which follows the handling
 * (outcomes.ts: answered and noted start resolved) unless its history says otherwise; the
 * "Cần giải quyết tiếp" badge reads it. A matter assigned or forwarded without a deadline
 * gets the conference date plus the default days of Cài đặt, shown in its box to correct.
 */
export function setHandling(id: string, handling: Handling | null): void {
  patchConcern(id, { handling });
  pushSave(`concern:${id}:handling`, async () => {
    const saved = await api.call('concerns.update', { id, patch: { handling } });
    patchConcern(id, { status: saved.status });
  });
  const s = useConf.getState();
  const deadline = defaultDeadline(handling, s.concerns[id]?.deadline ?? null, s.conference?.date ?? null, deadlineDays());
  if (deadline) queueConcernField(id, 'deadline', deadline);
}

export function deleteConcern(id: string): void {
  const concern = useConf.getState().concerns[id];
  if (!concern) return;
  removeConcern(id);
  const deletion = serial(async () => {
    await whenKeysIdle('');
    await track(() => api.call('concerns.delete', { id }));
  });
  deletion.catch((error) => {
    report(error);
    void reloadQuietly();
  });
  pushUndo(vi.concern.deleted(concern.seq), async () => {
    await deletion.catch(() => undefined);
    const restored = await serial(() => track(() => api.call('concerns.restore', { id })));
    putConcern(restored);
    focusSoon(`[data-concern-id="${id}"] [data-testid="concern-text"]`);
  });
}

// ── Registration list ────────────────────────────────────────────────────────────────

export function registerSpeaker(name: string): Promise<Speaker | null> {
  return serial(async () => {
    const conferenceId = useConf.getState().id;
    if (!conferenceId) return null;
    try {
      const speaker = await track(() => api.call('speakers.register', { conferenceId, speaker: { name } }));
      putSpeaker(speaker);
      return speaker;
    } catch (error) {
      report(error);
      return null;
    }
  });
}

export function moveSpeaker(id: string, delta: -1 | 1): void {
  const state = useConf.getState();
  const ids = [...state.registeredIds];
  const at = ids.indexOf(id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= ids.length) return;
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  ids.forEach((sid, i) => patchSpeaker(sid, { registrationOrder: i + 1 }));
  useConf.setState({ registeredIds: ids });
  const conferenceId = state.id!;
  pushSave(`speakers-order:${conferenceId}`, () => api.call('speakers.reorder', { conferenceId, ids }));
}

export function deleteRegisteredSpeaker(id: string): void {
  const speaker = useConf.getState().speakers[id];
  if (!speaker) return;
  removeSpeaker(id);
  const deletion = serial(async () => {
    await whenKeysIdle('');
    await track(() => api.call('speakers.delete', { id }));
  });
  deletion.catch((error) => {
    report(error);
    void reloadQuietly();
  });
  pushUndo(vi.prepare.speakerDeleted(speaker.name), async () => {
    await deletion.catch(() => undefined);
    const restored = await serial(() => track(() => api.call('speakers.restore', { id })));
    putSpeaker(restored);
  });
}

// ── The conference as a whole ────────────────────────────────────────────────────────

export async function startConference(): Promise<boolean> {
  const id = useConf.getState().id;
  if (!id) return false;
  try {
    await whenKeysIdle('');
    const conference = await track(() => api.call('conferences.start', { id }));
    patchConference({ status: conference.status });
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}

/**
 * Closes with the end time the secretary confirmed. A refused time (before the start)
 * comes back as the message to show next to the box; null when closed.
 */
export async function closeConference(endTime: string): Promise<string | null> {
  const id = useConf.getState().id;
  if (!id) return null;
  try {
    await whenKeysIdle('');
    const conference = await api.call('conferences.close', { id, endTime });
    patchConference({ status: conference.status, endTime: conference.endTime });
    return null;
  } catch (error) {
    const message = refusalMessage(error);
    if (message) return message;
    report(error);
    return null;
  }
}

/** A corrected turn time (HH:mm on the conference date); the server answers the new instant. */
export async function saveTurnTime(id: string, time: string): Promise<unknown> {
  const turn = await api.call('turns.update', { id, patch: { startTime: time } });
  patchTurn(id, { startedAt: turn.startedAt });
  return turn;
}

export async function reopenConference(): Promise<void> {
  const id = useConf.getState().id;
  if (!id) return;
  try {
    const conference = await track(() => api.call('conferences.reopen', { id }));
    patchConference({ status: conference.status, endTime: conference.endTime });
  } catch (error) {
    report(error);
  }
}

/** After a failed structural change, show what the server really has. */
async function reloadQuietly(): Promise<void> {
  const id = useConf.getState().id;
  if (!id) return;
  try {
    loadDetail(await api.call('conferences.get', { id }));
  } catch {
    // The notice already told the secretary.
  }
}

// ── Follow-up from the live screen (issue 10) ────────────────────────────────────────

/**
 * Alt+5 on a matter answered at the conference: it still needs action, so its outcome
 * becomes open on the conference date (then she gives it an agency and a deadline).
 * Pressed again, it is resolved on that date: a later entry of its history, never a
 * rewrite. The outcome it toggles from is the server's, read once the handling is saved.
 */
export function toggleFollowUp(id: string): Promise<void> {
  return serial(async () => {
    await whenKeysIdle(`concern:${id}:handling`);
    const s = useConf.getState();
    const concern = s.concerns[id];
    const date = s.conference?.date;
    if (!concern || !date) return;
    if (concern.handling !== 'answered') {
      showNotice(vi.followup.needsActionOnlyAnswered, 'error');
      return;
    }
    const before = concern.status;
    const status = followUpToggle(before);
    patchConcern(id, { status });
    pushSave(
      `concern:${id}:outcome`,
      async () => {
        try {
          const [item] = await api.call('concerns.setStatus', { concernIds: [id], status, date });
          if (item) patchConcern(id, { status: item.status });
        } catch (error) {
          // Refused (a conference dated after today): the badge goes back, she is told why.
          const refused = refusalMessage(error);
          if (!refused) throw error;
          patchConcern(id, { status: before });
          showNotice(refused, 'error');
        }
      },
      { label: vi.followup.needsAction },
    );
    if (status === 'open') focusSoon(`[data-concern-id="${id}"] [data-testid="agency-input"]`);
  });
}
