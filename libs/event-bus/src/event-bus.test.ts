import { createEventBus } from './event-bus';

describe('event bus', () => {
  it('delivers an event only to subscribers of its name', () => {
    const bus = createEventBus();
    const ready: string[] = [];
    const connectivity: string[] = [];
    bus.on('remote.status').subscribe((p) => ready.push(`${p.name}:${p.status}`));
    bus.on('connectivity.changed').subscribe((p) => connectivity.push(p.state));
    bus.emit('remote.status', { name: 'admin', status: 'loaded' });
    bus.emit('connectivity.changed', { state: 'offline', pending: 2 });
    expect(ready).toEqual(['admin:loaded']);
    expect(connectivity).toEqual(['offline']);
  });

  it('stops delivering after unsubscribe and lists everything on all()', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    const names: string[] = [];
    const sub = bus.on('notification.toast').subscribe((p) => seen.push(p.message));
    bus.all().subscribe((m) => names.push(m.name));
    bus.emit('notification.toast', { kind: 'info', message: 'one' });
    sub.unsubscribe();
    bus.emit('notification.toast', { kind: 'info', message: 'two' });
    expect(seen).toEqual(['one']);
    expect(names).toEqual(['notification.toast', 'notification.toast']);
  });
});
