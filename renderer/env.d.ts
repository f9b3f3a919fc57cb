/// <reference types="vite/client" />

/** Exposed by electron/preload in the desktop app; absent in browser mode. */
interface Window {
  api?: {
    call(method: string, input: unknown, token?: string, overrideToken?: string): Promise<unknown>;
  };
}
