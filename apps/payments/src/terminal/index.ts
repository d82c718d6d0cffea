import { createNativeBridgeTerminal } from './native-bridge';
import { createSimulatorTerminal } from './simulator';
import type { PaymentTerminal } from './terminal';

export { newOperationKey } from './terminal';
export type { PaymentTerminal, TerminalCancelTarget, TerminalPaymentRequest, TerminalReferencedRequest, TerminalResult } from './terminal';
export { createSimulatorTerminal, parseSimulatorMode, SIMULATOR_SETTING_KEY } from './simulator';
export { createNativeBridgeTerminal, parseTerminalResult } from './native-bridge';
export type { PosNativeBridge } from './native-bridge';

/** The tablet's SoftPOS when the native app provides it, otherwise the simulator. */
export function defaultTerminal(): PaymentTerminal {
  const bridge = typeof window !== 'undefined' ? window.PosNativeBridge : undefined;
  return bridge ? createNativeBridgeTerminal(bridge) : createSimulatorTerminal();
}

let tablet: PaymentTerminal | undefined;
/**
 * The one terminal of this tablet session, shared by the pay dialog and refunds: the simulator
 * remembers its transactions, so a refund finds the sale it gives back.
 */
export const tabletTerminal = (): PaymentTerminal => (tablet ??= defaultTerminal());
