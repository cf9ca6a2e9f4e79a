/**
 * Ed25519 with Node's own crypto: key pairs, signatures, and fingerprints short enough to
 * read out over the phone ("3F2A-9C01-…"). Where the keys are kept is the services' business
 * (services/unit-keys.ts).
 */
import crypto from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const SPKI_LENGTH = SPKI_PREFIX.length + 32;

export interface KeyPair {
  /** SubjectPublicKeyInfo, DER (44 bytes). */
  publicKey: Buffer;
  /** PKCS#8, DER. */
  privateKey: Buffer;
}

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export function sign(privateKeyDer: Buffer, data: Buffer): Buffer {
  const key = crypto.createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  return crypto.sign(null, data, key);
}

/** False for any malformed key or signature; never throws. */
export function verifySignature(publicKeySpki: Buffer, data: Buffer, signature: Buffer): boolean {
  if (!isEd25519Spki(publicKeySpki) || signature.length !== 64) return false;
  try {
    return crypto.verify(null, data, publicKeyObject(publicKeySpki), signature);
  } catch {
    return false;
  }
}

/** Parsed keys by their bytes: an import of thirty files from thirty units parses each once. */
const parsedKeys = new Map<string, crypto.KeyObject>();
const PARSED_KEYS_KEPT = 256;

function publicKeyObject(spki: Buffer): crypto.KeyObject {
  const id = spki.toString('base64');
  let key = parsedKeys.get(id);
  if (!key) {
    key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    if (parsedKeys.size >= PARSED_KEYS_KEPT) parsedKeys.delete(parsedKeys.keys().next().value!);
    parsedKeys.set(id, key);
  }
  return key;
}

export function isEd25519Spki(key: Buffer): boolean {
  return key.length === SPKI_LENGTH && key.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX);
}

/**
 * SHA-256 of the 32 raw key bytes, first 10 bytes, as five groups of four upper-case hex
 * digits: "3F2A-9C01-77DE-0B45-A1C3". Digits and A–F read out unambiguously in Vietnamese.
 */
export function fingerprint(publicKeySpki: Buffer): string {
  const raw = publicKeySpki.subarray(SPKI_PREFIX.length);
  const hex = crypto.createHash('sha256').update(raw).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}
