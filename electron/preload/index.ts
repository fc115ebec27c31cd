// The whole bridge: one typed `invoke(channel, input)`, nothing else (ARCHITECTURE).
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type InvokeResult } from '../../shared/ipc';

const bridge = {
  invoke: (channel: string, input: unknown): Promise<InvokeResult> => ipcRenderer.invoke(IPC_CHANNEL, channel, input),
};

contextBridge.exposeInMainWorld('salesdesk', bridge);
