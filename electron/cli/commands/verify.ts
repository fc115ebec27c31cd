// `salesdesk verify`: is the file sound, and can this program open it?
import { AppError } from '../../../shared/errors';
import { DEFAULT_MIGRATIONS_FOLDER, readJournal } from '../../core/db/connection';
import { verifyFile } from '../../core/db/backup';
import { COMMON_HELP, parseCommand } from '../args';
import { printHelp, type Command } from '../command';
import { EXIT } from '../output';
import { existingDbFile } from './user';

export type SchemaState = 'current' | 'needsMigration' | 'tooNew';

export const verifyCommand: Command = {
  name: 'verify',
  help: `
salesdesk verify — 检查数据库 / check a database

用法 Usage:
  salesdesk verify [--db FILE] [--json]

只读打开数据库，运行 SQLite 完整性检查（PRAGMA integrity_check），并比较数据库的数据结构版本和
本程序的版本。完整性有问题，或数据库来自更新版本的程序时，退出码为 1。
Opens the file read-only, runs SQLite's integrity check and compares its schema version with this
program's. Exit code 1 when the check fails or the file was written by a newer SalesDesk.

${COMMON_HELP}
`,
  async run(args, out) {
    const { values } = parseCommand('verify', args, {});
    if (values.help) return printHelp(verifyCommand);
    const file = existingDbFile(values.db);
    let check: ReturnType<typeof verifyFile>;
    try {
      check = verifyFile(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('VALIDATION', `无法作为数据库打开：${file}（${reason}）`, `Cannot open ${file} as a database (${reason})`);
    }
    const appSchemaVersion = readJournal(DEFAULT_MIGRATIONS_FOLDER).length;
    const schemaState: SchemaState =
      check.schemaVersion > appSchemaVersion ? 'tooNew' : check.schemaVersion < appSchemaVersion ? 'needsMigration' : 'current';
    const ok = check.ok && schemaState !== 'tooNew';

    out.result({ file, ok, integrity: check.integrity, schemaVersion: check.schemaVersion, appSchemaVersion, schemaState });
    out.line(`数据库 / Database: ${file}`);
    out.line(`完整性 / Integrity: ${check.ok ? '正常 ok' : `有问题 FAILED — ${check.integrity}`}`);
    out.line(`数据结构版本 / Schema version: ${check.schemaVersion}（本程序 / this program: ${appSchemaVersion}）`);
    if (schemaState === 'needsMigration') out.line('  打开时会先自动备份再升级 / will be backed up and upgraded when opened');
    if (schemaState === 'tooNew') out.line('  来自更新版本的销售台账，请先升级本程序 / written by a newer SalesDesk: upgrade first');
    out.line(`结论 / Result: ${ok ? '正常 OK' : '不正常 NOT OK'}`);
    if (ok) return EXIT.ok;
    process.stderr.write(
      check.ok
        ? '错误：数据库来自更新版本的销售台账\nError: the database was written by a newer SalesDesk\n'
        : `错误：数据库完整性检查未通过（${check.integrity}）\nError: the integrity check failed\n`,
    );
    return EXIT.userError;
  },
};
