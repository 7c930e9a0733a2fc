// The README's Node section, CommonJS.
const { validate } = require('xinyong');

const result = validate('91350100M000100Y43');
if (result.valid !== true) throw new Error(`require('xinyong'): validate(...).valid is ${result.valid}`);
console.log('require: valid');
