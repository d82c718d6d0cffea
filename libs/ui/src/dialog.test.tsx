import { fireEvent, render, screen } from '@testing-library/react';
import { Dialog } from './dialog';

describe('Dialog', () => {
  it('is a modal dialog named by its title', () => {
    render(
      <Dialog title="Table 7: how many guests?" onClose={jest.fn()}>
        body
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Table 7: how many guests?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
  });

  it('Escape closes it', () => {
    const onClose = jest.fn();
    render(
      <Dialog title="Seat" onClose={onClose}>
        body
      </Dialog>,
    );
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(document, { key: 'Enter' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Escape closes only the topmost of nested dialogs, then the one below', () => {
    const closeOuter = jest.fn();
    const closeInner = jest.fn();
    const { rerender } = render(
      <Dialog title="Pay" onClose={closeOuter}>
        <Dialog title="Confirm" onClose={closeInner}>
          inner
        </Dialog>
      </Dialog>,
    );
    fireEvent.keyDown(screen.getByText('inner'), { key: 'Escape' });
    expect(closeInner).toHaveBeenCalledTimes(1);
    expect(closeOuter).not.toHaveBeenCalled();

    rerender(
      <Dialog title="Pay" onClose={closeOuter}>
        outer
      </Dialog>,
    );
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(closeOuter).toHaveBeenCalledTimes(1);
    expect(closeInner).toHaveBeenCalledTimes(1);
  });

  it('Escape closes the dialog opened last when dialogs are siblings', () => {
    const closeFirst = jest.fn();
    const closeSecond = jest.fn();
    const first = (
      <Dialog key="first" title="Order" onClose={closeFirst}>
        first
      </Dialog>
    );
    const { rerender } = render(<>{first}</>);
    rerender(
      <>
        {first}
        <Dialog key="second" title="Void" onClose={closeSecond}>
          second
        </Dialog>
      </>,
    );
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(closeSecond).toHaveBeenCalledTimes(1);
    expect(closeFirst).not.toHaveBeenCalled();
  });

  it('leaves an Escape a field inside already handled alone', () => {
    const onClose = jest.fn();
    render(
      <Dialog title="Search" onClose={onClose}>
        <input aria-label="query" onKeyDown={(e) => e.key === 'Escape' && e.preventDefault()} />
      </Dialog>,
    );
    fireEvent.keyDown(screen.getByLabelText('query'), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });
});
