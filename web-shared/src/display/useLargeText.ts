import { ref, watch } from 'vue';

const storageKey = 'balcao.largeText';
const className = 'large-text';

const enabled = ref(localStorage.getItem(storageKey) === 'on');
watch(
  enabled,
  (on) => {
    document.documentElement.classList.toggle(className, on);
    localStorage.setItem(storageKey, on ? 'on' : 'off');
  },
  { immediate: true },
);

/** Large-text mode: one switch for the whole page (rem-based sizes scale with it). */
export function useLargeText() {
  return { enabled, toggle: () => (enabled.value = !enabled.value) };
}
