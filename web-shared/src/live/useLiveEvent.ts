import { onBeforeUnmount, onMounted } from 'vue';
import type { LiveClient, LiveHandler } from './LiveClient';

/** Listens to a live event while the calling component is on the page. */
export function useLiveEvent(live: LiveClient, event: string, handler: LiveHandler): void {
  let stop: (() => void) | undefined;
  onMounted(() => (stop = live.on(event, handler)));
  onBeforeUnmount(() => stop?.());
}
