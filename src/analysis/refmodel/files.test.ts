import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../util/errors.js';
import { loadBindingFile, loadSequenceFile, parseBinding, parseSequenceFile } from './files.js';
import { FIXTURES } from './model.test-util.js';

const binding = loadBindingFile(join(FIXTURES, 'binding.json'));
const readJson = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
// `any`: tests poke into raw JSON.
const sequenceJson = (): any => readJson('sequence.json');

function problem(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('sequence and binding files', () => {
  it('should bind every patch 1..26 to its deltas', () => {
    expect(binding.patches.map((p) => p.patch)).toEqual(Array.from({ length: 26 }, (_, k) => k + 1));
    expect(binding.patches[22]!.deltas[0]).toMatchObject({ op: 'add-importer', importer: { name: 'iommufd', accepts: ['pal'] } });
  });

  it('should name the file, the JSON path and the problem for an unknown mapping type', () => {
    const json = sequenceJson();
    json.sequences[1].steps[1].planned[1].offers = ['scatterlist-ng'];
    expect(problem(() => parseSequenceFile(json, 'seq.json', binding))).toBe(
      'seq.json: $.sequences[1].steps[1].planned[1].offers[0]: unknown mapping type "scatterlist-ng" (known: legacy, sgt, pal, iommu_domain)',
    );
  });

  it('should reject an unknown patch, an unknown invariant and an unknown importer', () => {
    const json = sequenceJson();
    json.sequences[0].steps[3].patches = [27];
    expect(problem(() => parseSequenceFile(json, 's.json', binding))).toBe('s.json: $.sequences[0].steps[3].patches[0]: unknown patch 27: not in ' + binding.source);
    const inv = sequenceJson();
    inv.sequences[2].expectViolated = ['HIDE_PHYSICAL'];
    expect(problem(() => parseSequenceFile(inv, 's.json', binding))).toMatch(/\$\.sequences\[2\]\.expectViolated\[0\]: unknown invariant "HIDE_PHYSICAL"/);
    const imp = sequenceJson();
    imp.sequences[1].steps[2].planned.unshift({ op: 'set-max-ranges', importer: 'rdma', maxRanges: 1 });
    expect(problem(() => parseSequenceFile(imp, 's.json', binding))).toBe('s.json: $.sequences[1].steps[2].planned[0].importer: unknown importer "rdma" at this point (sequence "proposed", step 3)');
  });

  it('should point into binding.json when a patch delta does not fit the world', () => {
    const b = readJson('binding.json');
    b.patches[21].deltas[0].exporter = 'nvgrace';
    const msg = problem(() => parseSequenceFile(sequenceJson(), 's.json', parseBinding(b, 'b.json')));
    expect(msg).toBe('b.json: $.patches[21].deltas[0].exporter: unknown exporter "nvgrace" at this point (sequence "as-posted", step 22)');
  });

  it('should reject unaligned ranges, duplicate patches and bad JSON with their places', () => {
    const json = sequenceJson();
    json.world.exporters[0].buffers[0][1].phys = '0x80003800';
    expect(problem(() => parseSequenceFile(json, 's.json', binding))).toMatch(/\$\.world\.exporters\[0\]\.buffers\[0\]\[1\]\.phys: not page-aligned/);
    const comma = sequenceJson();
    comma.world.exporters[0].name = 'heap,evil';
    expect(problem(() => parseSequenceFile(comma, 's.json', binding))).toBe('s.json: $.world.exporters[0].name: use letters, digits, "-", "_" or "." only');
    const twice = sequenceJson();
    twice.world.importers[1].name = 'amdgpu';
    expect(problem(() => parseSequenceFile(twice, 's.json', binding))).toBe('s.json: $.world.importers[1].name: "amdgpu" is defined twice');
    const dup = { patches: [{ patch: 1, deltas: [], files: [] }, { patch: 1, deltas: [], files: [] }] };
    expect(problem(() => parseBinding(dup, 'b.json'))).toBe('b.json: $.patches[1].patch: patch 1 bound twice');
    const dir = mkdtempSync(join(tmpdir(), 'refmodel-'));
    writeFileSync(join(dir, 'bad.json'), '{"world": ');
    expect(problem(() => loadSequenceFile(join(dir, 'bad.json')))).toMatch(/bad\.json: invalid JSON/);
    expect(problem(() => loadSequenceFile(join(dir, 'missing.json')))).toMatch(/missing\.json: cannot read: ENOENT/);
  });
});
