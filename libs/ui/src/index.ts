import './tokens.css';

export { Button } from './button';
export type { ButtonProps } from './button';
export { Dialog } from './dialog';
export type { DialogProps } from './dialog';
export { Money } from './money';
export { PinPad } from './pin-pad';
export type { PinPadProps } from './pin-pad';
export { ToastStack } from './toasts';
export type { Toast } from './toasts';
