// Reads a rule's parameters from the catalog: the JSON Schema the core derives from the rule's zod
// schema says the shape (number, yes/no, text, a table of rows), paramInfo says the label and the
// unit. Nothing here knows a rule: new rules and parameters show up as they are added to the core.
import type { Label } from '../../../../shared/domain';
import { PARAM_UNITS, type ParamUnit, type RuleInfo } from '../../../../shared/policy';

type JsonSchema = Record<string, unknown>;

export interface NumberShape {
  kind: 'number';
  integer: boolean;
  nullable: boolean;
  min?: number;
  max?: number;
  /** The bound itself is not allowed (e.g. a tier's "up to" days must be above 0). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}
export interface BooleanShape {
  kind: 'boolean';
  nullable: boolean;
}
export interface StringShape {
  kind: 'string';
  nullable: boolean;
  pattern?: string;
  /** A closed list of values (a zod enum). */
  options?: string[];
  minLength?: number;
  maxLength?: number;
}
export type ScalarShape = NumberShape | BooleanShape | StringShape;

export interface Column {
  key: string;
  label: Label;
  /** null: a plain number without a unit word. */
  unit: ParamUnit | null;
  shape: ScalarShape;
}
export interface TableShape {
  kind: 'table';
  columns: Column[];
  minItems?: number;
  maxItems?: number;
}
/** Anything else (nested objects, lists of plain values): shown and edited as JSON. */
export interface JsonShape {
  kind: 'json';
}
export type ValueShape = ScalarShape | TableShape | JsonShape;

export interface ParamField {
  key: string;
  label: Label;
  unit: ParamUnit;
  shape: ValueShape;
}

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const isUnit = (value: unknown): value is ParamUnit => typeof value === 'string' && (PARAM_UNITS as readonly string[]).includes(value);

/** A bound as big as the safest integer is zod's "any int", not a real limit. */
const realBound = (value: number | undefined) => (value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);

/** Splits "X or null" (anyOf / type list) into X and whether null is allowed. */
function unwrapNullable(schema: JsonSchema): { base: JsonSchema | null; nullable: boolean } {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) {
    const options = alternatives.filter(isObject);
    const nonNull = options.filter((o) => o.type !== 'null');
    const nullable = nonNull.length < options.length;
    if (nonNull.length !== 1) return { base: null, nullable };
    // Keep annotations (label, unit, default) written on the outer schema.
    return { base: { ...schema, anyOf: undefined, oneOf: undefined, ...nonNull[0] }, nullable };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t): t is string => typeof t === 'string');
    const nonNull = types.filter((t) => t !== 'null');
    if (nonNull.length !== 1) return { base: null, nullable: types.includes('null') };
    return { base: { ...schema, type: nonNull[0] }, nullable: types.includes('null') };
  }
  return { base: schema, nullable: false };
}

function scalarShape(schema: JsonSchema): ScalarShape | null {
  const { base, nullable } = unwrapNullable(schema);
  if (!base) return null;
  if (Array.isArray(base.enum)) {
    const values = base.enum.filter((v): v is string => typeof v === 'string');
    if (values.length === base.enum.length) return { kind: 'string', nullable, options: values };
    return null;
  }
  switch (base.type) {
    case 'integer':
    case 'number': {
      const exclusiveMinimum = realBound(num(base.exclusiveMinimum));
      const exclusiveMaximum = realBound(num(base.exclusiveMaximum));
      const minimum = realBound(num(base.minimum));
      const maximum = realBound(num(base.maximum));
      return {
        kind: 'number',
        integer: base.type === 'integer',
        nullable,
        min: exclusiveMinimum ?? minimum,
        max: exclusiveMaximum ?? maximum,
        exclusiveMin: exclusiveMinimum !== undefined,
        exclusiveMax: exclusiveMaximum !== undefined,
      };
    }
    case 'boolean':
      return { kind: 'boolean', nullable };
    case 'string':
      return {
        kind: 'string',
        nullable,
        pattern: typeof base.pattern === 'string' ? base.pattern : undefined,
        minLength: num(base.minLength),
        maxLength: num(base.maxLength),
      };
    default:
      return null;
  }
}

/**
 * A label written into the schema by the rule's author (zod `.meta({ label: { zh, en } })`, or a
 * `title` / `description`), else the property name.
 */
function schemaLabel(schema: JsonSchema, key: string): Label {
  const label = schema.label;
  if (isObject(label) && typeof label.zh === 'string' && typeof label.en === 'string') return { zh: label.zh, en: label.en };
  const text = typeof schema.title === 'string' ? schema.title : typeof schema.description === 'string' ? schema.description : null;
  return text ? { zh: text, en: text } : { zh: key, en: key };
}

/** The unit of a table column: written in the schema, else read from its name like the core does for parameters. */
function columnUnit(schema: JsonSchema, key: string): ParamUnit | null {
  if (isUnit(schema.unit)) return schema.unit;
  if (/Fen$/.test(key)) return 'fen';
  if (/Share$/.test(key)) return 'share';
  if (/WorkingDays$/.test(key)) return 'workingDays';
  if (/Days$/.test(key)) return 'days';
  if (/Hours$/.test(key)) return 'hours';
  if (/Tons$/.test(key)) return 'tons';
  return null;
}

export function shapeOf(schema: unknown): ValueShape {
  if (!isObject(schema)) return { kind: 'json' };
  const scalar = scalarShape(schema);
  if (scalar) return scalar;
  if (schema.type === 'array' && isObject(schema.items) && isObject(schema.items.properties)) {
    const columns: Column[] = [];
    for (const [key, property] of Object.entries(schema.items.properties)) {
      const shape = isObject(property) ? scalarShape(property) : null;
      if (!shape || !isObject(property)) return { kind: 'json' };
      columns.push({ key, label: schemaLabel(property, key), unit: columnUnit(property, key), shape });
    }
    return { kind: 'table', columns, minItems: num(schema.minItems), maxItems: num(schema.maxItems) };
  }
  return { kind: 'json' };
}

/** The rule's parameters in the order of its schema, each with label, unit and shape. */
export function paramFields(rule: RuleInfo): ParamField[] {
  const properties = isObject(rule.paramsSchema.properties) ? rule.paramsSchema.properties : {};
  const keys = [...new Set([...Object.keys(properties), ...Object.keys(rule.defaults), ...Object.keys(rule.params)])];
  return keys.map((key) => {
    const schema = properties[key];
    const info = rule.paramInfo[key];
    // paramInfo falls back to the bare key as label; a label in the schema is better then.
    const fromSchema = isObject(schema) ? schemaLabel(schema, key) : { zh: key, en: key };
    const label = info && info.label.zh !== key ? info.label : fromSchema.zh !== key ? fromSchema : (info?.label ?? fromSchema);
    return { key, label, unit: info?.unit ?? 'count', shape: shapeOf(schema) };
  });
}

/** Same value, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Parameters of the rule that differ from the domain book's defaults. */
export function changedKeys(rule: RuleInfo): string[] {
  return Object.keys(rule.params).filter((key) => !sameValue(rule.params[key], rule.defaults[key]));
}
