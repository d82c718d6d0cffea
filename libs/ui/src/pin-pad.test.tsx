import { act, fireEvent, render, screen } from '@testing-library/react';
import { PinPad } from './pin-pad';

describe('PinPad', () => {
  it('sends the PIN on OK only, after erasing and with as many digits as typed', async () => {
    const done = jest.fn();
    render(<PinPad onComplete={done} />);
    fireEvent.click(screen.getByText('1'));
    fireEvent.click(screen.getByText('2'));
    fireEvent.click(screen.getByLabelText('⌫'));
    for (const d of ['2', '2', '2']) fireEvent.click(screen.getByText(d));
    await act(async () => undefined);
    expect(done).not.toHaveBeenCalled();
    for (const d of ['3', '3']) fireEvent.click(screen.getByText(d));
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect(done).toHaveBeenCalledWith('122233');
  });

  it('does not send fewer digits than the minimum, nor more than the maximum', () => {
    const done = jest.fn();
    render(<PinPad onComplete={done} />);
    for (const d of ['5', '5', '5']) fireEvent.click(screen.getByText(d));
    expect(screen.getByTestId('pin-submit')).toBeDisabled();
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect(done).not.toHaveBeenCalled();
    for (let i = 0; i < 7; i++) fireEvent.click(screen.getByText('6'));
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect(done).toHaveBeenCalledWith('55566666');
  });

  it('takes digits and Enter from the keyboard', () => {
    const done = jest.fn();
    render(<PinPad onComplete={done} />);
    for (const key of ['9', '9', '9', '9', '9', '9']) fireEvent.keyDown(window, { key });
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(done).toHaveBeenCalledWith('999999');
  });

  it('reads the progress out in a live status, the dots being hidden from screen readers', () => {
    render(<PinPad onComplete={jest.fn()} labels={{ clear: 'C', erase: '⌫', submit: 'OK', progress: (n) => `${n} digits` }} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('0 digits');
    fireEvent.click(screen.getByText('4'));
    fireEvent.click(screen.getByText('2'));
    expect(status).toHaveTextContent('2 digits');
    fireEvent.click(screen.getByLabelText('C'));
    expect(status).toHaveTextContent('0 digits');
  });
});
