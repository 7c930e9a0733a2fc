// xinyong/react: JSX types for the custom elements in React 19 (types only; no code).
// Reference it once, e.g. in a .d.ts of the app or with `import type {} from 'xinyong/react'`,
// and `<xinyong-code-input name="code" required onxinyong-validate={(e) => e.detail.valid} />`
// type-checks. React 19 sets a prop as a property when the element has it (every
// attribute below has one) and `on<event>` props as listeners of `<event>`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { XinyongCodeInput, XinyongCreditStatus, XinyongLang } from './elements.js';
import type { StatusReport, Validation } from './web/xinyong.js';

/** The props of `<xinyong-code-input>` in JSX. */
export interface XinyongCodeInputAttributes extends Omit<HTMLAttributes<XinyongCodeInput>, 'lang'> {
  name?: string;
  /** The text as typed (set as the `value` property on each render where it changed). */
  value?: string;
  /** The text a form reset goes back to (the `value` attribute). */
  defaultValue?: string;
  required?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  lang?: XinyongLang;
  label?: string;
  placeholder?: string;
  acceptPilotCodes?: boolean;
  'accept-pilot-codes'?: boolean;
  /** The id of the form the element belongs to. */
  form?: string;
  /** A validation ran: `event.detail` is the result (a listener React adds on the element). */
  'onxinyong-validate'?: (event: CustomEvent<Validation> & { currentTarget: XinyongCodeInput }) => void;
}

/** The props of `<xinyong-credit-status>` in JSX. */
export interface XinyongCreditStatusAttributes extends Omit<HTMLAttributes<XinyongCreditStatus>, 'lang'> {
  src?: string;
  code?: string;
  /** `YYYY-MM-DD` (the `asOf` property). */
  asOf?: string;
  'as-of'?: string;
  lang?: XinyongLang;
  /** The entity record (object or JSON text); `null` shows "no record found" for `code`. */
  entity?: object | string | null;
  /** A render finished: `event.detail` is the status report, or null. */
  'onxinyong-status'?: (event: CustomEvent<StatusReport | null> & { currentTarget: XinyongCreditStatus }) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'xinyong-code-input': DetailedHTMLProps<XinyongCodeInputAttributes, XinyongCodeInput>;
      'xinyong-credit-status': DetailedHTMLProps<XinyongCreditStatusAttributes, XinyongCreditStatus>;
    }
  }
}
