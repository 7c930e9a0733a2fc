import { XinyongCodeInput, XinyongCreditStatus, loadWasm, loadStatus, loadCard } from './elements.js';
export { XinyongCodeInput, XinyongCreditStatus, loadWasm, loadStatus, loadCard };
export const TAGS: Readonly<{ 'xinyong-code-input': typeof XinyongCodeInput; 'xinyong-credit-status': typeof XinyongCreditStatus }>;
export function define(registry?: CustomElementRegistry): boolean;
