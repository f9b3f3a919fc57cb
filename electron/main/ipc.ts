import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail, type Result } from '../../shared/result';
import type { Core } from '../core/core';
import { dispatch } from '../core/dispatch';

export const rpcChannel = 'rpc';

const maxInputBytes = 1024 * 1024;

type RpcMessage = { method?: unknown; input?: unknown; token?: unknown; overrideToken?: unknown };

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length <= 200 ? value : undefined;

/**
 * The one IPC channel. Only our own window's top frame may call it: a message from any other
 * webContents or a sub-frame is refused before its input is even parsed.
 */
export function registerRpc(getCore: () => Core, isOurSender: (event: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(rpcChannel, async (event, message: RpcMessage): Promise<Result<unknown>> => {
    if (!isOurSender(event)) return fail('forbidden', 'Unknown sender');
    if (typeof message !== 'object' || message === null || typeof message.method !== 'string') {
      return fail('invalid_input', 'Malformed call');
    }
    if (serializedSize(message.input) > maxInputBytes) {
      return fail('payload_too_large', 'The input is too large');
    }
    return dispatch(getCore(), message.method, message.input, {
      token: optionalString(message.token),
      overrideToken: optionalString(message.overrideToken),
    });
  });
}

/** Size as JSON; input that cannot be JSON (cycles, BigInt) counts as too large, not as a crash. */
function serializedSize(input: unknown): number {
  try {
    return JSON.stringify(input ?? null).length;
  } catch {
    return Infinity;
  }
}

/** True when the call comes from the main frame of the given window's webContents. */
export const senderIs =
  (webContentsId: () => number | undefined) =>
  (event: IpcMainInvokeEvent): boolean =>
    event.sender.id === webContentsId() && event.senderFrame !== null && event.senderFrame.parent === null;
