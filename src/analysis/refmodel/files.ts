/**
 * sequence.json and binding.json: pure parsers (JSON value → typed data, or InputError with the file
 * and JSON path), and the two loaders at the I/O edge.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../util/errors.js';
import { JsonReader } from './json-shape.js';
import { driverField, readDelta, readWorld } from './parse-model.js';
import { resolveSteps, type Sequence, type StepDelta, type StepInput } from './sequence.js';
import { INVARIANT_IDS, type Delta, type InvariantId, type World } from './types.js';
import type { DriverFiles } from './derive.js';

export interface BindingEntry {
  patch: number;
  subject: string;
  deltas: Delta[];
  /** Files the patch must touch for its deltas. */
  files: string[];
  /** Symbols the patch must add or remove. */
  symbols: string[];
}

export interface Binding {
  source: string;
  patches: BindingEntry[];
}

export interface SequenceFile {
  source: string;
  binding: Binding;
  sequences: Sequence[];
  /** The world before the series (every sequence starts from it). */
  base: World;
  /** Which files hold each driver's dma-buf code: what derive.ts reads a patch's deltas from. */
  drivers: DriverFiles[];
}

export function parseBinding(json: unknown, source: string): Binding {
  const r = new JsonReader(source);
  const root = r.object(json, '$');
  const seen = new Set<number>();
  const patches = r.array(root.patches, '$.patches').map((v, k) => {
    const path = `$.patches[${k}]`;
    const o = r.object(v, path);
    const patch = r.integer(o.patch, `${path}.patch`);
    if (patch < 1 || seen.has(patch)) r.fail(`${path}.patch`, patch < 1 ? 'patch numbers start at 1' : `patch ${patch} bound twice`);
    seen.add(patch);
    return {
      patch,
      subject: r.optional(o, 'subject', '', (x) => r.string(x, `${path}.subject`)),
      deltas: r.array(o.deltas, `${path}.deltas`).map((d, j) => readDelta(r, d, `${path}.deltas[${j}]`)),
      files: r.strings(o.files, `${path}.files`),
      symbols: r.optional(o, 'symbols', [], (x) => r.strings(x, `${path}.symbols`)),
    };
  });
  return { source, patches };
}

/** Where each delta was written, so a delta that does not fit its world is reported at its place. */
type Origins = Map<StepDelta, { source: string; path: string }>;

function readSteps(r: JsonReader, binding: Binding, v: unknown, path: string, origins: Origins): StepInput[] {
  return r.array(v, path).map((s, k) => {
    const sp = `${path}[${k}]`;
    const o = r.object(s, sp);
    const patches = r.array(o.patches, `${sp}.patches`).map((p, j) => r.integer(p, `${sp}.patches[${j}]`));
    const patchDeltas = patches.flatMap((n, j) => {
      const index = binding.patches.findIndex((b) => b.patch === n);
      if (index < 0) r.fail(`${sp}.patches[${j}]`, `unknown patch ${n}: not in ${binding.source}`);
      return binding.patches[index]!.deltas.map((delta, d) => {
        const sd = { delta, patch: n };
        origins.set(sd, { source: binding.source, path: `$.patches[${index}].deltas[${d}]` });
        return sd;
      });
    });
    const planned = r.optional(o, 'planned', [], (x) => r.array(x, `${sp}.planned`).map((d, j) => readDelta(r, d, `${sp}.planned[${j}]`)));
    return { name: r.string(o.name, `${sp}.name`), patches, planned, patchDeltas };
  });
}

function readSequence(r: JsonReader, binding: Binding, v: unknown, path: string, base: Sequence['base']): Sequence {
  const o = r.object(v, path);
  const name = r.string(o.name, `${path}.name`);
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) r.fail(`${path}.name`, 'use letters, digits, "-", "_" or "." only (names go into replay strings)');
  const origins: Origins = new Map();
  const inputs = readSteps(r, binding, o.steps, `${path}.steps`, origins);
  const resolved = resolveSteps(base, inputs);
  if (!resolved.ok) {
    const at = origins.get(resolved.delta) ?? { source: r.source, path: `${path}.steps[${resolved.step}].planned[${resolved.deltaIndex - inputs[resolved.step]!.patchDeltas.length}]` };
    throw new InputError({ source: at.source, jsonPath: `${at.path}.${driverField(resolved.delta.delta)}` }, `${resolved.problem} (sequence "${name}", step ${resolved.step + 1})`);
  }
  return {
    name,
    description: r.optional(o, 'description', '', (x) => r.string(x, `${path}.description`)),
    expect: r.oneOf(o.expect, ['pass', 'fail'] as const, `${path}.expect`, 'expectation'),
    expectViolated: r.optional(o, 'expectViolated', [] as InvariantId[], (x) =>
      r.array(x, `${path}.expectViolated`).map((id, k) => r.oneOf(id, INVARIANT_IDS, `${path}.expectViolated[${k}]`, 'invariant'))),
    base,
    steps: resolved.steps,
  };
}

export function parseSequenceFile(json: unknown, source: string, binding: Binding): SequenceFile {
  const r = new JsonReader(source);
  const root = r.object(json, '$');
  const base = readWorld(r, root.world, '$.world');
  const drivers = r.optional(root, 'drivers', [] as DriverFiles[], (v) => r.array(v, '$.drivers').map((d, k) => {
    const o = r.object(d, `$.drivers[${k}]`);
    return { name: r.string(o.name, `$.drivers[${k}].name`), files: r.strings(o.files, `$.drivers[${k}].files`) };
  }));
  const names = new Set<string>();
  const sequences = r.array(root.sequences, '$.sequences').map((v, k) => {
    const seq = readSequence(r, binding, v, `$.sequences[${k}]`, base);
    if (names.has(seq.name)) r.fail(`$.sequences[${k}].name`, `sequence "${seq.name}" defined twice`);
    names.add(seq.name);
    return seq;
  });
  return { source, binding, sequences, base, drivers };
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError({ source: path }, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError({ source: path }, `invalid JSON: ${(e as Error).message}`);
  }
}

export function loadBindingFile(path: string): Binding {
  return parseBinding(readJsonFile(path), path);
}

/** Load a sequence file and its binding (the file's `"binding"` field, relative to it, unless given). */
export function loadSequenceFile(path: string, binding?: Binding): SequenceFile {
  const json = readJsonFile(path);
  if (binding) return parseSequenceFile(json, path, binding);
  const r = new JsonReader(path);
  const name = r.string(r.object(json, '$').binding, '$.binding');
  return parseSequenceFile(json, path, loadBindingFile(resolve(dirname(path), name)));
}
