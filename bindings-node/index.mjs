// The ES module entry: the same instance as the CommonJS one, with the client as default.
import Avara from './index.js';

export * from './index.js';
export default Avara;
