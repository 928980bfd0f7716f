// The bundled fixture fixtures/dmabuf-mapping-types/: the committed mbox is
// what the generator makes, its 26 patches apply with `git am` to base/, and
// it has the real series' subjects, folding and threading (SERIES-FACTS.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from './support/shared.js';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import { generateSeries, type GeneratedSeries } from '../scripts/fixture/generate.mjs';
import { SERIES_V1 } from '../scripts/fixture/series-v1.mjs';
import { SERIES_V2 } from '../scripts/fixture/series-v2.mjs';

const ROOT = resolve(__dirname, '..');
const FIXTURE = join(ROOT, 'fixtures', 'dmabuf-mapping-types');
const SEED = sharedPath('reference', 'thread-reply-2026-04-22.txt');
/** Regenerating the fixture needs the seed message (../shared/reference); checks of the committed mbox do not. */
const HAS_SEED = hasShared('reference', 'thread-reply-2026-04-22.txt');
const itRegenerated = it.skipIf(!HAS_SEED);

/** The real subjects, from the table in shared/reference/SERIES-FACTS.md. */
const REAL_SUBJECTS = [
  'dma-buf: Introduce DMA-buf mapping types',
  'dma-buf: Add the SGT DMA mapping type',
  'dma-buf: Add dma_buf_mapping_attach()',
  'dma-buf: Route SGT related actions through attach->map_type',
  'dma-buf: Allow single exporter drivers to avoid the match_mapping function',
  'drm: Check the SGT ops for drm_gem_map_dma_buf()',
  'dma-buf: Convert all the simple exporters to use SGT mapping type',
  'drm/vmwgfx: Use match_mapping instead of dummy calls',
  'accel/habanalabs: Use the SGT mapping type',
  'drm/xe/dma-buf: Use the SGT mapping type',
  'drm/amdgpu: Use the SGT mapping type',
  'vfio/pci: Change the DMA-buf exporter to use mapping_type',
  'dma-buf: Update dma_buf_phys_vec_to_sgt() to use the SGT mapping type',
  'iio: buffer: convert to use the SGT mapping type',
  'functionfs: convert to use the SGT mapping type',
  'dma-buf: Remove unused SGT stuff from the common structures',
  'treewide: Rename dma_buf_map_attachment(_unlocked) to dma_buf_sgt_',
  'treewide: Rename dma_buf_unmap_attachment(_unlocked) to dma_buf_sgt_*',
  'treewide: Rename dma_buf_attach() to dma_buf_sgt_attach()',
  'treewide: Rename dma_buf_dynamic_attach() to dma_buf_sgt_dynamic_attach()',
  'dma-buf: Add the Physical Address List DMA mapping type',
  'vfio/pci: Add physical address list support to DMABUF',
  'iommufd: Use the PAL mapping type instead of a vfio function',
  'iommufd: Support DMA-bufs with multiple physical ranges',
  'iommufd/selftest: Check multi-phys DMA-buf scenarios',
  'dma-buf: Add kunit tests for mapping type',
];

const MAP_C = 'drivers/dma-buf/dma-buf-mapping.c';
const MAP_H = 'include/linux/dma-buf-mapping.h';
const BUF_C = 'drivers/dma-buf/dma-buf.c';
const BUF_H = 'include/linux/dma-buf.h';
const VFIO = 'drivers/vfio/pci/vfio_pci_dmabuf.c';
const XE = 'drivers/gpu/drm/xe/xe_dma_buf.c';
const IOMMUFD = 'drivers/iommu/iommufd';

