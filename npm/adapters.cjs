// xinyong/adapters in Node (CommonJS; node/adapters.mjs re-exports it for
// `import`): the form-library adapters of adapters-core over the Node build,
// which is ready as soon as it is required.
const adapters = require('./adapters-core.cjs').createAdapters(require('./index.cjs'));

exports.uscc = adapters.uscc;
exports.orgCode = adapters.orgCode;
exports.registrationNumber = adapters.registrationNumber;
exports.objectSchema = adapters.objectSchema;
