import { fireEvent, render, screen } from '@testing-library/react';
import { type Toast, ToastStack } from './toasts';

describe('ToastStack', () => {
  const linked: Toast = { id: 'a', kind: 'success', message: 'Table 5 ready', href: '/order/o1' };
  const plain: Toast = { id: 'b', kind: 'info', message: 'Saved' };

  it('stacks toasts as tappable buttons inside status regions', () => {
    render(<ToastStack toasts={[linked, plain]} onDismiss={jest.fn()} />);
    const toasts = screen.getAllByTestId('toast');
    expect(toasts).toHaveLength(2);
    expect(toasts[0]!.tagName).toBe('BUTTON');
    expect(screen.getAllByRole('status')).toHaveLength(2);
  });

  it('tapping a toast with an href opens it and dismisses it', () => {
    const onOpen = jest.fn();
    const onDismiss = jest.fn();
    render(<ToastStack toasts={[linked, plain]} onDismiss={onDismiss} onOpen={onOpen} />);
    fireEvent.click(screen.getByText('Table 5 ready'));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith(linked);
    expect(onDismiss).toHaveBeenCalledWith('a');
  });

  it('tapping a toast without an href only dismisses it', () => {
    const onOpen = jest.fn();
    const onDismiss = jest.fn();
    render(<ToastStack toasts={[linked, plain]} onDismiss={onDismiss} onOpen={onOpen} />);
    fireEvent.click(screen.getByText('Saved'));
    expect(onOpen).not.toHaveBeenCalled();
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledWith('b');
  });
});