/** Files each patch touches, from the table in SERIES-FACTS.md (patches that list them all). */
const REAL_FILES: Record<number, string[]> = {
  1: [MAP_C, MAP_H, BUF_H],
  2: [MAP_C, MAP_H, BUF_H],
  3: [BUF_C, BUF_H],
  4: [BUF_C],
  5: [BUF_C, MAP_H, BUF_H],
  6: ['drivers/gpu/drm/drm_prime.c'],
  8: ['drivers/gpu/drm/vmwgfx/vmwgfx_prime.c'],
  9: ['drivers/accel/habanalabs/common/memory.c'],
  10: [XE],
  11: ['drivers/gpu/drm/amd/amdgpu/amdgpu_dma_buf.c', XE],
  12: [VFIO],
  13: [MAP_C],
  14: ['drivers/iio/industrialio-buffer.c'],
  15: ['drivers/usb/gadget/function/f_fs.c'],
  16: [MAP_C, BUF_C, 'drivers/gpu/drm/drm_prime.c', MAP_H, BUF_H],
  20: [BUF_C, 'drivers/gpu/drm/amd/amdgpu/amdgpu_dma_buf.c', 'drivers/gpu/drm/virtio/virtgpu_prime.c', XE,
    'drivers/infiniband/core/umem_dmabuf.c', `${IOMMUFD}/pages.c`, BUF_H],
  21: [MAP_C, MAP_H],
  22: [VFIO],
  23: [`${IOMMUFD}/io_pagetable.h`, `${IOMMUFD}/iommufd_private.h`, `${IOMMUFD}/pages.c`, `${IOMMUFD}/selftest.c`, VFIO],
  24: [`${IOMMUFD}/io_pagetable.h`, `${IOMMUFD}/pages.c`],
  25: [`${IOMMUFD}/iommufd_test.h`, `${IOMMUFD}/selftest.c`, 'tools/testing/selftests/iommu/iommufd.c',
    'tools/testing/selftests/iommu/iommufd_utils.h'],
  26: ['drivers/dma-buf/Makefile', 'drivers/dma-buf/st-dma-mapping.c'],
};

/** The names patches 17-20 rename; none may survive in the final tree. */
const OLD_NAMES = /\bdma_buf_(?:un)?map_attachment|\bdma_buf_attach\b|\bdma_buf_dynamic_attach\b/;

interface Message {
  separator: string;
  headers: string[];
  text: string;
}

/** Split an mboxo file at its `From ` separator lines (the generator forbids them in bodies). */
function splitMbox(mbox: string): Message[] {
  const chunks = mbox.split(/\n(?=From \S+ .*\d{4}\n)/);
  return chunks.map((text) => {
    const end = text.indexOf('\n\n');
    const lines = text.slice(0, end).split('\n');
    return { separator: lines[0]!, headers: lines.slice(1), text: text.endsWith('\n') ? text : `${text}\n` };
  });
}

