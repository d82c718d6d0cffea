import type { BusEventName, BusEvents } from '@pos/contracts';
import { filter, map, type Observable, Subject } from 'rxjs';

export interface BusMessage<N extends BusEventName = BusEventName> {
  name: N;
  payload: BusEvents[N];
}

/**
 * The app's event bus: one RxJS subject of events typed by the contracts. The shell bridges
 * socket events into it; remotes subscribe through plugin-sdk and never see the socket.
 */
export interface EventBus {
  emit<N extends BusEventName>(name: N, payload: BusEvents[N]): void;
  on<N extends BusEventName>(name: N): Observable<BusEvents[N]>;
  /** Every event, for logs and the notification history. */
  all(): Observable<BusMessage>;
}

export function createEventBus(): EventBus {
  const subject = new Subject<BusMessage>();
  return {
    emit(name, payload) {
      subject.next({ name, payload } as BusMessage);
    },
    on<N extends BusEventName>(name: N) {
      return subject.pipe(
        filter((m): m is BusMessage<N> => m.name === name),
        map((m) => m.payload),
      );
    },
    all: () => subject.asObservable(),
  };
}
