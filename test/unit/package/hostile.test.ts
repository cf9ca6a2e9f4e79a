import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptNewKey, verifyPackage } from '../../../electron/services/packages';
import { importPackages } from '../../../electron/services/package-import';
import { generateKeyPair, sign } from '../../../electron/package/keys';
import { dumpDatabase, FIXTURE_FILES, makeTempDir, openTestBackend, VIETNAMESE, type TempDir, type TestBackend } from '../support/temp-db';
import { exportBytes, forge, loadFixture, sha256, unzip } from './support';
import { rawZip } from './zip';

let tmp: TempDir;
let child: TestBackend;
let parent: TestBackend;
let valid: Buffer;
let conferenceId: string;

beforeAll(async () => {
  tmp = makeTempDir();
  child = openTestBackend(tmp, 'child.sqlite');
  parent = openTestBackend(tmp, 'parent.sqlite');
  conferenceId = loadFixture(child, FIXTURE_FILES[0]!);
  valid = await exportBytes(child, conferenceId);
});
afterAll(() => {
  child.close();
  parent.close();
  tmp.cleanup();
});

/** Imports one file, expects a Vietnamese refusal and a database unchanged to the byte. */
async function expectRefused(bytes: Buffer, pattern?: RegExp): Promise<string> {
  const before = dumpDatabase(parent.dbPath);
  const [result] = await importPackages(parent.ctx, [{ name: 'bad.doithoai', bytes }]);
  expect(result!.outcome, result!.message).toBe('refused');
  expect(result!.problem).not.toBe('internal');
  expect(result!.message).toMatch(VIETNAMESE);
  // The ZIP and zlib libraries explain in English; none of it may reach the officer.
  expect(result!.message).not.toMatch(/\b(invalid|size|mismatch|entry|file|error|bytes|expected|header|end of)\b/i);
  if (pattern) expect(result!.message).toMatch(pattern);
  expect(dumpDatabase(parent.dbPath)).toEqual(before);
  return result!.message;
}

const entries = () => unzip(valid);
const rebuild = (change: (list: Array<{ name: string; data: Buffer }>) => void) => {
  const list = [...entries()].map(([name, data]) => ({ name, data }));
  change(list);
  return rawZip(list);
};

