// Errors that cross the API boundary: Chinese first, English second, naming the field.
import type { z } from 'zod';
import type { Label } from './domain';

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'UNKNOWN_CHANNEL',
  'SETUP_REQUIRED',
  /** The policy engine refuses the request (a rule blocks it); the issues name the rules. */
  'POLICY_DENIED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field in the input, e.g. "patch.phone". */
  field: string;
  message: string;
  messageEn: string;
}

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  messageEn: string;
  issues: FieldIssue[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, messageEn: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.messageEn = messageEn;
    this.issues = issues;
  }

  /** One invalid field: "客户名称：不能为空" / "Customer name: is required". */
  static field(field: string, label: Label, problem: Label): AppError {
    const issue: FieldIssue = {
      field,
      message: `${label.zh}：${problem.zh}`,
      messageEn: `${label.en}: ${problem.en}`,
    };
    return new AppError('VALIDATION', issue.message, issue.messageEn, [issue]);
  }

  toPayload(): AppErrorPayload {
    return { code: this.code, message: this.message, messageEn: this.messageEn, issues: this.issues };
  }
}

export function isAppErrorPayload(value: unknown): value is AppErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppErrorPayload).code === 'string' &&
    typeof (value as AppErrorPayload).message === 'string'
  );
}

/** Describes one zod issue in both languages, with the field's human label when it is known. */
function describeIssue(issue: z.core.$ZodIssue, labels: Readonly<Record<string, Label>>): FieldIssue {
  const field = issue.path.map(String).join('.');
  const leaf = String(issue.path[issue.path.length - 1] ?? '');
  const own = (key: string) => (Object.hasOwn(labels, key) ? labels[key] : undefined);
  const label = own(field) ?? own(leaf) ?? { zh: field || '输入', en: field || 'input' };
  let zh: string;
  let en: string;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        zh = '不能为空';
        en = 'is required';
      } else {
        zh = `类型不正确（应为${typeNameZh(issue.expected)}）`;
        en = `has the wrong type (expected ${issue.expected})`;
      }
      break;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        zh = '不能为空';
        en = 'is required';
      } else if (issue.origin === 'string') {
        zh = `至少 ${issue.minimum} 个字符`;
        en = `must be at least ${issue.minimum} characters`;
      } else if (issue.origin === 'array') {
        zh = `至少 ${issue.minimum} 项`;
        en = `needs at least ${issue.minimum} items`;
      } else {
        zh = `不能小于 ${issue.minimum}`;
        en = `must be at least ${issue.minimum}`;
      }
      break;
    case 'too_big':
      if (issue.origin === 'string') {
        zh = `不能超过 ${issue.maximum} 个字符`;
        en = `must be at most ${issue.maximum} characters`;
      } else if (issue.origin === 'array') {
        zh = `不能超过 ${issue.maximum} 项`;
        en = `may have at most ${issue.maximum} items`;
      } else {
        zh = `不能大于 ${issue.maximum}`;
        en = `must be at most ${issue.maximum}`;
      }
      break;
    case 'invalid_value':
      zh = `不是允许的取值（可选：${issue.values.map(String).join('、')}）`;
      en = `is not an allowed value (one of: ${issue.values.map(String).join(', ')})`;
      break;
    case 'invalid_format':
      zh = '格式不正确';
      en = 'has an invalid format';
      break;
    case 'unrecognized_keys':
      zh = `包含未知字段：${issue.keys.join('、')}`;
      en = `has unknown fields: ${issue.keys.join(', ')}`;
      break;
    case 'custom': {
      const params = issue.params as { en?: string } | undefined;
      zh = issue.message;
      en = params?.en ?? issue.message;
      break;
    }
    default:
      zh = '无效';
      en = 'is invalid';
  }
  return { field, message: `${label.zh}：${zh}`, messageEn: `${label.en}: ${en}` };
}

function typeNameZh(expected: string): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    int: '整数',
    boolean: '是/否',
    object: '对象',
    array: '列表',
  };
  return names[expected] ?? expected;
}

export function validationError(error: z.ZodError, labels: Readonly<Record<string, Label>>): AppError {
  const issues = error.issues.slice(0, 20).map((issue) => describeIssue(issue, labels));
  const first = issues[0] ?? { field: '', message: '输入无效', messageEn: 'Invalid input' };
  const more = issues.length > 1 ? { zh: `（另有 ${issues.length - 1} 处错误）`, en: ` (and ${issues.length - 1} more)` } : { zh: '', en: '' };
  return new AppError('VALIDATION', first.message + more.zh, first.messageEn + more.en, issues);
}
