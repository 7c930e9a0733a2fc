// xinyong/vue: template types for the custom elements in Vue 3 (types only; no code).
// Reference it once (e.g. `import type {} from 'xinyong/vue'` in env.d.ts) and vue-tsc
// checks `<xinyong-code-input name="code" required v-model="code" @xinyong-validate="onValidate">`.
// At run time, tell Vue's compiler that xinyong-* are custom elements
// (`compilerOptions.isCustomElement: (tag) => tag.startsWith('xinyong-')`).
import type { EmitFn, HTMLAttributes } from 'vue';
import type { XinyongCodeInput, XinyongCreditStatus, XinyongLang } from './elements.js';
import type { StatusReport, Validation } from './web/xinyong.js';

/** The template props of `<xinyong-code-input>`. */
export interface XinyongCodeInputProps extends Omit<HTMLAttributes, 'lang' | 'onInput' | 'onChange'> {
  name?: string;
  /** The text as typed (what `v-model` binds). */
  value?: string;
  modelValue?: string;
  defaultValue?: string;
  required?: boolean;
  disabled?: boolean;
  readonly?: boolean;
  readOnly?: boolean;
  lang?: XinyongLang;
  label?: string;
  placeholder?: string;
  acceptPilotCodes?: boolean;
  'accept-pilot-codes'?: boolean;
  /** The id of the form the element belongs to. */
  form?: string;
  onInput?: (event: InputEvent) => void;
  onChange?: (event: Event) => void;
  onXinyongValidate?: (event: CustomEvent<Validation>) => void;
}

/** The template props of `<xinyong-credit-status>`. */
export interface XinyongCreditStatusProps extends Omit<HTMLAttributes, 'lang'> {
  src?: string;
  code?: string;
  asOf?: string;
  'as-of'?: string;
  lang?: XinyongLang;
  entity?: object | string | null;
  onXinyongStatus?: (event: CustomEvent<StatusReport | null>) => void;
}

/** A custom element as a component type for templates: its instance, and the props and events vue-tsc checks. */
type TemplateElement<Element extends HTMLElement, Props, Events extends Record<string, unknown>> = new () => Element & {
  /** @deprecated For template type checking only: not on the element. */
  $props: Props;
  /** @deprecated For template type checking only: not on the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'xinyong-code-input': TemplateElement<XinyongCodeInput, XinyongCodeInputProps,
      // v-model: vue-tsc checks it as `modelValue` (a string); at run time Vue's
      // vModelText sets the `value` property and listens to `input`.
      { input: InputEvent; change: Event; 'xinyong-validate': CustomEvent<Validation>; 'update:modelValue': string }>;
    'xinyong-credit-status': TemplateElement<XinyongCreditStatus, XinyongCreditStatusProps,
      { 'xinyong-status': CustomEvent<StatusReport | null> }>;
  }
}
