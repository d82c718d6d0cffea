import { act, fireEvent, render, screen } from '@testing-library/react';
import { PinPad } from './pin-pad';

describe('PinPad', () => {
  it('completes after four digits, erases and clears', async () => {
    const done = jest.fn();
    render(<PinPad onComplete={done} />);
    fireEvent.click(screen.getByText('1'));
    fireEvent.click(screen.getByText('2'));
    fireEvent.click(screen.getByLabelText('⌫'));
    for (const d of ['2', '2', '2']) fireEvent.click(screen.getByText(d));
    await act(async () => undefined);
    expect(done).toHaveBeenCalledWith('1222');
  });

  it('takes digits from the keyboard', async () => {
    const done = jest.fn();
    render(<PinPad onComplete={done} />);
    for (const key of ['9', '9', '9', '9']) fireEvent.keyDown(window, { key });
    await act(async () => undefined);
    expect(done).toHaveBeenCalledWith('9999');
  });
});
