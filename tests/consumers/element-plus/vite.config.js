import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// https://vite.dev/config/ — nothing here is specific to xinyong: the rule is plain JS.
export default defineConfig({
  plugins: [vue()],
})
