/** The two JSON entries of a package, as docs/package-format.md describes them. */
import type { Conference } from '../../shared/api/types';

export const PACKAGE_FORMAT = 'doithoai-package';
/** Written by this app; 2 carries the unit's document settings (`PackageData.documents`). */
export const PACKAGE_FORMAT_VERSION = 2;
/** Read by this app: a version-1 package imports with the unit's default document settings. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];
export { PACKAGE_EXTENSION } from '../../shared/domain';

export type DocumentEntry = 'minutes.docx' | 'report.xlsx';

export interface PackageManifest {
  format: typeof PACKAGE_FORMAT;
  formatVersion: number;
  appVersion: string;
  unit: { id: string; name: string; level: string; code: string | null; parentName: string };
  /** base64 of the DER SubjectPublicKeyInfo of the unit's Ed25519 key. */
  publicKey: string;
  exportedAt: string;
  conference: { id: string; revision: number; title: string; date: string; kind: 'periodic' | 'thematic' | 'adHoc' };
  files: Partial<Record<'data.json' | DocumentEntry, { sha256: string; size: number }>>;
}

export interface PackageData {
  /** The conference's row; kind and status as the schema allows them (checked there, not typed here). */
  conference: Omit<Conference, 'kind' | 'status'> & { kind: string; status: string; deletedAt: string | null };
  speakers: Array<{
    id: string;
    name: string;
    position: string;
    organization: string;
    address: string;
    registrationOrder: number | null;
    createdAt: string;
    updatedAt: string;
    deletedAt: string | null;
  }>;
  turns: Array<{ id: string; speakerId: string; seq: number; startedAt: string; summary: string; createdAt: string; updatedAt: string; deletedAt: string | null }>;
  concerns: Array<{
    id: string;
    turnId: string | null;
    source: string;
    seq: number;
    fieldId: string | null;
    text: string;
    handling: string | null;
    answeredBy: string;
    answer: string;
    agencyId: string | null;
    deadline: string | null;
    status: string;
    note: string;
    createdAt: string;
    updatedAt: string;
    deletedAt: string | null;
  }>;
  statusChanges: Array<{ id: string; concernId: string; status: string; changedOn: string; note: string; referenceDoc: string; createdAt: string }>;
  fields: Array<{ id: string; name: string; position: number; deletedAt: string | null }>;
  agencies: Array<{ id: string; name: string; deletedAt: string | null }>;
  /** Version 2 (required there, absent in version 1): the unit's document settings. */
  documents?: PackageDocuments;
}

/** What the unit's minutes and report print besides the conference's data, so that the parent prints the same. */
export interface PackageDocuments {
  unit: { name: string; level: string; parentName: string; style: 'party' | 'government'; headerParentLine: string; headerIssuerLine: string; placeName: string };
  minutes: PackageDocumentOptions;
  report: PackageDocumentOptions;
}

export interface PackageDocumentOptions {
  number: string;
  recipients: string[];
  date: string;
  signer: { name: string; position: string };
}

/** A response file (response.ts): the level above's answers to matters a unit forwarded. */
export const RESPONSE_KIND = 'response';

export interface ResponseManifest {
  format: typeof PACKAGE_FORMAT;
  formatVersion: number;
  kind: typeof RESPONSE_KIND;
  appVersion: string;
  from: { id: string; name: string; level: string };
  to: { id: string; name: string };
  /** base64 of the DER SubjectPublicKeyInfo of the sender's Ed25519 key. */
  publicKey: string;
  exportedAt: string;
  files: { 'response.json': { sha256: string; size: number } };
}

/** One dated entry of a matter's history, as the level above records it. */
export interface ResponseEntry {
  id: string;
  status: 'open' | 'inProgress' | 'resolved';
  /** yyyy-mm-dd */
  date: string;
  note: string;
  reportedBy: string;
  reference: string;
  createdAt: string;
}

export interface ResponseData {
  answers: Array<{ concernId: string; conferenceId: string; entries: ResponseEntry[] }>;
}

