import { createApp } from 'vue'
import 'xinyong/define'
import App from './App.vue'

createApp(App).mount('#app')
