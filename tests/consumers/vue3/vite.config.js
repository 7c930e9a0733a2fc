import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// https://vite.dev/config/
// isCustomElement: what Vue's docs tell users for custom elements, so that
// <xinyong-code-input> is not resolved as a Vue component.
export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          isCustomElement: (tag) => tag.startsWith('xinyong-'),
        },
      },
    }),
  ],
})
