/** The contract's methods mapped to services: the type forces one handler per method. */
import type { ApiMethod, ApiOutput, ApiParsed } from '../../shared/api/contract';
import { schemaVersion } from '../db/connection';
import pkg from '../../package.json';
import type { ServiceContext } from './context';
import type { Later } from './later';
import { agencyCatalog, deleteAgency, listAgencies, mergeAgencies, renameAgency, restoreAgency } from './agencies';
import { addConcern, deleteConcern, restoreConcern, updateConcern } from './concerns';
import {
  closeConference,
  conferenceDetail,
  createConference,
  deleteConference,
  listConferences,
  reopenConference,
  restoreConference,
  startConference,
  updateConference,
} from './conferences';
import { conferenceCounts } from './counts';
import { loadDemo } from './demo';
import { defaultsFor, originalDocument, previewMinutes, renderDocument, saveDocumentSettings } from './documents';
import { createField, deleteField, listFields, restoreField, updateField } from './fields';
import { deleteSpeaker, registerSpeaker, reorderSpeakers, restoreSpeaker, suggestSpeakers, updateSpeaker } from './speakers';
import { deleteTurn, restoreTurn, setTurnSpeaker, startTurn, updateTurn } from './turns';
import { getConference } from './conferences';
import { getOwnUnit, saveOwnUnit } from './units';
import { addChildUnit, deleteChildUnit, listChildUnits, mergeChildUnits } from './child-units';
import { overviewOf, renderOverview } from './overview';
import { acceptPackageKey, checkPackageFile, exportPackage, importPackageFiles, ownKey } from './packages';
import { loadScenario, parseScenario } from './scenarios';
import { concernHistory, listFollowup, setConcernStatus } from './followup';
import { followupSettings, saveFollowupSettings } from './followup-settings';
import { carryOverFor } from './carry-over';

/** A handler answers inside the request's transaction, or hands slow work to `later`. */
export type Handlers = { [M in ApiMethod]: (ctx: ServiceContext, input: ApiParsed<M>) => ApiOutput<M> | Later<ApiOutput<M>> };

export const handlers: Handlers = {
  'app.info': (ctx) => ({ version: pkg.version, host: ctx.host, dbPath: ctx.dbPath, schemaVersion: schemaVersion(ctx.db) }),

  'unit.get': (ctx) => getOwnUnit(ctx),
  'unit.save': saveOwnUnit,
  'demo.load': (ctx) => loadDemo(ctx),

  'fields.list': listFields,
  'fields.create': createField,
  'fields.update': updateField,
  'fields.delete': (ctx, { id }) => deleteField(ctx, id),
  'fields.restore': (ctx, { id }) => restoreField(ctx, id),

  'agencies.list': (ctx, { query }) => listAgencies(ctx, query),
  'agencies.catalog': (ctx) => agencyCatalog(ctx),
  'agencies.rename': renameAgency,
  'agencies.merge': mergeAgencies,
  'agencies.delete': (ctx, { id }) => deleteAgency(ctx, id),
  'agencies.restore': (ctx, { id }) => restoreAgency(ctx, id),

  'conferences.list': (ctx) => listConferences(ctx),
  'conferences.get': (ctx, { id, asOf }) => conferenceDetail(ctx, id, asOf),
  'conferences.counts': (ctx, { id, asOf }) => {
    getConference(ctx, id);
    return conferenceCounts(ctx, id, asOf);
  },
  'conferences.create': (ctx, input) => createConference(ctx, input),
  'conferences.update': updateConference,
  'conferences.start': (ctx, { id }) => startConference(ctx, id),
  'conferences.close': (ctx, { id, endTime }) => closeConference(ctx, id, endTime),
  'conferences.reopen': (ctx, { id }) => reopenConference(ctx, id),
  'conferences.delete': (ctx, { id }) => deleteConference(ctx, id),
  'conferences.restore': (ctx, { id }) => restoreConference(ctx, id),

  'speakers.register': registerSpeaker,
  'speakers.update': updateSpeaker,
  'speakers.reorder': reorderSpeakers,
  'speakers.suggest': suggestSpeakers,
  'speakers.delete': (ctx, { id }) => deleteSpeaker(ctx, id),
  'speakers.restore': (ctx, { id }) => restoreSpeaker(ctx, id),

  'turns.start': (ctx, input) => startTurn(ctx, input),
  'turns.update': updateTurn,
  'turns.setSpeaker': setTurnSpeaker,
  'turns.delete': (ctx, { id }) => deleteTurn(ctx, id),
  'turns.restore': (ctx, { id }) => restoreTurn(ctx, id),

  'concerns.add': addConcern,
  'concerns.update': updateConcern,
  'concerns.delete': (ctx, { id }) => deleteConcern(ctx, id),
  'concerns.restore': (ctx, { id }) => restoreConcern(ctx, id),

  'documents.defaults': defaultsFor,
  'documents.preview': previewMinutes,
  'documents.render': renderDocument,
  'documents.save': saveDocumentSettings,
  'documents.original': originalDocument,

  'keys.own': (ctx) => ownKey(ctx),
  'packages.export': exportPackage,
  'packages.check': checkPackageFile,
  'packages.import': importPackageFiles,
  'packages.acceptKey': acceptPackageKey,

  'childUnits.list': (ctx) => listChildUnits(ctx),
  'childUnits.add': addChildUnit,
  'childUnits.merge': mergeChildUnits,
  'childUnits.delete': (ctx, { id }) => deleteChildUnit(ctx, id),
  'overview.get': (ctx, { from, to }) => overviewOf(ctx, from, to),
  'overview.render': renderOverview,

  // ── Follow-up until resolved (issue 10)
  'concerns.setStatus': setConcernStatus,
  'concerns.history': (ctx, { concernId }) => concernHistory(ctx, concernId),
  'followup.list': (ctx, input) => listFollowup(ctx, input),
  'followupSettings.get': (ctx) => followupSettings(ctx),
  'followupSettings.save': saveFollowupSettings,

  // ── The command line's scenario files: checked against the scenario format, loaded in this transaction.
  'scenarios.load': (ctx, input) => ({ id: loadScenario(ctx, parseScenario(input)) }),

  // ── Carry-over (issue 10).
  'conferences.carryOver': (ctx, { id }) => carryOverFor(ctx, id),
};
