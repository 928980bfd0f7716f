/**
 * Why a request to a server failed, as one line that names the server and the cause. An InputError
 * (exit 2): the input named something we could not get.
 */
import { InputError } from '../../util/errors.js';

export type RemoteFailure =
  /** DNS, refused, reset, unreachable: the server could not be talked to. */
  | { kind: 'network'; code: string }
  | { kind: 'tls'; code: string }
  | { kind: 'timeout'; seconds: number; phase: 'response' | 'body' }
  | { kind: 'not-found' }
  | { kind: 'status'; status: number }
  | { kind: 'redirect'; to: string; why: string }
  | { kind: 'too-large'; limit: number };

export class RemoteError extends InputError {
  constructor(
    readonly server: string,
    readonly failure: RemoteFailure,
    /** The Message-ID asked for, when there was one. */
    readonly msgid: string | null = null,
  ) {
    super({ source: failure.kind === 'not-found' && msgid ? `<${msgid}>` : server }, describeFailure(failure, server, msgid));
  }

  /** Transport failures, where an earlier copy is better than nothing (not a 404, not a refused redirect). */
  get isTransient(): boolean {
    const k = this.failure.kind;
    return k === 'network' || k === 'tls' || k === 'timeout' || (k === 'status' && this.failure.status >= 500);
  }
}

function describeFailure(f: RemoteFailure, server: string, msgid: string | null): string {
  switch (f.kind) {
    case 'network':
      return `cannot reach the server (${NETWORK_WORDS[f.code] ?? f.code})`;
    case 'tls':
      return `TLS failure (${f.code}): the server's certificate or handshake was refused`;
    case 'timeout':
      return f.phase === 'response' ? `timed out after ${f.seconds} s waiting for the server to answer` : `timed out: no data for ${f.seconds} s while reading the answer`;
    case 'not-found':
      return msgid ? `no such message on ${server}` : `nothing found on ${server}`;
    case 'status':
      return `the server answered HTTP ${f.status}`;
    case 'redirect':
      return `refused a redirect to ${f.to}: ${f.why}`;
    case 'too-large':
      return `the answer is larger than ${f.limit} bytes (raise --max-message-size to accept it)`;
  }
}

const NETWORK_WORDS: Record<string, string> = {
  ENOTFOUND: 'ENOTFOUND: no such host, or no network',
  EAI_AGAIN: 'EAI_AGAIN: name lookup failed, no network?',
  ECONNREFUSED: 'ECONNREFUSED: connection refused',
  ECONNRESET: 'ECONNRESET: connection reset',
  ENETUNREACH: 'ENETUNREACH: network unreachable',
  EHOSTUNREACH: 'EHOSTUNREACH: host unreachable',
  UND_ERR_SOCKET: 'the connection closed mid-answer',
};
