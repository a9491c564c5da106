import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePack, hashKey, HashIndex, KeyTable, keyTableContents, Pack, readPack, writePack } from '../../src/data/pack.js';

test('a pack round-trips typed arrays, string lists and metadata', () => {
  const words = ['Whangārei', '', 'São Paulo', 'ドイツ', 'a'.repeat(300)];
  const contents = {
    meta: { version: 3, tags: ['O', 'B-PERSON'] },
    arrays: { w: new Int16Array([-3, 0, 32767]), f: new Float32Array([0.5, -1.25]), b: new Uint8Array([1, 2, 3]) },
    strings: { words },
  };
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  try {
    writePack(join(dir, 'x.pack'), contents);
    const p = readPack(join(dir, 'x.pack'));
    assert.deepEqual(p.meta, contents.meta);
    assert.deepEqual([...p.array('w', 'i16')], [-3, 0, 32767]);
    assert.deepEqual([...p.array('f', 'f32')], [0.5, -1.25]);
    assert.deepEqual([...p.array('b', 'u8')], [1, 2, 3]);
    assert.deepEqual(p.strings('words'), words);
    assert.ok(p.bytes.buffer instanceof SharedArrayBuffer);
    assert.throws(() => p.array('w', 'f32'), /is i16/);
    assert.throws(() => p.array('nope', 'u8'), /no section/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('encoding is deterministic and sections are 8-byte aligned', () => {
  const a = encodePack({ arrays: { z: new Uint8Array([1]), y: new Float64Array([Math.PI]) }, strings: { s: ['x'] } });
  const b = encodePack({ strings: { s: ['x'] }, arrays: { y: new Float64Array([Math.PI]), z: new Uint8Array([1]) } });
  assert.deepEqual(a, b);
  // A Float64Array view would throw on a misaligned offset.
  assert.equal(new Pack(a).array('y', 'f64')[0], Math.PI);
  assert.throws(() => new Pack(new Uint8Array(16)), /bad magic/);
});

test('HashIndex finds every key it was built with and nothing else', () => {
  const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
  const hashes = words.map(hashKey);
  const { index, slots } = HashIndex.build(hashes);
  hashes.forEach((h, i) => assert.equal(index.find(h), slots[i]));
  let found = 0;
  for (let i = 5000; i < 10000; i++) if (index.find(hashKey(`w${i}`)) >= 0) found++;
  assert.equal(found, 0);
  assert.notEqual(hashKey(''), 0);
});

test('a KeyTable finds each key\'s row, also when two keys share a hash, and nothing else', () => {
  // "key51wu" and "keyktfa" have the same 32-bit FNV-1a hash.
  assert.equal(hashKey('key51wu'), hashKey('keyktfa'));
  const keys = ['key51wu', 'Łódź', 'keyktfa', 'new york', '', 'ドイツ', ...Array.from({ length: 3000 }, (_, i) => `w${i}`)];
  const table = new KeyTable(new Pack(encodePack(keyTableContents('k', keys))), 'k');
  assert.equal(table.size, keys.length);
  keys.forEach((k, row) => assert.equal(table.find(k), row, k));
  for (const k of ['key51wv', 'lodz', 'Łód', 'new york ', 'ドイ', 'w3000', 'W1']) assert.equal(table.find(k), -1, k);
  assert.equal(table.keys.get(1), 'Łódź');
  assert.ok(table.keys.equals(5, 'ドイツ') && !table.keys.equals(5, 'ドイ'));
});

test('strings() decodes ASCII and non-ASCII lists alike', () => {
  const ascii = ['alpha', '', 'beta gamma'];
  const mixed = ['a', 'Whangārei', '', 'z'];
  const p = new Pack(encodePack({ strings: { ascii, mixed } }));
  assert.deepEqual(p.strings('ascii'), ascii);
  assert.deepEqual(p.strings('mixed'), mixed);
  assert.equal(p.stringList('mixed').get(1), 'Whangārei');
});
