// Where the database lives: --db FILE wins, then SALESDESK_DB, then Electron's userData folder for
// "SalesDesk" — the same folder the desktop app, the CLI and the preview all use.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NAME, backupDirFor, DB_FILE_NAME, defaultDataDir, resolveDbFile } from '../../electron/core/db/paths';

describe('defaultDataDir', () => {
  it('uses %APPDATA%\\SalesDesk on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\li\\AppData\\Roaming', 'SalesDesk'));
    expect(defaultDataDir({}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', 'SalesDesk'));
  });

  it('uses ~/Library/Application Support/SalesDesk on macOS, whatever XDG says', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'SalesDesk'));
  });

  it('uses $XDG_CONFIG_HOME/SalesDesk, else ~/.config/SalesDesk, on Linux', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/li/.cfg' }, 'linux')).toBe('/home/li/.cfg/SalesDesk');
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'SalesDesk'));
    expect(APP_NAME).toBe('SalesDesk');
  });

  it('treats an empty XDG_CONFIG_HOME as unset, as the XDG spec requires (BUG electron/core/db/paths.ts:12)', () => {
    // With `??` an empty value gives the relative folder "SalesDesk" in whatever directory the
    // program was started from.
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe(join(homedir(), '.config', 'SalesDesk'));
  });
});

describe('resolveDbFile', () => {
  const env = { SALESDESK_DB: '/data/env.db', XDG_CONFIG_HOME: '/cfg' };

  it('takes the --db flag over everything', () => {
    expect(resolveDbFile('/data/flag.db', env)).toBe('/data/flag.db');
  });

  it('takes SALESDESK_DB when there is no flag', () => {
    expect(resolveDbFile(undefined, env)).toBe('/data/env.db');
  });

  it('falls back to salesdesk.db in the data folder', () => {
    expect(resolveDbFile(undefined, { XDG_CONFIG_HOME: '/cfg' })).toBe(join(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }), DB_FILE_NAME));
    expect(DB_FILE_NAME).toBe('salesdesk.db');
  });

  it('ignores an empty SALESDESK_DB instead of opening "" (BUG electron/core/db/paths.ts:17)', () => {
    // better-sqlite3 opens "" as a private temporary database: everything entered would vanish at exit.
    expect(resolveDbFile(undefined, { SALESDESK_DB: '', XDG_CONFIG_HOME: '/cfg' })).toBe(join('/cfg', 'SalesDesk', DB_FILE_NAME));
  });
});

describe('backupDirFor', () => {
  it('puts backups in a "backups" folder beside the database', () => {
    expect(backupDirFor('/data/salesdesk.db')).toBe('/data/backups');
  });
});
