// Where the database lives when nobody says otherwise: Electron's userData folder for the app
// named "SalesDesk", computed the same way here so the CLI and the preview find the same file.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const APP_NAME = 'SalesDesk';
export const DB_FILE_NAME = 'salesdesk.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // An empty variable counts as unset (XDG spec); a relative XDG_CONFIG_HOME is ignored too.
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  const xdg = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(xdg, APP_NAME);
}

/** `--db FILE` wins, then SALESDESK_DB, then the userData folder. */
export function resolveDbFile(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.SALESDESK_DB || join(defaultDataDir(env), DB_FILE_NAME);
}

/** Backups sit beside the database in a "backups" folder. */
export function backupDirFor(dbFile: string): string {
  return join(dbFile, '..', 'backups');
}
