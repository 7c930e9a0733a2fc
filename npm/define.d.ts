import { XinyongCodeInput, XinyongCreditStatus, loadWasm, loadStatus } from './elements.js';
export { XinyongCodeInput, XinyongCreditStatus, loadWasm, loadStatus };
export const TAGS: Readonly<{ 'xinyong-code-input': typeof XinyongCodeInput; 'xinyong-credit-status': typeof XinyongCreditStatus }>;
export function define(registry?: CustomElementRegistry): boolean;
