import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory('/modeler/'),
  routes: [
    { path: '/', name: 'models', component: () => import('../models/ModelsPage.vue') },
    {
      path: '/processes/:processId',
      name: 'process',
      component: () => import('../bpmn/ProcessEditorPage.vue'),
      props: true,
    },
    {
      path: '/forms/:formId',
      name: 'form',
      component: () => import('../forms/FormEditorPage.vue'),
      props: true,
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});
