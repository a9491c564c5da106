import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePack, hashKey, HashIndex, Pack, readPack, writePack } from '../../src/data/pack.js';

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
