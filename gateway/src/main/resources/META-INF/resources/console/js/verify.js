// Verification of the audit log in the browser, byte for byte as libs/audit-log does it:
// - a record's leaf is its canonical JSON (CanonicalJson / CanonicalEncoding: members sorted by
//   name, null members left out, no whitespace, RFC 8785 string escaping), UTF-8;
// - leaf hash SHA-256(0x00 || leaf), node hash SHA-256(0x01 || left || right) (RFC 9162 §2.1.1);
// - the inclusion proof is checked as RFC 9162 §2.1.3.2 (InclusionProof.rootFrom);
// - the tree head's signature is Ed25519 over TreeHead.signedBytes(): "interlock-audit", version 1,
//   timestamp (ms, u64), tree size (u64), root hash (32), key id (32), all big-endian;
// - the key id is SHA-256 of the public key's SubjectPublicKeyInfo DER (KeyId).
// Nothing here trusts the gateway's own verdict: it recomputes from the values it shows.

const encoder = new TextEncoder();

/** The canonical JSON text of a value (objects, arrays, strings, safe integers, booleans). */
export function canonicalJson(value) {
  if (value === null || value === undefined) throw new Error('null has no canonical form here');
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  switch (typeof value) {
    case 'string':
      if (/[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
        throw new Error('unpaired surrogate');
      }
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
      return String(value);
    case 'boolean':
      return String(value);
    case 'object': {
      const names = Object.keys(value).filter((name) => value[name] !== null && value[name] !== undefined).sort();
      return `{${names.map((name) => `${JSON.stringify(name)}:${canonicalJson(value[name])}`).join(',')}}`;
    }
    default:
      throw new Error(`not a canonical JSON value: ${typeof value}`);
  }
}

export function hexToBytes(hex) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || /[^0-9a-f]/.test(hex)) {
    throw new Error('not lowercase hexadecimal');
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
  return bytes;
}

export function bytesToHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256(...parts) {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(length);
  let offset = 0;
  parts.forEach((part) => { joined.set(part, offset); offset += part.length; });
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

/** SHA-256(0x00 || canonical JSON of the record). */
export async function leafHash(record) {
  return sha256(Uint8Array.of(0), encoder.encode(canonicalJson(record)));
}

function nodeHash(left, right) {
  return sha256(Uint8Array.of(1), left, right);
}

/** The root an audit path leads to from a leaf hash, or null when the path cannot fit the tree. */
export async function rootFromProof(leafIndex, treeSize, leaf, path) {
  if (leafIndex < 0 || leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const sibling of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(sibling, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

function u64(value) {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value));
  return bytes;
}

/** TreeHead.signedBytes(): the 96 bytes the log's key signs. */
export function signedBytes(head) {
  const time = Date.parse(head.timestamp);
  if (!Number.isSafeInteger(time) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(head.timestamp)) {
    throw new Error('the tree head has no valid timestamp');
  }
  const bytes = new Uint8Array(96);
  bytes.set(encoder.encode('interlock-audit'), 0);
  bytes[15] = 1;
  bytes.set(u64(time), 16);
  bytes.set(u64(head.treeSize), 24);
  bytes.set(checkedHash(head.rootHash, 'root hash'), 32);
  bytes.set(checkedHash(head.keyId, 'key id'), 64);
  return bytes;
}

function checkedHash(hex, what) {
  const bytes = hexToBytes(hex);
  if (bytes.length !== 32) throw new Error(`the tree head's ${what} is not 32 bytes`);
  return bytes;
}

function pemToDer(pem) {
  const body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  if (!body) throw new Error('no public key');
  return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
}

/**
 * Checks a signed tree head with the published public key (PEM). Throws with the reason when the
 * head is missing, malformed, names another key or its signature does not hold; returns the head.
 */
export async function verifyTreeHead(head, publicKeyPem) {
  if (!head || typeof head !== 'object') throw new Error('there is no tree head');
  if (head.version !== 1) throw new Error('the tree head is not of version 1');
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) throw new Error('the tree head has no tree size');
  const der = pemToDer(publicKeyPem);
  if (bytesToHex(await sha256(der)) !== head.keyId) {
    throw new Error('the tree head names another key than the published one');
  }
  const signature = hexToBytes(head.signature);
  if (signature.length !== 64) throw new Error('the tree head has no Ed25519 signature');
  const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, signedBytes(head));
  if (!valid) throw new Error('the tree head\'s signature does not hold');
  return head;
}

/**
 * Whether `record` (as shown) is leaf `sequence` of the tree the verified `head` signs, by the
 * proof's audit path: the leaf hash is recomputed here from the record's values.
 */
export async function verifyInclusion(sequence, record, proof, head) {
  if (record.sequence !== sequence) return { ok: false, reason: `the record says it is record ${record.sequence}` };
  if (proof.treeSize !== head.treeSize || proof.sequence !== sequence) {
    return { ok: false, reason: 'the proof is for another record or tree' };
  }
  const path = proof.path.map((hex) => checkedHash(hex, 'audit path'));
  const root = await rootFromProof(sequence, head.treeSize, await leafHash(record), path);
  if (root === null) return { ok: false, reason: 'the audit path does not fit the tree' };
  if (bytesToHex(root) !== head.rootHash) {
    return { ok: false, reason: 'the record as shown is not the record the tree head signed' };
  }
  return { ok: true };
}
