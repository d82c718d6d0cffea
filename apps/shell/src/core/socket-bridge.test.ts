import { EVENT_NAMESPACE, type ServerEventName } from '@pos/contracts';
import { POS_EVENTS } from './socket-bridge';

describe('socket bridge', () => {
  it('forwards every event the server sends on the pos namespace to the bus (shift.alert was once left out)', () => {
    const pos = (Object.keys(EVENT_NAMESPACE) as ServerEventName[]).filter((name) => EVENT_NAMESPACE[name] === 'pos');
    expect([...POS_EVENTS].sort()).toEqual(pos.sort());
  });
});