describe('hostile packages are refused with a Vietnamese message and write nothing', () => {
  it('empty file', () => expectRefused(Buffer.alloc(0), /rỗng/));
  it('a ZIP that is not a package (a DOCX chosen by mistake) says so, not what is inside', () =>
    expectRefused(rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), /^Tệp này không phải gói \.doithoai\.$/));
  it('not a zip', () => expectRefused(Buffer.from('xin chào, đây không phải ZIP'.repeat(3)), /^Tệp này không phải gói \.doithoai\.$/));
  it('truncated zip', () => expectRefused(valid.subarray(0, Math.floor(valid.length * 0.7)), /hỏng|cắt cụt/));
  it('truncated by one byte', () => expectRefused(valid.subarray(0, valid.length - 1)));
  it('entry named with ..', () => expectRefused(rebuild((l) => l.push({ name: '../evil.json', data: Buffer.from('{}') }))));
  it('absolute entry name', () => expectRefused(rebuild((l) => l.push({ name: '/etc/passwd', data: Buffer.from('x') }))));
  it('backslash in a name', () => expectRefused(rebuild((l) => l.push({ name: '..\\evil', data: Buffer.from('x') }))));
  it('symbolic link', () =>
    expectRefused(rawZip([...entries()].map(([name, data]) => ({ name, data, externalAttributes: name === 'data.json' ? (0o120777 << 16) >>> 0 : undefined }))), /liên kết/));
  it('duplicate name', () => expectRefused(rebuild((l) => l.push({ name: 'data.json', data: l[2]!.data })), /trùng/));
  it('duplicate name differing by case', () => expectRefused(rebuild((l) => l.push({ name: 'DATA.json', data: l[2]!.data })), /trùng/));
  it('duplicate name differing by Unicode normalisation', async () => {
    const nfc = 'minutes.docx'.replace('i', '\u00ed'); // mínutes.docx
    const zip = rawZip([...entries()].map(([name, data]) => ({ name, data })).concat([
      { name: nfc, data: Buffer.from('a') },
      { name: nfc.normalize('NFD'), data: Buffer.from('b') },
    ]));
    await expectRefused(zip, /trùng/);
  });
  it('encrypted entry', () => expectRefused(rawZip([...entries()].map(([name, data]) => ({ name, data, flags: name === 'data.json' ? 0x0801 : 0x0800 }))), /mã hóa/));
  it('size that lies', () =>
    expectRefused(rawZip([...entries()].map(([name, data]) => ({ name, data, declaredSize: name === 'data.json' ? data.length - 10 : undefined }))), /khai báo|hỏng/));
  it('size that lies, stored entry', () =>
    expectRefused(rawZip([...entries()].map(([name, data]) => ({ name, data, deflate: false, declaredSize: name === 'data.json' ? data.length - 10 : undefined }))), /khai báo|hỏng/));
  it('size that lies upwards', () =>
    expectRefused(rawZip([...entries()].map(([name, data]) => ({ name, data, declaredSize: name === 'data.json' ? data.length + 10 : undefined })))));
  it('nested zip', () => expectRefused(forge(valid, { dataBytes: rawZip([{ name: 'x', data: Buffer.from('y') }]) }), /lồng/));
  it('unknown entry', () => expectRefused(rebuild((l) => l.push({ name: 'readme.txt', data: Buffer.from('x') })), /không thuộc/));
  it('zip bomb by ratio', () => expectRefused(rebuild((l) => l.push({ name: 'report.xlsx', data: Buffer.alloc(5_000_000) })), /bom/));
  it('zip bomb by total size', () =>
    expectRefused(
      rebuild((l) => {
        l.push({ name: 'minutes.docx', data: crypto.randomBytes(20_000_000) }, { name: 'report.xlsx', data: crypto.randomBytes(20_000_000) });
        l[2]!.data = Buffer.concat([l[2]!.data, Buffer.alloc(10_000_000, 0x20)]);
      }),
      /giới hạn|bom/,
    ));
  it('20 000 entries', () => expectRefused(rawZip(Array.from({ length: 20_000 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(0), deflate: false }))), /giới hạn/));
  it('deeply nested JSON', () => expectRefused(forge(valid, { dataBytes: Buffer.from('['.repeat(30_000) + ']'.repeat(30_000)) }), /sâu/));
  it('enormous JSON', () => expectRefused(forge(valid, { dataBytes: Buffer.alloc(17 * 1024 * 1024, 0x20) }), /giới hạn/));
  it('__proto__ key', () =>
    expectRefused(forge(valid, { dataBytes: Buffer.from(unzip(valid).get('data.json')!.toString().replace('{', '{"__proto__":{"x":1},')) }), /__proto__/));
  it('schema violation', () => expectRefused(forge(valid, { data: (d) => ((d.conference as { kind: string }).kind = 'secret') }), /lược đồ/));
  it('newer format version', () => expectRefused(forge(valid, { manifest: (m) => (m.formatVersion = 3) }), /cần cập nhật phần mềm/));
  it('unknown format version', () => expectRefused(forge(valid, { manifest: (m) => ((m as { formatVersion: unknown }).formatVersion = 'x') }), /cần cập nhật phần mềm/));
  it('wrong signature', async () => {
    const other = generateKeyPair();
    const list = [...entries()].map(([name, data]) => ({ name, data: name === 'manifest.sig' ? sign(other.privateKey, entries().get('manifest.json')!) : data }));
    await expectRefused(rawZip(list), /Chữ ký/);
  });
  it('one changed byte in each entry', async () => {
    for (const name of ['manifest.json', 'manifest.sig', 'data.json']) {
      const list = [...entries()].map(([n, data]) => {
        if (n !== name) return { name: n, data };
        const copy = Buffer.from(data);
        copy[Math.floor(copy.length / 2)]! ^= 0x01;
        return { name: n, data: copy };
      });
      await expectRefused(rawZip(list));
    }
  });
  it('one changed byte anywhere in the file (sampled)', async () => {
    for (let i = 0; i < valid.length; i += Math.max(1, Math.floor(valid.length / 150))) {
      const copy = Buffer.from(valid);
      copy[i]! ^= 0x40;
      const before = dumpDatabase(parent.dbPath);
      const [result] = await importPackages(parent.ctx, [{ name: 'x', bytes: copy }]);
      // A flipped byte in a field nobody reads (e.g. a timestamp of the ZIP headers) may still import; then it is the genuine data.
      if (result!.outcome === 'refused') expect(dumpDatabase(parent.dbPath)).toEqual(before);
      else expect(sha256(copy)).not.toBe(sha256(valid));
      resetParent();
    }
  });
});

