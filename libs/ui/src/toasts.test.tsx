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

describe('ToastStack close button', () => {
  const linked: Toast = { id: 'a', kind: 'success', message: 'Table 5 ready', href: '/order/o1' };

  it('gives every toast a close button named by the caller', () => {
    render(<ToastStack toasts={[linked, { id: 'b', kind: 'info', message: 'Saved' }]} onDismiss={jest.fn()} closeLabel="Закрыть уведомление" />);
    expect(screen.getAllByRole('button', { name: 'Закрыть уведомление' })).toHaveLength(2);
  });

  it('closing a toast dismisses it without opening its screen', () => {
    const onOpen = jest.fn();
    const onDismiss = jest.fn();
    render(<ToastStack toasts={[linked]} onDismiss={onDismiss} onOpen={onOpen} closeLabel="Close notification" />);
    fireEvent.click(screen.getByRole('button', { name: 'Close notification' }));
    expect(onDismiss).toHaveBeenCalledWith('a');
    expect(onOpen).not.toHaveBeenCalled();
  });
});
