import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule, { packageName } from '../../../eslint-rules/code-layering.js';
import { LAYERS } from '../../../eslint-rules/layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(__dirname, '../../..');
const at = (file: string) => path.join(root, file);
const options = [{ root, layers: LAYERS }];
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

const ok = (file: string, code: string) => ({ filename: at(file), code, options });
const bad = (file: string, code: string, messageId: 'local' | 'package' = 'local') => ({
  filename: at(file),
  code,
  options,
  errors: [{ messageId }],
});

tester.run('code-layering', rule, {
  valid: [
    // shared: only itself and zod
    ok('shared/api/contract.ts', "import * as s from './schemas';"),
    ok('shared/api/schemas.ts', "import { z } from 'zod'; import { x } from '../dates';"),
    ok('shared/api/errors.ts', "import type { ApiMethod } from './contract'; export type { Unit } from './types';"),
    // renderer: shared, types included
    ok('renderer/src/App.tsx', "import { API_METHODS } from '../../shared/api/contract';"),
    ok('renderer/src/api.ts', "import type { ApiResult } from '../../shared/api/errors'; type T = import('../../shared/api/types').Unit;"),
    ok('renderer/src/store.ts', "import { create } from 'zustand'; import React from 'react';"),
    // the electron module: only in the Electron host
    ok('electron/hosts/electron/main.ts', "import { app } from 'electron'; import { openBackend } from '../../backend';"),
    ok('electron/hosts/electron/preload.ts', "const { contextBridge } = require('electron');"),
    ok('electron/hosts/electron/ipc.ts', "import type { WebContents } from 'electron'; import type { Backend } from '../../backend';"),
    // backend layers use db, shared, and packages freely
    ok('electron/services/units.ts', "import Database from 'better-sqlite3'; import { x } from '../db/connection'; import { y } from '../../shared/text';"),
    ok('electron/hosts/web/server.ts', "import { openBackend } from '../../backend'; import http from 'node:http';"),
    ok('electron/cli/run.ts', "import { openBackend } from '../backend'; import { resolveDbPath } from '../db/location'; import { DbOpenError } from '../db/errors'; import { USAGE } from './args';"),
    ok('electron/hosts/web/main.ts', "import { resolveDbPath } from '../../db/location'; import { staticFileFor } from '../static-files';"),
    ok('electron/cli/main.ts', "import { openBackend } from '../backend'; import type { Backend } from '../backend';"),
    // the one-way backend: services → documents, package, db; worker → documents, package
    ok('electron/services/documents.ts', "import { renderMinutes } from '../documents/index'; import { readPackage } from '../package/read'; import type { Db } from '../db/connection';"),
    ok('electron/worker/main.ts', "import { renderMinutes } from '../documents/index'; import { verify } from '../package/verify';"),
    ok('electron/documents/minutes-docx.ts', "import { Document } from 'docx'; import type { Person } from '../../shared/api/types'; import { header } from './header';"),
    ok('electron/package/verify.ts', "import type { PackageCheck } from '../../shared/api/types'; import { readZip } from './read';"),
    ok('electron/backend.ts', "import { dispatch } from './services/dispatch'; import { startWorker } from './worker/client';"),
    ok('electron/package/validate.ts', "import schema from '../../docs/package-format.schema.json';"),
    ok('electron/worker/client.ts', "import { inThreadRenderer, type DocumentRenderer } from '../services/document-renderer';"),
    ok('electron/db/connection.ts', "import Database from 'better-sqlite3'; import { DbError } from './errors';"),
    // files outside the layers (tests) are not governed
    ok('test/unit/electron/x.test.ts', "import { app } from 'electron'; import '../../../electron/hosts/electron/main';"),
  ],
  invalid: [
    bad('shared/api/client.ts', "import { openBackend } from '../../electron/backend';"),
    bad('shared/text.ts', "import { x } from '../renderer/src/strings';"),
    bad('shared/dates.ts', "import fs from 'node:fs';", 'package'),
    bad('shared/dates.ts', "import dayjs from 'dayjs';", 'package'),
    bad('renderer/src/App.tsx', "import { openBackend } from '../../electron/backend';"),
    bad('renderer/src/App.tsx', "import '../../electron/hosts/electron/preload';"),
    bad('renderer/src/App.tsx', "const m = await import('../../electron/services/units');"),
    bad('renderer/src/App.tsx', "import { ipcRenderer } from 'electron';", 'package'),
    bad('renderer/src/App.tsx', "import { ipcRenderer } from 'electron/renderer';", 'package'),
    bad('electron/services/units.ts', "import { app } from 'electron';", 'package'),
    bad('electron/db/connection.ts', "const { app } = require('electron');", 'package'),
    bad('scripts/start-lib.mjs', "import electron from 'electron';", 'package'),
    bad('electron/hosts/web/server.ts', "import { isAppUrl } from '../electron/app-url';"),
    bad('electron/cli/main.ts', "export { dbArgument } from '../hosts/electron/paths';"),
    bad('electron/services/units.ts', "export * from '../hosts/web/guard';"),
    bad('electron/documents/minutes-docx.ts', "import { registerApiHandler } from '../hosts/electron/ipc';"),
    bad('electron/hosts/electron/window.ts', "import { Editor } from '../../../renderer/src/Editor';"),
    // type imports are imports, in every spelling
    bad('shared/api/errors.ts', "import type { Backend } from '../../electron/backend';"),
    bad('renderer/src/api.ts', "import type { Backend } from '../../electron/backend';"),
    bad('renderer/src/api.ts', "import { type Backend } from '../../electron/backend';"),
    bad('renderer/src/api.ts', "export type { Backend } from '../../electron/backend';"),
    bad('renderer/src/api.ts', "let b: import('../../electron/backend').Backend;"),
    bad('renderer/src/api.ts', "import backend = require('../../electron/backend');"),
    bad('electron/services/units.ts', "import type { WebContents } from 'electron';", 'package'),
    bad('electron/cli/main.ts', "import type { AppPaths } from '../hosts/electron/paths';"),
    // documents/ renders only
    bad('electron/documents/model.ts', "import type { ServiceContext } from '../services/context';"),
    bad('electron/documents/model.ts', "import { listTurns } from '../services/turns';"),
    bad('electron/documents/worker-main.ts', "import { inThreadChecker } from '../package/checker';"),
    bad('electron/documents/index.ts', "import type { Db } from '../db/connection';"),
    bad('electron/documents/index.ts', "import { startWorker } from '../worker/client';"),
    bad('electron/documents/index.ts', "import type { Backend } from '../backend';"),
    // package/ is the file format alone
    bad('electron/package/keys.ts', "import type { ServiceContext } from '../services/context';"),
    bad('electron/package/export.ts', "import type { DocumentModel } from '../documents/index';"),
    bad('electron/package/index.ts', "import { renderMinutes } from '../documents';"),
    bad('electron/package/keys.ts', "import { withTransaction } from '../db/connection';"),
    bad('electron/package/read.ts', "export * from '../cli/args';"),
    bad('electron/package/validate.ts', "import notes from '../../docs/glossary.json';"),
    bad('electron/documents/fonts.ts', "import font from '../../resources/fonts/x.json';"),
    // services: no composition root, no worker, no host
    bad('electron/services/dispatch.ts', "import type { Backend } from '../backend';"),
    bad('electron/services/dispatch.ts', "import { openBackend } from '../backend.ts';"),
    bad('electron/services/context.ts', "import type { WorkerClient } from '../worker/client';"),
    bad('electron/services/context.ts', "import { printSummary } from '../cli/summary';"),
    // db/ is the bottom of the backend
    bad('electron/db/connection.ts', "import type { ServiceContext } from '../services/context';"),
    bad('electron/db/migrations/index.ts', "import { MIME_TYPES } from '../../documents/index';"),
    bad('electron/db/location.ts', "import { readPackage } from '../package/read';"),
    bad('electron/db/location.ts', "import type { Backend } from '../backend';"),
    bad('electron/db/location.ts', "import type { WorkerClient } from '../worker/client';"),
    // the worker has no database
    bad('electron/worker/main.ts', "import type { Db } from '../db/connection';"),
    bad('electron/worker/client.ts', "import type { Backend } from '../backend';"),
    // the worker and the composition root run without Electron and without a host
    bad('electron/worker/main.ts', "import { parseArgs } from '../cli/args';"),
    bad('electron/backend.ts', "import type { AppPaths } from './hosts/electron/paths';"),
    // hosts and the command line reach the backend only through backend.ts (db/location and db/errors aside)
    bad('electron/hosts/web/main.ts', "import { listConferences } from '../../services/conferences';"),
    bad('electron/hosts/electron/ipc.ts', "import type { ServiceContext } from '../../services/context';"),
    bad('electron/cli/commands.ts', "import { renderMinutesModel } from '../documents/index';"),
    bad('electron/cli/files.ts', "import { PACKAGE_EXTENSION } from '../package/model';"),
    bad('electron/cli/run.ts', "import { openDatabase } from '../db/connection';"),
    bad('electron/cli/main.ts', "import type { ServiceContext } from '../services/context';"),
    bad('electron/cli/run.ts', "import { createBackgroundWorker } from '../worker/client';"),
  ],
});

