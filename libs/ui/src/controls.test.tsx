import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { CountPicker } from './count-picker';
import { MoneyInput, moneyToText } from './money-input';
import { QuantityStepper } from './quantity-stepper';
import { Tabs } from './tabs';

describe('QuantityStepper', () => {
  it('steps within min and max', () => {
    const change = jest.fn();
    render(<QuantityStepper value={1} min={1} max={2} onChange={change} testId="q" />);
    expect(screen.getByTestId('q-dec')).toBeDisabled();
    fireEvent.click(screen.getByTestId('q-inc'));
    expect(change).toHaveBeenCalledWith(2);
  });
});

describe('CountPicker', () => {
  it('picks a quick number and clamps the stepper', () => {
    function Host() {
      const [n, setN] = useState(2);
      return (
        <>
          <CountPicker value={n} onChange={setN} max={9} testId="g" />
          <output data-testid="value">{n}</output>
        </>
      );
    }
    render(<Host />);
    fireEvent.click(screen.getByTestId('g-8'));
    fireEvent.click(screen.getByTestId('g-stepper-inc'));
    fireEvent.click(screen.getByTestId('g-stepper-inc'));
    expect(screen.getByTestId('value')).toHaveTextContent('9');
  });
});

describe('MoneyInput', () => {
  it('parses what the cashier types into minor units and shows amounts set from outside', () => {
    const change = jest.fn();
    const { rerender } = render(<MoneyInput value={null} onChange={change} testId="m" />);
    fireEvent.change(screen.getByTestId('m'), { target: { value: '1 250,5' } });
    expect(change).toHaveBeenLastCalledWith(125050);
    fireEvent.change(screen.getByTestId('m'), { target: { value: 'abc' } });
    expect(change).toHaveBeenLastCalledWith(null);
    rerender(<MoneyInput value={500000} onChange={change} testId="m" />);
    expect(screen.getByTestId('m')).toHaveValue('5000');
  });

  it('writes amounts the way they are typed', () => {
    expect(moneyToText(125050)).toBe('1250,5');
    expect(moneyToText(100)).toBe('1');
    expect(moneyToText(5)).toBe('0,05');
  });
});

describe('Tabs', () => {
  it('marks the selected tab and reports taps', () => {
    const change = jest.fn();
    render(<Tabs items={[{ id: 'a', label: 'A' }, { id: 'b', label: 'B', badge: 3 }]} value="a" onChange={change} />);
    expect(screen.getByRole('tab', { name: 'A' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(screen.getByRole('tab', { name: /B/ }));
    expect(change).toHaveBeenCalledWith('b');
  });
});
