import { HostProvider } from '@pos/plugin-sdk';
import { act, render, screen, waitFor } from '@testing-library/react';
import { testHost } from '../testing/fixtures';
import { cameraProblem, QrCamera } from './qr-camera';
import { startQrScanner } from './load-qr-scanner';

jest.mock('./load-qr-scanner', () => ({ startQrScanner: jest.fn() }));
const start = startQrScanner as jest.MockedFunction<typeof startQrScanner>;

function renderCamera(onCode: (data: string) => void) {
  const host = testHost();
  return render(
    <HostProvider host={host}>
      <QrCamera onCode={onCode} />
    </HostProvider>,
  );
}

describe('QrCamera', () => {
  beforeEach(() => start.mockReset());

  it('hands over the first code read and stops the camera, however often the scanner reads it again', async () => {
    let decode: (data: string) => void = () => undefined;
    const stop = jest.fn();
    start.mockImplementation(async (_video, onCode) => {
      decode = onCode;
      return { stop };
    });
    const onCode = jest.fn();
    renderCamera(onCode);
    await waitFor(() => expect(screen.getByTestId('loyalty-camera')).toHaveAttribute('data-state', 'scanning'));
    expect(start).toHaveBeenCalledWith(expect.any(HTMLVideoElement), expect.any(Function));
    act(() => {
      decode('PQ1.a.b.c');
      decode('PQ1.a.b.c');
    });
    expect(onCode).toHaveBeenCalledTimes(1);
    expect(onCode).toHaveBeenCalledWith('PQ1.a.b.c');
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('stops the camera when it goes away', async () => {
    const stop = jest.fn();
    start.mockResolvedValue({ stop });
    const view = renderCamera(jest.fn());
    await waitFor(() => expect(screen.getByTestId('loyalty-camera')).toHaveAttribute('data-state', 'scanning'));
    view.unmount();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('says the camera is not allowed, in words the cashier can act on', async () => {
    start.mockRejectedValue(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }));
    renderCamera(jest.fn());
    expect(await screen.findByRole('alert')).toHaveTextContent('Нет доступа к камере');
  });
});

describe('cameraProblem', () => {
  it('maps the browser’s and qr-scanner’s errors', () => {
    expect(cameraProblem(Object.assign(new Error('x'), { name: 'NotAllowedError' }))).toEqual({ kind: 'denied' });
    expect(cameraProblem(Object.assign(new Error('x'), { name: 'NotFoundError' }))).toEqual({ kind: 'noCamera' });
    expect(cameraProblem('Camera not found.')).toEqual({ kind: 'noCamera' });
    expect(cameraProblem(new Error('Device busy'))).toEqual({ kind: 'failed', message: 'Device busy' });
  });
});
