/**
 * The open conference, normalised so that one keystroke re-renders one item: turns and
 * concerns are records by id, lists hold ids. Counters are computed from this state,
 * so they move the instant the secretary acts, and equal the server's counts.
 */
import { create } from 'zustand';
import type { Concern, Conference, ConferenceDetail, Speaker, Turn } from '../../../shared/api/types';
import { HANDLINGS, type Handling } from '../../../shared/domain';

export interface TurnState {
  id: string;
  speakerId: string;
  seq: number;
  startedAt: string;
  summary: string;
  concernIds: string[];
  /** The registered speaker proposed when the turn began (not yet accepted). */
  proposedSpeakerId: string | null;
}

export interface ConferenceState {
  id: string | null;
  loading: boolean;
  error: string | null;
  conference: Conference | null;
  unitName: string;
  /** Set when a child unit sent this conference up: then it is shown read-only. */
  imported: ConferenceDetail['imported'];
  speakers: Record<string, Speaker>;
  /** Registered speakers in registration order. */
  registeredIds: string[];
  turnIds: string[];
  turns: Record<string, TurnState>;
  concerns: Record<string, Concern>;
  precollectedIds: string[];
}

const empty: ConferenceState = {
  id: null,
  loading: false,
  error: null,
  conference: null,
  unitName: '',
  imported: null,
  speakers: {},
  registeredIds: [],
  turnIds: [],
  turns: {},
  concerns: {},
  precollectedIds: [],
};

export const useConf = create<ConferenceState>(() => ({ ...empty }));

function registeredOrder(speakers: Record<string, Speaker>): string[] {
  return Object.values(speakers)
    .filter((s) => s.registrationOrder !== null)
    .sort((a, b) => a.registrationOrder! - b.registrationOrder!)
    .map((s) => s.id);
}

export function turnState(turn: Turn, proposedSpeakerId: string | null = null): TurnState {
  return {
    id: turn.id,
    speakerId: turn.speakerId,
    seq: turn.seq,
    startedAt: turn.startedAt,
    summary: turn.summary,
    concernIds: turn.concerns.map((c) => c.id),
    proposedSpeakerId,
  };
}

export function loadDetail(detail: ConferenceDetail): void {
  const speakers: Record<string, Speaker> = {};
  for (const s of detail.speakers) speakers[s.id] = s;
  const turns: Record<string, TurnState> = {};
  const concerns: Record<string, Concern> = {};
  for (const t of detail.turns) {
    turns[t.id] = turnState(t);
    for (const c of t.concerns) concerns[c.id] = c;
  }
  for (const c of detail.precollected) concerns[c.id] = c;
  useConf.setState({
    id: detail.conference.id,
    loading: false,
    error: null,
    conference: detail.conference,
    unitName: detail.unitName,
    imported: detail.imported ?? null,
    speakers,
    registeredIds: registeredOrder(speakers),
    turnIds: detail.turns.map((t) => t.id),
    turns,
    concerns,
    precollectedIds: detail.precollected.map((c) => c.id),
  });
}

export function resetConference(id: string | null): void {
  useConf.setState({ ...empty, id, loading: id !== null });
}

export function patchConference(patch: Partial<Conference>): void {
  useConf.setState((s) => (s.conference ? { conference: { ...s.conference, ...patch } } : {}));
}

export function putSpeaker(speaker: Speaker): void {
  useConf.setState((s) => {
    const speakers = { ...s.speakers, [speaker.id]: speaker };
    return { speakers, registeredIds: registeredOrder(speakers) };
  });
}

export function patchSpeaker(id: string, patch: Partial<Speaker>): void {
  useConf.setState((s) => {
    const current = s.speakers[id];
    if (!current) return {};
    return { speakers: { ...s.speakers, [id]: { ...current, ...patch } } };
  });
}

export function removeSpeaker(id: string): void {
  useConf.setState((s) => {
    const speakers = { ...s.speakers };
    delete speakers[id];
    return { speakers, registeredIds: registeredOrder(speakers) };
  });
}

export function setSpeakerList(list: Speaker[]): void {
  useConf.setState((s) => {
    const speakers = { ...s.speakers };
    for (const sp of list) speakers[sp.id] = sp;
    return { speakers, registeredIds: registeredOrder(speakers) };
  });
}

