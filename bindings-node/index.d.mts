// Types of the ES module entry (index.mjs): the CommonJS surface, with the client as default.
import { Avara } from './index.js';

export * from './index.js';
export default Avara;
