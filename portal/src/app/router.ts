import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@balcao/web-shared';
import CataloguePage from '../citizen/CataloguePage.vue';
import { session } from './services';

declare module 'vue-router' {
  interface RouteMeta {
    /** Signed-in people with one of these roles only (any role when empty). */
    roles?: Role[];
  }
}

const staff: Role[] = ['clerk', 'supervisor', 'admin', 'analyst'];
/** Who may open internal (G2E) requests: the server lets clerks and supervisors start them. */
const requesters: Role[] = ['clerk', 'supervisor'];

// The catalogue is the first page citizens see; everything else (and Form.io) loads on demand.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'catalogue', component: CataloguePage },
  {
    path: '/services/:processId',
    name: 'service',
    component: () => import('../citizen/ServicePage.vue'),
  },
  {
    path: '/services/:processId/apply',
    name: 'apply',
    component: () => import('../citizen/ApplyPage.vue'),
    meta: { roles: [] },
  },
  {
    path: '/applications',
    name: 'applications',
    component: () => import('../citizen/MyApplicationsPage.vue'),
    meta: { roles: [] },
  },
  {
    path: '/applications/:number',
    name: 'application',
    component: () => import('../citizen/ApplicationPage.vue'),
    meta: { roles: [] },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('../citizen/NotificationsPage.vue'),
    meta: { roles: [] },
  },
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('../inbox/InboxPage.vue'),
    meta: { roles: staff },
  },
  {
    path: '/tasks/:id',
    name: 'task',
    component: () => import('../inbox/TaskPage.vue'),
    meta: { roles: [] },
  },
  {
    path: '/requests/new',
    name: 'new-request',
    component: () => import('../requests/NewRequestPage.vue'),
    meta: { roles: requesters },
  },
  {
    path: '/requests/new/:processId',
    name: 'new-request-form',
    component: () => import('../requests/StartRequestPage.vue'),
    meta: { roles: requesters },
  },
  {
    path: '/monitor',
    name: 'monitor',
    component: () => import('../monitor/MonitorPage.vue'),
    meta: { roles: ['supervisor', 'admin'] },
  },
  {
    path: '/monitor/instances/:key',
    name: 'monitor-instance',
    component: () => import('../monitor/MonitorInstancePage.vue'),
    meta: { roles: ['supervisor', 'admin'] },
  },
  { path: '/sign-in', name: 'sign-in', component: () => import('../account/SignInPage.vue') },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../account/NotFoundPage.vue'),
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  const roles = to.meta.roles;
  if (!roles) return true;
  const me = await session.load().catch(() => null);
  if (!me) return { name: 'sign-in', query: { redirect: to.fullPath } };
  if (roles.length > 0 && !roles.includes(me.role)) return { name: 'not-found' };
  return true;
});

// Moves focus to the new page's heading, so screen readers announce the page change.
router.afterEach(() => {
  setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 50);
});
