// The README's Node section, ES modules.
import { validate } from 'xinyong';

const result = validate('91350100M000100Y43');
if (result.valid !== true) throw new Error(`import from 'xinyong': validate(...).valid is ${result.valid}`);
console.log('import: valid');
