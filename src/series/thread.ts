import type { RawMessage } from '../ingest/index.js';
import type { ThreadNode } from './types.js';

/** A read message with the id threading uses for it (its Message-ID, or a synthesised one). */
export interface IdentifiedMessage {
  id: string;
  message: RawMessage;
}

export interface MessageThreads {
  /** Every node, real or phantom, by id, in first-seen order. */
  nodes: Map<string, ThreadNode>;
  /** Ids of nodes without a parent, in first-seen order. Phantom roots are included. */
  roots: string[];
  /** The messages that own a node, in input order. */
  messages: IdentifiedMessage[];
  /** Later copies of a Message-ID already seen: not threaded, but still counted by the caller. */
  duplicates: IdentifiedMessage[];
  /** What threading had to decide: duplicates, synthesised ids, broken cycles. */
  notes: string[];
}

/** A stable id for a message that has none: same input, same id. */
export function synthesiseMessageId(message: RawMessage): string {
  const source = message.origin.source.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `patchscope-${source}-${message.origin.index}@local`;
}

/** The ids a message names as its ancestors, oldest first, the direct parent last (In-Reply-To wins). */
export function ancestorIds(message: RawMessage, ownId: string): string[] {
  const refs = message.references.filter((r) => r !== ownId);
  if (message.inReplyTo && message.inReplyTo !== ownId) {
    const at = refs.indexOf(message.inReplyTo);
    if (at >= 0) refs.splice(at, 1);
    refs.push(message.inReplyTo);
  }
  return [...new Set(refs)];
}

function newNode(messageId: string, message: RawMessage | null): ThreadNode {
  return { messageId, phantom: message === null, parentId: null, children: [], message };
}

function identify(messages: RawMessage[], out: MessageThreads): void {
  for (const message of messages) {
    let id = message.messageId;
    if (!id) {
      id = synthesiseMessageId(message);
      out.notes.push(`${message.origin.source}: message ${message.origin.index} has no Message-ID; using <${id}>`);
    }
    if (out.nodes.has(id)) {
      out.duplicates.push({ id, message });
      out.notes.push(`${message.origin.source}: message ${message.origin.index} repeats Message-ID <${id}>; kept the first copy`);
      continue;
    }
    out.nodes.set(id, newNode(id, message));
    out.messages.push({ id, message });
  }
}

function nodeFor(nodes: Map<string, ThreadNode>, id: string): ThreadNode {
  let node = nodes.get(id);
  if (!node) {
    node = newNode(id, null);
    nodes.set(id, node);
  }
  return node;
}

/**
 * A message's own headers decide its parent. The References chain of every message also links the ancestors it
 * names (JWZ), but only for nodes that have no parent of their own: phantoms and messages that name none.
 */
function link(out: MessageThreads): void {
  const chains: string[][] = [];
  // Ids of the messages that name an ancestor of their own, found once: recomputing ancestorIds for every link of
  // every chain was cubic in the depth of a thread whose messages reference all their ancestors.
  const ownsParent = new Set<string>();
  for (const { id, message } of out.messages) {
    const ancestors = ancestorIds(message, id);
    for (const a of ancestors) nodeFor(out.nodes, a);
    const parent = ancestors[ancestors.length - 1];
    if (parent !== undefined) {
      nodeFor(out.nodes, id).parentId = parent;
      ownsParent.add(id);
    }
    chains.push(ancestors);
  }
  for (const chain of chains) {
    for (let i = 1; i < chain.length; i++) {
      const child = out.nodes.get(chain[i]!) as ThreadNode;
      if (child.parentId === null && !(child.message !== null && ownsParent.has(child.messageId))) child.parentId = chain[i - 1]!;
    }
  }
}

/**
 * Cuts every cycle in the parent links in one linear pass: walk up from each unvisited node, marking the path;
 * reaching a node on the current path means a cycle, which is cut at the node whose parent closed it.
 */
function breakCycles(out: MessageThreads): void {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of out.nodes.keys()) {
    const path: ThreadNode[] = [];
    let node: ThreadNode | undefined = out.nodes.get(start);
    while (node && !state.has(node.messageId)) {
      state.set(node.messageId, 1);
      path.push(node);
      const parentId: string | null = node.parentId;
      if (parentId !== null && state.get(parentId) === 1) {
        out.notes.push(`reference cycle through <${node.messageId}> and <${parentId}>; cut above <${node.messageId}>`);
        node.parentId = null;
        break;
      }
      node = parentId === null ? undefined : out.nodes.get(parentId);
    }
    for (const p of path) state.set(p.messageId, 2);
  }
}

/**
 * Threads messages by Message-ID, In-Reply-To and References (JWZ-style): phantom nodes for ids only referenced,
 * the first copy of a repeated Message-ID kept, cycles cut, ids synthesised for messages without one.
 * Iterative throughout: a 10,000-deep reply chain costs linear time and no stack.
 */
export function threadMessages(messages: RawMessage[]): MessageThreads {
  const out: MessageThreads = { nodes: new Map(), roots: [], messages: [], duplicates: [], notes: [] };
  identify(messages, out);
  link(out);
  breakCycles(out);
  for (const node of out.nodes.values()) {
    if (node.parentId === null) out.roots.push(node.messageId);
    else out.nodes.get(node.parentId)?.children.push(node.messageId);
  }
  return out;
}

/**
 * Every node under `rootId` (not the root itself) with its depth below it, in pre-order. Iterative. A node for
 * which `stopAt` holds is left out together with its subtree (another patch's replies are that patch's).
 */
export function descendants(
  nodes: Map<string, ThreadNode>,
  rootId: string,
  stopAt: (id: string) => boolean = () => false,
): { node: ThreadNode; depth: number }[] {
  const out: { node: ThreadNode; depth: number }[] = [];
  const root = nodes.get(rootId);
  if (!root) return out;
  const stack: { id: string; depth: number }[] = [...root.children].reverse().map((id) => ({ id, depth: 1 }));
  while (stack.length > 0) {
    const { id, depth } = stack.pop() as { id: string; depth: number };
    const node = nodes.get(id);
    if (!node || stopAt(id)) continue;
    out.push({ node, depth });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ id: node.children[i]!, depth: depth + 1 });
  }
  return out;
}