/** A header's raw lines (first line plus continuations), or null. */
function rawHeader(msg: Message, name: string): string[] | null {
  const at = msg.headers.findIndex((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (at < 0) return null;
  const out = [msg.headers[at]!];
  for (let i = at + 1; i < msg.headers.length && /^[ \t]/.test(msg.headers[i]!); i++) out.push(msg.headers[i]!);
  return out;
}

function header(msg: Message, name: string): string | null {
  const lines = rawHeader(msg, name);
  return lines ? lines.join('').slice(name.length + 1).trim() : null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (n === '.git') return [];
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const committed = readFileSync(join(FIXTURE, 'series.mbox'), 'utf8');
const messages = splitMbox(committed);

const committedV2 = readFileSync(join(FIXTURE, 'series-v2.mbox'), 'utf8');
const messagesV2 = splitMbox(committedV2);
const patchMessages = patchesOf(messages, 'PATCH RFC');
const patchMessagesV2 = patchesOf(messagesV2, 'PATCH v2');

let generated: GeneratedSeries;
let generatedV2: GeneratedSeries;

beforeAll(async () => {
  if (!HAS_SEED) return;
  const options = { baseDir: join(FIXTURE, 'base'), seedPath: SEED };
  // Settled, not Promise.all: when one generation fails the other's folder is still removed (afterAll).
  const [v1, v2] = await Promise.allSettled([generateSeries(SERIES_V1, options), generateSeries(SERIES_V2, options)]);
  if (v1.status === 'fulfilled') generated = v1.value;
  if (v2.status === 'fulfilled') generatedV2 = v2.value;
  for (const r of [v1, v2]) if (r.status === 'rejected') throw r.reason;
}, 180_000);

afterAll(() => {
  generated?.cleanup();
  generatedV2?.cleanup();
});

/** `git am` the messages onto a fresh repository made by `prepare`; returns HEAD's tree. */
async function amTree(prepare: (repo: string) => Promise<void>, patches: Message[]): Promise<{ tree: string; commits: string }> {
  const tmp = mkdtempSync(join(tmpdir(), 'patchscope-fixture-am-'));
  try {
    const repo = join(tmp, 'repo');
    await prepare(repo);
    const git = simpleGit({ baseDir: repo });
    await git.addConfig('user.name', 'patchscope test').addConfig('user.email', 'test@patchscope.invalid');
    await git.addConfig('commit.gpgSign', 'false');
    const mbox = join(tmp, 'patches.mbox');
    writeFileSync(mbox, patches.map((m) => m.text).join(''));
    await git.raw(['am', '-q', '--', mbox]);
    return { tree: (await git.raw(['rev-parse', 'HEAD^{tree}'])).trim(), commits: (await git.raw(['rev-list', '--count', 'HEAD'])).trim() };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The patch messages (not the cover, not replies) of a version, in order. */
function patchesOf(all: Message[], prefix: string): Message[] {
  return all.filter((m) => (header(m, 'Subject') ?? '').startsWith(`[${prefix} `) && !/ 00\/\d+\]/.test(header(m, 'Subject')!));
}

describe('fixture dmabuf-mapping-types', () => {
  itRegenerated('regenerates byte for byte', () => {
    expect(generated.mbox.length).toBe(committed.length);
    expect(generated.mbox === committed).toBe(true);
  });

  itRegenerated('applies with git am on base/ to the generator final tree', async () => {
    const result = await amTree(async (repo) => {
      cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
      const git = simpleGit({ baseDir: repo });
      await git.init();
      await git.raw(['add', '-A', '--', '.']);
      await git.raw(['-c', 'user.name=t', '-c', 'user.email=t@patchscope.invalid', 'commit', '-q', '-m', 'base']);
    }, patchMessages);
    expect(result.commits).toBe('27');
    expect(result.tree).toBe(generated.finalTree);
  }, 120_000);

  it('has the cover, 26 patches and 12 replies, in date order', () => {
    expect(committed.match(/^From /gm)).toHaveLength(39);
    expect(messages).toHaveLength(39);
    expect(patchMessages).toHaveLength(26);
    expect(messages.filter((m) => /^Re: /i.test(header(m, 'Subject') ?? ''))).toHaveLength(12);
    const dates = messages.map((m) => Date.parse(header(m, 'Date')!));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(header(messages[0]!, 'Date')).toBe('Tue, 17 Feb 2026 20:11:32 -0400');
    expect(header(patchMessages[25]!, 'Date')).toBe('Tue, 17 Feb 2026 20:11:57 -0400');
  });

  it('carries the real subjects, with exactly 05 and 17 folded', () => {
    expect(header(messages[0]!, 'Subject')).toBe('[PATCH RFC 00/26] Add DMA-buf mapping types and convert vfio/iommufd to use them');
    patchMessages.forEach((m, i) => {
      const n = String(i + 1).padStart(2, '0');
      expect(header(m, 'Subject')).toBe(`[PATCH RFC ${n}/26] ${REAL_SUBJECTS[i]}`);
      expect(rawHeader(m, 'Subject')!.length, `subject ${n}`).toBe(n === '05' || n === '17' ? 2 : 1);
    });
  });

  it('touches the files the real patches touch', () => {
    const touched = patchMessages.map((m) => [...m.text.matchAll(/^diff --git a\/(\S+) b\//gm)].map((d) => d[1]!));
    for (const [n, files] of Object.entries(REAL_FILES)) expect(touched[Number(n) - 1]!.sort(), `patch ${n}`).toEqual([...files].sort());
    expect(touched[6]).toHaveLength(23);
    for (const n of [17, 18]) {
      expect(touched[n - 1]!.length, `patch ${n}`).toBeGreaterThanOrEqual(20);
      expect(touched[n - 1]).toEqual(expect.arrayContaining(['io_uring/zcrx.c', 'net/core/devmem.c', 'drivers/infiniband/core/umem_dmabuf.c']));
    }
    expect(touched[18]).toHaveLength(22);
    expect(touched[18]).toContain('Documentation/gpu/todo.rst');
  });

  it('threads every patch under the cover with the real Message-IDs', () => {
    const id = (n: number) => `<${n}-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com>`;
    expect(header(messages[0]!, 'Message-Id')).toBe(id(0));
    patchMessages.forEach((m, i) => {
      expect(header(m, 'Message-Id')).toBe(id(i + 1));
      expect(header(m, 'In-Reply-To')).toBe(id(0));
      expect(header(m, 'From')).toBe('Jason Gunthorpe <jgg@nvidia.com>');
      expect(m.text).toContain('\nSigned-off-by: Jason Gunthorpe <jgg@nvidia.com>\n');
    });
    expect(messages[0]!.text).toMatch(/\nbase-commit: [0-9a-f]{40}\n/);
  });

  it('ends the patch 21 thread with the seed message, replying to the 14:04 one', () => {
    const last = messages.find((m) => header(m, 'Message-ID') === '<20260422150000.GK3199414@nvidia.com>')!;
    expect(header(last, 'In-Reply-To')).toBe('<e67426b9-4ded-4f6c-8309-7f847adb4540@amd.com>');
    expect(header(last, 'Date')).toBe('Wed, 22 Apr 2026 12:00:00 -0300');
    const refs = header(last, 'References')!.split(/\s+/);
    expect(refs[1]).toBe('<21-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com>');
    expect(refs).toHaveLength(9);
    expect(last.text).toContain('\n\nOn Wed, Apr 22, 2026 at 04:04:19PM +0200, Christian König wrote:\n');
    expect(last.text).toContain('\n3) Introduce dma buf iommu_domain importer only mapping type. Core\n');
    expect(last.text).toMatch(/\nThanks,\nJason\n\n$/);
    expect(last.text).not.toContain('Thread overview');
  });

  itRegenerated('leaves no user of the renamed functions after patches 17-20', () => {
    const users = (dir: string) => filesUnder(dir).filter((f) => OLD_NAMES.test(readFileSync(f, 'utf8'))).map((f) => relative(dir, f));
    // The base really uses them, so the renames had work to do.
    expect(users(join(FIXTURE, 'base')).length).toBeGreaterThanOrEqual(20);
    expect(users(generated.repo)).toEqual([]);
  });
});

describe('fixture dmabuf-mapping-types v2', () => {
  itRegenerated('regenerates byte for byte', () => {
    expect(generatedV2.mbox === committedV2).toBe(true);
  });

  it('is the SGT part only: cover and patches 01-20 with the v1 subjects', () => {
    expect(messagesV2).toHaveLength(21);
    expect(patchMessagesV2.map((m) => header(m, 'Subject'))).toEqual(
      REAL_SUBJECTS.slice(0, 20).map((s, i) => `[PATCH v2 ${String(i + 1).padStart(2, '0')}/20] ${s}`),
    );
  });

  itRegenerated('applies with git am on the base-commit its cover names', async () => {
    const base = /\nbase-commit: ([0-9a-f]{40})\n/.exec(messagesV2[0]!.text)![1]!;
    expect(base).toBe(generatedV2.baseSha);
    const result = await amTree(async (repo) => {
      await simpleGit().clone(generatedV2.repo, repo, ['-q', '--no-checkout']);
      await simpleGit({ baseDir: repo }).raw(['checkout', '-q', '--detach', base]);
    }, patchMessagesV2);
    expect(result.tree).toBe(generatedV2.finalTree);
  }, 120_000);

  it('folds in the Acked-by, reworks patch 12 and renames the rebased-in importer', () => {
    for (const m of patchMessagesV2) expect(m.text).toContain('\nAcked-by: Vivek Kasireddy <vivek.kasireddy@intel.com>\nSigned-off-by:');
    const p12v1 = patchMessages[11]!.text;
    const p12v2 = patchMessagesV2[11]!.text;
    expect(p12v1).toContain('+\tdma_resv_assert_held(priv->dmabuf->resv);\n+\tif (priv->revoked)');
    expect(p12v2).not.toContain('+\tdma_resv_assert_held(priv->dmabuf->resv);\n+\tif (priv->revoked)');
    expect(p12v2).toContain('priv->pdev');
    for (const n of [17, 18, 19]) expect(patchMessagesV2[n - 1]!.text).toContain('diff --git a/drivers/accel/rocket/rocket_gem.c');
    expect(patchMessages.some((m) => m.text.includes('rocket_gem.c'))).toBe(false);
  });
});
