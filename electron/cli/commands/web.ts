// `salesdesk web`: the browser preview (electron/cli/web.ts) on this machine only.
import { resolveDbFile } from '../../core/db/paths';
import { COMMON_HELP, intFlag, parseCommand, UsageError } from '../args';
import { printHelp, type Command } from '../command';

const ALLOWED_HOSTS = ['127.0.0.1', 'localhost'];

export const webCommand: Command = {
  name: 'web',
  help: `
salesdesk web — 浏览器预览 / browser preview

用法 Usage:
  salesdesk web [--port 5170] [--host 127.0.0.1] [--static DIR] [--db FILE]

  --port N        端口（默认 5170）/ port (default 5170)
  --host H        只允许 127.0.0.1 或 localhost / only 127.0.0.1 or localhost
  --static DIR    提供已构建的界面（如 out/renderer），不启动 Vite / serve a built renderer

同一个界面、同一个程序核心，只是用本机 HTTP 代替 Electron 的进程间通信。按 Ctrl-C 停止。
（此命令不输出 JSON。）
The same renderer and core over local HTTP instead of IPC. Ctrl-C stops it. (No JSON output.)

${COMMON_HELP}
`,
  async run(args) {
    const { values } = parseCommand('web', args, {
      port: { type: 'string' },
      host: { type: 'string' },
      static: { type: 'string' },
    });
    if (values.help) return printHelp(webCommand);
    const host = values.host ?? '127.0.0.1';
    if (!ALLOWED_HOSTS.includes(host)) {
      throw new UsageError(
        `--host 只能是 127.0.0.1 或 localhost（预览不对外开放），收到“${host}”`,
        `--host must be 127.0.0.1 or localhost (the preview is never exposed), got "${host}"`,
        'web',
      );
    }
    const port = intFlag('web', 'port', values.port, 5170, 0, 65535);
    const { runWeb } = await import('../web');
    await runWeb({ db: resolveDbFile(values.db), port, host, staticDir: values.static });
  },
};
