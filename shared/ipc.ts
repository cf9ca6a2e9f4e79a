/**
 * Names shared by the preload and the main process. Kept free of zod and of the contract
 * so the sandboxed preload bundle stays tiny.
 */
export const IPC_CHANNEL = 'doithoai:api';
/** The object the preload exposes on `window`. */
export const BRIDGE_KEY = 'doiThoai';