describe('packageName', () => {
  it('keeps the package part of a specifier', () => {
    expect(packageName('electron/main')).toBe('electron');
    expect(packageName('@typescript-eslint/parser/dist')).toBe('@typescript-eslint/parser');
    expect(packageName('node:fs')).toBe('node:fs');
  });
});

describe('eslint.config.js wires the rule', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: at(file) }))[0]!.messages.filter((m) => m.ruleId === 'local/code-layering');

  it('rejects the electron module in a service', async () => {
    const messages = await lint('electron/services/probe.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('only electron/hosts/electron may import the electron module');
  });

  it('accepts it in the Electron host', async () => {
    expect(await lint('electron/hosts/electron/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  it('rejects the renderer reaching into electron/, import type included', async () => {
    expect(await lint('renderer/src/probe.tsx', "import { openBackend } from '../../electron/backend';\nexport const x = openBackend;\n")).toHaveLength(1);
    const typeOnly = await lint('renderer/src/probe.tsx', "import type { Backend } from '../../electron/backend';\nexport type X = Backend;\n");
    expect(typeOnly).toHaveLength(1);
    expect(typeOnly[0]!.message).toContain('not even as a type: the renderer reaches the backend only through the API in shared/');
  });

  it('rejects documents/ reading through services, with the reason', async () => {
    const messages = await lint('electron/documents/probe.ts', "import type { ServiceContext } from '../services/context';\nexport type X = ServiceContext;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('documents/ renders only');
  });
});
