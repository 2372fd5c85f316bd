/**
 * `sanqu` command line. Commands call the same code as the server, never HTTP.
 *   sanqu import <file> [--dry-run] [--json]
 */
import { runImportDryRun, type CommandIo } from './import-command.js';

const USAGE = `用法 / usage:
  sanqu import <文件> --dry-run [--json]   解析政策文件并输出结构化方案（不写入数据库）`;

/** Run the CLI with arguments; returns the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'import': {
      if (args.length !== 1) {
        io.err('请指定一个要导入的文件。\n' + USAGE);
        return 2;
      }
      return runImportDryRun(args[0]!, flags.has('--json'), io);
    }
    default:
      io.err(command ? `未知命令：${command}\n${USAGE}` : USAGE);
      return 2;
  }
}

const io: CommandIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
