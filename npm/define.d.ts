import { XinyongCodeInput, XinyongCreditStatus, loadWasm } from './elements.js';
export { XinyongCodeInput, XinyongCreditStatus, loadWasm };
export const TAGS: Readonly<{ 'xinyong-code-input': typeof XinyongCodeInput; 'xinyong-credit-status': typeof XinyongCreditStatus }>;
export function define(registry?: CustomElementRegistry): boolean;
