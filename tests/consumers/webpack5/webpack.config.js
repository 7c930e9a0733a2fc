// webpack's getting-started setup: src/index.js bundled to dist/main.js, which
// the hand-written index.html loads. Nothing here is specific to xinyong.
const path = require('node:path');

module.exports = {
  mode: 'production',
  entry: './src/index.js',
  output: {
    filename: 'main.js',
    path: path.resolve(__dirname, 'dist'),
  },
};
