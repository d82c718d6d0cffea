import { createNativeBridgeTerminal } from './native-bridge';
import { createSimulatorTerminal } from './simulator';
import type { PaymentTerminal } from './terminal';

export { newOperationKey } from './terminal';
export type { PaymentTerminal, TerminalPaymentRequest, TerminalResult } from './terminal';
export { createSimulatorTerminal, parseSimulatorMode, SIMULATOR_SETTING_KEY } from './simulator';
export { createNativeBridgeTerminal, parseTerminalResult } from './native-bridge';

/** The tablet's SoftPOS when the native app provides it, otherwise the simulator. */
export function defaultTerminal(): PaymentTerminal {
  const bridge = typeof window !== 'undefined' ? window.PosNativeBridge : undefined;
  return bridge ? createNativeBridgeTerminal(bridge) : createSimulatorTerminal();
}
