// xinyong/adapters: form-library adapters, with no dependencies.
import type { Lang, Text, Validation } from './index.js';

/**
 * What a failed check reports, in the rule's Error and in a Standard Schema
 * issue: the message in the chosen language, the error's kind and (for
 * errors at one place in the code) its 1-based position, counted after
 * normalization (full-width characters, spaces and hyphens removed).
 */
export interface XinyongIssue {
  /** The first error's message in the chosen `lang`. */
  readonly message: string;
  /**
   * The first error's kind: an `ErrorKind` of the package (`check_char`,
   * `length`, `division_format`, …), `empty` for a required field left empty,
   * `type` for a value that is not a string (a number, an object), or the kind
   * of a refusal such as `too_long`.
   */
  readonly kind: string;
  /** 1-based position of the error, when it has one (`length` and `empty` do not). */
  readonly position?: number;
  /** The message in every language. */
  readonly messages: Text;
  /** The full result of `validate` (suggestions, diagnoses, …) when the input was checked. */
  readonly result?: Validation;
  /** The issue's path: only set by `objectSchema`, to the field's key. */
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
}

/** Options of `rule()` and `schema()`. */
export interface AdapterOptions {
  /** Language of `message`. Default `'zh-Hans'`. Anything else throws a XinyongError of kind `options`. */
  lang?: Lang;
  /**
   * An empty value (`''`, only spaces, `undefined`, `null`) fails with the
   * library's "no code entered" message when `true`; passes when `false`
   * (the default): pair it with the form's own required rule if you prefer
   * its wording.
   */
  required?: boolean;
}

/** Options of `uscc.rule()` / `uscc.schema()`: also the `validate` option for pilot-era codes. */
export interface UsccAdapterOptions extends AdapterOptions {
  /** Accept Fujian/Xiamen pilot-era codes (see `ValidateOptions`). Default `false`. */
  acceptPilotCodes?: boolean;
}

/** Options only rules have. */
export interface RuleOptions {
  /**
   * The form events the rule runs on, as Element Plus and Ant Design Vue read
   * it. Default `'blur'` (no error while the code is still being typed);
   * `null` leaves `trigger` out, so the rule runs on every event. The form's
   * `validate()` (on submit) runs it whatever the trigger.
   */
  trigger?: string | string[] | null;
}

/**
 * An async-validator rule object (the validator behind Element Plus, Ant
 * Design Vue and Ant Design's forms). Spread it to add your own keys, e.g.
 * `{ ...uscc.rule(), message: '…' }` to replace every message by yours.
 */
export interface XinyongRule {
  /** Whether an empty value fails; form libraries also read it to mark the field required. */
  readonly required: boolean;
  /** See `RuleOptions.trigger`. */
  readonly trigger?: string | string[];
  /**
   * Called by async-validator with `(rule, value, callback, source, options)`.
   * Resolves when the value is valid (or empty and not required), rejects with
   * an `Error` whose `message` is the localized message and which carries the
   * `XinyongIssue` fields (`kind`, `position`, `messages`, `result`). In the
   * browser it waits for the package's `ready` itself.
   */
  asyncValidator(rule: unknown, value: unknown, callback?: unknown, source?: unknown, options?: unknown): Promise<void>;
}

/** The result of a Standard Schema's `validate`. */
export type XinyongSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<XinyongIssue> };

/**
 * A Standard Schema v1 (https://standardschema.dev): TanStack Form,
 * react-hook-form's `standardSchemaResolver` (through `objectSchema`) and
 * every library that reads `~standard` accept it. It is structurally a
 * `StandardSchemaV1<Input, Output>` of `@standard-schema/spec`.
 */
export interface XinyongSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'xinyong';
    /**
     * `{ value }` with the normalized code (`９１３５…ｙ４３` → `9135…Y43`; an
     * empty value that is not required comes back as given, a blank string as
     * `''`), or `{ issues: [issue] }` with the first error. Never throws for
     * a value: a number or an object gives an issue of kind `type`.
     * Synchronous once the package is ready; before that (in the browser,
     * when the page has not awaited `ready`) a Promise of the same result.
     */
    readonly validate: (value: unknown, options?: unknown) => XinyongSchemaResult<Output> | Promise<XinyongSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** The adapters for one kind of identifier. */
