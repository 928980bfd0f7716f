import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useInput, useStdin, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

interface KeyBus {
  subscribe(handler: { current: KeyHandler }, isActive: () => boolean): () => void;
}

const KeyContext = createContext<KeyBus | null>(null);

/**
 * The one stdin listener (gemini-cli's KeypressContext, much smaller). Raw mode is only asked for
 * when stdin supports it: Ink reports `undefined`, not false, on /dev/null.
 */
export function KeysProvider({ children }: { children: ReactNode }) {
  const { isRawModeSupported } = useStdin();
  const subscribers = useRef(new Set<{ handler: { current: KeyHandler }; isActive: () => boolean }>());
  const bus = useRef<KeyBus>({
    subscribe(handler, isActive) {
      const sub = { handler, isActive };
      subscribers.current.add(sub);
      return () => { subscribers.current.delete(sub); };
    },
  });
  useInput((input, key) => {
    for (const s of subscribers.current) if (s.isActive()) s.handler.current(input, key);
  }, { isActive: isRawModeSupported === true });
  return <KeyContext.Provider value={bus.current}>{children}</KeyContext.Provider>;
}

/** Subscribe to key presses; the latest handler is always the one called. */
export function useKeys(handler: KeyHandler, opts: { isActive?: boolean } = {}): void {
  const bus = useContext(KeyContext);
  if (!bus) throw new Error('useKeys must be used inside <KeysProvider>');
  const ref = useRef(handler);
  ref.current = handler;
  const active = useRef(opts.isActive ?? true);
  active.current = opts.isActive ?? true;
  useEffect(() => bus.subscribe(ref, () => active.current), [bus]);
}
