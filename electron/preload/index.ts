import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only door to the core: one function over the one channel. No other Electron or
 * Node API is exposed.
 */
contextBridge.exposeInMainWorld('api', {
  call: (method: string, input: unknown, token?: string, overrideToken?: string): Promise<unknown> =>
    ipcRenderer.invoke('rpc', { method, input, token, overrideToken }),
});
