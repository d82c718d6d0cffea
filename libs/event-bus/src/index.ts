export { createEventBus } from './event-bus';
export type { BusMessage, EventBus } from './event-bus';
