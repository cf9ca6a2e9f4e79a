/**
 * The one service API. Every method is named here with its request schema and the type
 * it answers; the Electron IPC bridge and the browser host both carry exactly this map,
 * so the renderer cannot tell which one it is talking to.
 */
import type { z } from 'zod';
import * as s from './schemas';
import type {
  AcceptedKey,
  Agency,
  AgencyUsage,
  ChildUnit,
  AppInfo,
  Concern,
  Conference,
  ConferenceCounts,
  ConferenceDetail,
  ConferenceSummary,
  Deleted,
  DocumentSetup,
  ExportedPackage,
  Field,
  FollowupItem,
  FollowupSettings,
  ImportResult,
  MinutesPreview,
  Overview,
  OwnKey,
  PackageCheck,
  RenderedDocument,
  Speaker,
  SpeakerSuggestion,
  StatusChange,
  Turn,
  Unit,
} from './types';
// Carry-over (issue 10).
import type { CarryOver } from './types';

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the answer's type only. */
  output?: O;
}
const method = <O>() => <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

export const contract = {
  'app.info': method<AppInfo>()(s.empty),

  'unit.get': method<Unit | null>()(s.empty),
  'unit.save': method<Unit>()(s.unitInput),
  'demo.load': method<{ conferenceIds: string[] }>()(s.empty),

  'fields.list': method<Field[]>()(s.fieldsList),
  'fields.create': method<Field>()(s.fieldCreate),
  'fields.update': method<Field>()(s.fieldUpdate),
  'fields.delete': method<Deleted>()(s.byId),
  'fields.restore': method<Field>()(s.byId),

  'agencies.list': method<Agency[]>()(s.listQuery),
  // Correcting the catalog in Settings.
  'agencies.catalog': method<AgencyUsage[]>()(s.empty),
  'agencies.rename': method<AgencyUsage>()(s.agencyRename),
  'agencies.merge': method<AgencyUsage>()(s.agencyMerge),
  'agencies.delete': method<Deleted>()(s.byId),
  'agencies.restore': method<AgencyUsage>()(s.byId),

  'conferences.list': method<ConferenceSummary[]>()(s.empty),
  // asOf: the outcome counts on that date (today when left out).
  'conferences.get': method<ConferenceDetail>()(s.conferenceAsOf),
  'conferences.counts': method<ConferenceCounts>()(s.conferenceAsOf),
  'conferences.create': method<Conference>()(s.conferenceCreate),
  'conferences.update': method<Conference>()(s.conferenceUpdate),
  'conferences.start': method<Conference>()(s.byId),
  'conferences.close': method<Conference>()(s.conferenceClose),
  'conferences.reopen': method<Conference>()(s.byId),
  'conferences.delete': method<Deleted>()(s.byId),
  'conferences.restore': method<Conference>()(s.byId),

  'speakers.register': method<Speaker>()(s.speakerRegister),
  'speakers.update': method<Speaker>()(s.speakerUpdate),
  'speakers.reorder': method<Speaker[]>()(s.speakerReorder),
  'speakers.suggest': method<SpeakerSuggestion[]>()(s.speakerSuggest),
  'speakers.delete': method<Deleted>()(s.byId),
  'speakers.restore': method<Speaker>()(s.byId),

  'turns.start': method<{ turn: Turn; speaker: Speaker }>()(s.turnStart),
  'turns.update': method<Turn>()(s.turnUpdate),
  'turns.setSpeaker': method<{ turn: Turn; speaker: Speaker }>()(s.turnSetSpeaker),
  'turns.delete': method<Deleted>()(s.byId),
  'turns.restore': method<Turn>()(s.byId),

  'concerns.add': method<Concern>()(s.concernAdd),
  'concerns.update': method<Concern>()(s.concernUpdate),
  'concerns.delete': method<Deleted>()(s.byId),
  'concerns.restore': method<Concern>()(s.byId),

  'documents.defaults': method<DocumentSetup>()(s.documentDefaults),
  'documents.preview': method<MinutesPreview>()(s.documentPreview),
  'documents.render': method<RenderedDocument>()(s.documentRender),
  'documents.save': method<DocumentSetup>()(s.documentSave),
  'documents.original': method<RenderedDocument>()(s.documentOriginal),

  'keys.own': method<OwnKey | null>()(s.empty),
  'packages.export': method<ExportedPackage>()(s.packageExport),
  'packages.check': method<PackageCheck>()(s.packageCheck),
  'packages.import': method<ImportResult[]>()(s.packageImport),
  'packages.acceptKey': method<AcceptedKey>()(s.packageCheck),

  'childUnits.list': method<ChildUnit[]>()(s.empty),
  'childUnits.add': method<ChildUnit>()(s.childUnitAdd),
  'childUnits.merge': method<ChildUnit>()(s.childUnitMerge),
  'childUnits.delete': method<Deleted>()(s.byId),
  'overview.get': method<Overview>()(s.period),
  'overview.render': method<RenderedDocument>()(s.overviewRender),

  // ── Follow-up until resolved (issue 10)
  'concerns.setStatus': method<FollowupItem[]>()(s.concernSetStatus),
  'concerns.history': method<StatusChange[]>()(s.concernHistory),
  'followup.list': method<FollowupItem[]>()(s.followupList),
  'followupSettings.get': method<FollowupSettings>()(s.empty),
  'followupSettings.save': method<FollowupSettings>()(s.followupSettingsSave),

  // The command line loads its scenario files here (scenarios.ts checks the format).
  'scenarios.load': method<{ id: string }>()(s.scenarioLoad),

  // ── Carry-over (issue 10): the unit's earlier conferences, as of this conference's date.
  'conferences.carryOver': method<CarryOver>()(s.byId),
} as const;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
/** What a service receives after validation (defaults filled, text NFC). */
export type ApiParsed<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = NonNullable<Contract[M]['output']> extends never
  ? null
  : Exclude<Contract[M]['output'], undefined>;

export const API_METHODS = Object.keys(contract) as ApiMethod[];
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
