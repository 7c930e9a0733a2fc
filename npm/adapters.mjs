// xinyong/adapters for browsers and bundlers: the form-library adapters of
// adapters-core.mjs over the browser build. The adapters wait for `ready`
// themselves, so they work even when the page has not awaited it.
import * as xinyong from './index.js';
import { createAdapters } from './adapters-core.mjs';

export const { uscc, orgCode, registrationNumber, objectSchema } = createAdapters(xinyong);
