import '@balcao/web-shared/styles.css';
import './app/modeler.css';
import { createApp } from 'vue';
import { createBalcaoI18n } from '@balcao/web-shared';
import App from './App.vue';
import { messages } from './app/messages';
import { router } from './app/router';

createApp(App).use(createBalcaoI18n(messages)).use(router).mount('#app');
