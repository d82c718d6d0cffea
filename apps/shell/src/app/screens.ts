import type { ComponentType } from 'react';
import type { ShellServices } from '../core/services';
import { useServices } from '../core/services-context';
import { loadScreenTexts } from '../i18n/frame';
import { preloadable } from './preloadable';

/**
 * A screen fetched on first use (or ahead, by `preload`): its code and the screens' texts come
 * together, and once they are here it renders without suspending.
 */
function screen<P extends object>(load: () => Promise<ComponentType<P>>, texts: () => Promise<void>) {
  return preloadable(async () => {
    const [component] = await Promise.all([load(), texts()]);
    return component;
  });
}

function createScreens(services: ShellServices) {
  const texts = () => loadScreenTexts(services.i18n);
  return {
    FloorScreen: screen(() => import('../features/floor/floor-screen').then((m) => m.FloorScreen), texts),
    OrderScreen: screen(() => import('../features/order/order-screen').then((m) => m.OrderScreen), texts),
    KitchenScreen: screen(() => import('../features/kitchen/kitchen-screen').then((m) => m.KitchenScreen), texts),
    ShiftScreen: screen(() => import('../features/shift/shift-screen').then((m) => m.ShiftScreen), texts),
    OrdersScreen: screen(() => import('../features/orders/orders-screen').then((m) => m.OrdersScreen), texts),
  };
}

const screensByServices = new WeakMap<ShellServices, ReturnType<typeof createScreens>>();

/**
 * The signed-in screens. They load on first use: the PIN pad comes up without the floor, order or
 * kitchen code, or their texts. One set per shell, so a new sign-in does not remount them.
 */
export function useScreens(): ReturnType<typeof createScreens> {
  return screensOf(useServices());
}

export function screensOf(services: ShellServices): ReturnType<typeof createScreens> {
  let screens = screensByServices.get(services);
  if (!screens) {
    screens = createScreens(services);
    screensByServices.set(services, screens);
  }
  return screens;
}