export interface IdentifierAdapters<Options extends AdapterOptions> {
  /**
   * An async-validator rule.
   *
   * ```js
   * // Element Plus / Ant Design Vue
   * import { uscc } from 'xinyong/adapters';
   * const rules = { code: [uscc.rule({ required: true, lang: 'zh-Hans' })] };
   * // <el-form :model="form" :rules="rules"><el-form-item prop="code" label="统一社会信用代码">…
   *
   * // Ant Design (React)
   * <Form.Item name="code" rules={[uscc.rule({ required: true })]} validateTrigger="onBlur">
   * ```
   *
   * @throws XinyongError of kind `options` for an unknown option or a bad value (e.g. `lang: 'fr'`).
   */
  rule(options?: Options & RuleOptions): XinyongRule;
  /**
   * A Standard Schema v1 validator of one field.
   *
   * ```js
   * import { uscc } from 'xinyong/adapters';
   * const schema = uscc.schema({ lang: 'en', required: true });
   * schema['~standard'].validate('９１３５０１００ｍ０００１００ｙ４３'); // { value: '91350100M000100Y43' }
   * schema['~standard'].validate('91350100M000100Y4A');
   * // { issues: [{ message: 'position 18: check character should be 3, found A', kind: 'check_char', position: 18, … }] }
   *
   * // TanStack Form
   * <form.Field name="code" validators={{ onBlur: uscc.schema({ required: true }) }} />
   * ```
   *
   * @throws XinyongError of kind `options` for an unknown option or a bad value (e.g. `lang: 'fr'`).
   */
  schema(options: Options & { required: true }): XinyongSchema<string, string>;
  schema(options?: Options): XinyongSchema<string, string | null | undefined>;
}

/** Unified Social Credit Code (统一社会信用代码), checked by `validate`. */
export declare const uscc: IdentifierAdapters<UsccAdapterOptions>;
/** Organization code (组织机构代码, GB 11714), checked by `validateOrgCode`. */
export declare const orgCode: IdentifierAdapters<AdapterOptions>;
/** 15-digit business registration number (工商注册号), checked by `validateRegistrationNumber`. */
export declare const registrationNumber: IdentifierAdapters<AdapterOptions>;

/** Anything with a Standard Schema v1 `~standard.validate`. */
export interface AnyStandardSchema<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: any) => unknown;
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
  };
}

/**
 * A Standard Schema for a form's values, for resolvers that take one schema
 * for the whole form (react-hook-form's `standardSchemaResolver`): each key
 * of `shape` is checked by its schema (any vendor's), an issue's `path`
 * starts with the key, keys not in `shape` pass through unchanged, and the
 * output has each checked field's output (the normalized code).
 *
 * ```js
 * import { useForm } from 'react-hook-form';
 * import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
 * import { uscc, objectSchema } from 'xinyong/adapters';
 *
 * const { register, handleSubmit, formState: { errors } } = useForm({
 *   resolver: standardSchemaResolver(objectSchema({ code: uscc.schema({ required: true }) })),
 * });
 * // errors.code?.message: "第 18 位校验码应为 3，实为 A"; handleSubmit gets { code: '91350100M000100Y43' }
 * ```
 *
 * @param options.lang language of the issue for a value that is not an object (default `'zh-Hans'`).
 * @throws XinyongError of kind `options` when a value of `shape` is not a Standard Schema.
 */
export declare function objectSchema<Shape extends Record<string, AnyStandardSchema>>(
  shape: Shape,
  options?: { lang?: Lang },
): XinyongSchema<Record<string, unknown>, { [K in keyof Shape]: NonNullable<Shape[K]['~standard']['types']>['output'] } & Record<string, unknown>>;