/** Fresh parent database for tests that may import something. */
function resetParent(): void {
  parent.ctx.db.exec(`DELETE FROM package_imports; DELETE FROM imported_conferences; DELETE FROM document_settings; DELETE FROM imported_document_units; DELETE FROM imported_files; DELETE FROM unit_keys;
    DELETE FROM concern_status_changes; DELETE FROM concerns; DELETE FROM turns; DELETE FROM speakers; DELETE FROM conferences;`);
}

describe('keys and ownership', () => {
  it('a key change is refused until the officer accepts the new key', async () => {
    resetParent();
    const [first] = await importPackages(parent.ctx, [{ name: 'genuine', bytes: valid }]);
    expect(first!.outcome).toBe('imported');
    const impostor = forge(valid, { manifest: (m) => (m.conference.revision = 2) });
    const message = await expectRefused(impostor, /khóa khác/);
    expect(message).toMatch(/[0-9A-F]{4}-/);
    const report = await verifyPackage(parent.ctx, impostor);
    expect(report.key).toBe('changed');
    const accepted = await acceptNewKey(parent.ctx, impostor);
    expect(accepted.previous).not.toBe(accepted.fingerprint);
    const [after] = await importPackages(parent.ctx, [{ name: 'new key', bytes: impostor }]);
    expect(after!.outcome).toBe('replaced');
  });

  it("a package cannot write another unit's conference", async () => {
    resetParent();
    await importPackages(parent.ctx, [{ name: 'genuine', bytes: valid }]);
    // Another unit (its own key, its own id) claims the same conference id.
    const stranger = forge(valid, {
      manifest: (m) => ((m.unit.id = '00000000-0000-4000-8000-000000000001'), (m.unit.name = 'Xã Lạ')),
      data: (d) => (d.conference.unitId = '00000000-0000-4000-8000-000000000001'),
    });
    await expectRefused(stranger, /đơn vị khác/);
  });

  it("a package cannot reuse another conference's row ids", async () => {
    resetParent();
    await importPackages(parent.ctx, [{ name: 'genuine', bytes: valid }]);
    const sneaky = forge(valid, {
      manifest: (m) => ((m.unit.id = '00000000-0000-4000-8000-000000000002'), (m.conference.id = '00000000-0000-4000-8000-000000000003')),
      data: (d) => ((d.conference.unitId = '00000000-0000-4000-8000-000000000002'), (d.conference.id = '00000000-0000-4000-8000-000000000003')),
    });
    await expectRefused(sneaky, /khác/);
  });

  it('a package whose data names another unit than its manifest is refused', () =>
    expectRefused(forge(valid, { data: (d) => (d.conference.unitId = '00000000-0000-4000-8000-000000000009') }), /không thuộc/));

  it('the other files of a batch go on', async () => {
    resetParent();
    const results = await importPackages(parent.ctx, [
      { name: 'empty', bytes: Buffer.alloc(0) },
      { name: 'good', bytes: valid },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'imported']);
  });
});
