// Rollup's usual setup for a browser app: node-resolve finds packages in
// node_modules. Nothing here is specific to xinyong.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'src/index.js',
  output: { dir: 'dist', format: 'es', entryFileNames: 'main.js' },
  plugins: [nodeResolve({ browser: true })],
};