/** Adds (or puts back) a turn and its concerns, keeping speaking order. */
export function putTurn(turn: Turn, proposedSpeakerId: string | null = null): void {
  useConf.setState((s) => {
    const concerns = { ...s.concerns };
    for (const c of turn.concerns) concerns[c.id] = c;
    const turns = { ...s.turns, [turn.id]: turnState(turn, proposedSpeakerId) };
    const turnIds = s.turnIds.includes(turn.id) ? s.turnIds : [...s.turnIds, turn.id];
    turnIds.sort((a, b) => turns[a]!.seq - turns[b]!.seq);
    return { turns, turnIds: [...turnIds], concerns };
  });
}

export function patchTurn(id: string, patch: Partial<TurnState>): void {
  useConf.setState((s) => {
    const current = s.turns[id];
    if (!current) return {};
    return { turns: { ...s.turns, [id]: { ...current, ...patch } } };
  });
}

export function removeTurn(id: string): void {
  useConf.setState((s) => {
    const turns = { ...s.turns };
    delete turns[id];
    return { turns, turnIds: s.turnIds.filter((t) => t !== id) };
  });
}

/** Adds (or puts back) a concern in its turn or in the pre-collected list, by seq. */
export function putConcern(concern: Concern): void {
  useConf.setState((s) => {
    const concerns = { ...s.concerns, [concern.id]: concern };
    const bySeq = (ids: string[]) =>
      (ids.includes(concern.id) ? [...ids] : [...ids, concern.id]).sort((a, b) => concerns[a]!.seq - concerns[b]!.seq);
    if (concern.turnId === null) return { concerns, precollectedIds: bySeq(s.precollectedIds) };
    const turn = s.turns[concern.turnId];
    if (!turn) return { concerns };
    return { concerns, turns: { ...s.turns, [turn.id]: { ...turn, concernIds: bySeq(turn.concernIds) } } };
  });
}

export function patchConcern(id: string, patch: Partial<Concern>): void {
  useConf.setState((s) => {
    const current = s.concerns[id];
    if (!current) return {};
    return { concerns: { ...s.concerns, [id]: { ...current, ...patch } } };
  });
}

export function removeConcern(id: string): void {
  useConf.setState((s) => {
    const concern = s.concerns[id];
    if (!concern) return {};
    const concerns = { ...s.concerns };
    delete concerns[id];
    if (concern.turnId === null) return { concerns, precollectedIds: s.precollectedIds.filter((c) => c !== id) };
    const turn = s.turns[concern.turnId];
    if (!turn) return { concerns };
    return { concerns, turns: { ...s.turns, [turn.id]: { ...turn, concernIds: turn.concernIds.filter((c) => c !== id) } } };
  });
}

export interface LiveCounts {
  turns: number;
  concerns: number;
  answered: number;
  assigned: number;
  forwarded: number;
  noted: number;
}

/** The same rule as the server: concerns of live turns plus the pre-collected ones. */
export function computeCounts(s: ConferenceState): LiveCounts {
  const counts: LiveCounts = { turns: s.turnIds.length, concerns: 0, answered: 0, assigned: 0, forwarded: 0, noted: 0 };
  const add = (id: string) => {
    const c = s.concerns[id];
    if (!c) return;
    counts.concerns += 1;
    if (c.handling && (HANDLINGS as readonly Handling[]).includes(c.handling)) counts[c.handling] += 1;
  };
  for (const id of s.precollectedIds) add(id);
  for (const t of s.turnIds) for (const id of s.turns[t]?.concernIds ?? []) add(id);
  return counts;
}

/** The first registered speaker who has not had a turn yet, in registration order. */
export function nextRegisteredSpeaker(s: ConferenceState): string | null {
  const spoke = new Set<string>();
  for (const t of s.turnIds) {
    const turn = s.turns[t];
    if (turn) spoke.add(turn.speakerId);
    if (turn?.proposedSpeakerId) spoke.add(turn.proposedSpeakerId);
  }
  return s.registeredIds.find((id) => !spoke.has(id)) ?? null;
}
