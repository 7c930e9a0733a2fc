// A project with neither React nor Vue: the package's own types stand alone.
import { define } from 'xinyong/define';
import type { Validation } from 'xinyong';

define();
const input = document.createElement('xinyong-code-input');
input.name = 'code';
input.required = true;
input.value = null;
input.addEventListener('xinyong-validate', (e) => console.log(e.detail.valid satisfies boolean));
document.querySelector('xinyong-credit-status')!.asOf = '2026-11-26';
const result: Validation | null = input.result;
const form: HTMLFormElement | null = input.form;
input.form = 'f';
// @ts-expect-error: result is read-only for TypeScript (assignment is ignored at run time)
input.result = null;
export { result, form };
