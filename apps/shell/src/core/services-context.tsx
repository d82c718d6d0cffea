import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Observable } from 'rxjs';
import type { BehaviorSubject } from 'rxjs';
import type { ShellServices } from './services';

export const ServicesContext = createContext<ShellServices | null>(null);

export function useServices(): ShellServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs the shell');
  return services;
}

/** The current value of an RxJS BehaviorSubject, re-rendering on change. */
export function useSubject<T>(subject: BehaviorSubject<T> & Observable<T>): T {
  return useSyncExternalStore(
    (onChange) => {
      const sub = subject.subscribe(onChange);
      return () => sub.unsubscribe();
    },
    () => subject.value,
  );
}
