import { type Feature, FEATURES, type Remote } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithHost } from '../../testing/fake-host';
import { RemotesSection } from './remotes-section';

const HASH = `sha384-${'Q'.repeat(64)}`;
const admin: Remote = { name: 'admin', feature: 'admin', version: '1.0.0-test', manifestUrl: '/remotes/admin/1.0.0-test/mf-manifest.json', integrity: HASH, updatedAt: '2025-03-01T10:00:00Z' };
const loyalty: Remote = { name: 'loyalty', feature: 'loyalty', version: '2.1.0', manifestUrl: 'https://cdn.example.com/loyalty/entry.json', updatedAt: '2025-03-01T10:00:00Z' };

function setup() {
  const api = {
    remotes: jest.fn(async () => ({ remotes: [admin, loyalty] })),
    featureFlags: jest.fn(async () => ({ flags: { ...(Object.fromEntries(FEATURES.map((f) => [f, true])) as Record<Feature, boolean>), loyalty: false } })),
    saveRemote: jest.fn<Promise<Remote>, [string, { version: string; manifestUrl: string }]>(async (name, body) => ({ ...admin, name, ...body })),
  };
  return { api, ...renderWithHost(<RemotesSection />, { api }) };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('RemotesSection', () => {
  it('lists the registry with the running admin version', async () => {
    setup();
    const row = await screen.findByTestId('remote-admin');
    expect(row).toHaveTextContent('1.0.0-test');
    expect(row).toHaveTextContent('/remotes/admin/1.0.0-test/mf-manifest.json');
    expect(screen.getByText('Этот экран работает на admin 1.0.0-test')).toBeInTheDocument();
    expect(await screen.findByText('функция выключена')).toBeInTheDocument();
    // The hash the server keeps for each entry; a remote without one will not load.
    expect(screen.getByTestId('remote-integrity-admin')).toHaveTextContent('sha384 QQQQQQQQQQQQ…');
    expect(screen.getByTestId('remote-integrity-loyalty')).toHaveTextContent('нет хэша сборки — не загрузится');
  });

  it('publishes a new version after a confirmation; the manifest URL follows the version', async () => {
    const { api, host } = setup();
    fireEvent.click(await screen.findByTestId('remote-edit-admin'));
    type('remote-version', '1.0.1');
    expect(screen.getByTestId('remote-manifest')).toHaveValue('/remotes/admin/1.0.1/mf-manifest.json');
    fireEvent.click(screen.getByTestId('remote-review'));
    expect(screen.getByRole('dialog')).toHaveTextContent('Опубликовать admin 1.0.1?');
    expect(api.saveRemote).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('remote-publish'));
    await waitFor(() => expect(api.saveRemote).toHaveBeenCalledWith('admin', { version: '1.0.1', manifestUrl: '/remotes/admin/1.0.1/mf-manifest.json' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(host.notify).toHaveBeenCalledWith('success', 'Опубликовано: admin 1.0.1');
  });

  it('checks the version and URL before asking', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByTestId('remote-edit-loyalty'));
    type('remote-version', '2.2.0 beta');
    type('remote-manifest', 'cdn.example.com/x.json');
    fireEvent.click(screen.getByTestId('remote-review'));
    expect(screen.getByText('Латиница, цифры и . + -')).toBeInTheDocument();
    expect(screen.getByText('Путь с / или URL с https:// — без «..», «//», «\\», %-кодов, ? и #')).toBeInTheDocument();
    expect(screen.queryByTestId('remote-publish')).not.toBeInTheDocument();
    for (const trick of ['//evil.example/remotes/loyalty/2.2.0/mf-manifest.json', '/remotes/loyalty/../admin/1.0.0/mf-manifest.json', '/remotes/loyalty/%2e%2e/mf-manifest.json', '/remotes\\loyalty\\mf-manifest.json']) {
      type('remote-version', '2.2.0');
      type('remote-manifest', trick);
      fireEvent.click(screen.getByTestId('remote-review'));
      expect(screen.queryByTestId('remote-publish')).not.toBeInTheDocument();
    }
    expect(api.saveRemote).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of the manifest URL at its field, not as a toast', async () => {
    const { api, host } = setup();
    api.saveRemote.mockRejectedValueOnce(
      new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'remote.build_not_found', errors: [{ path: 'body.manifestUrl', message: 'No build at /remotes/admin/1.0.2/mf-manifest.json' }] }),
    );
    fireEvent.click(await screen.findByTestId('remote-edit-admin'));
    type('remote-version', '1.0.2');
    fireEvent.click(screen.getByTestId('remote-review'));
    fireEvent.click(screen.getByTestId('remote-publish'));
    expect(await screen.findByText('No build at /remotes/admin/1.0.2/mf-manifest.json')).toBeInTheDocument();
    expect(screen.getByTestId('remote-manifest')).toHaveValue('/remotes/admin/1.0.2/mf-manifest.json');
    expect(host.notify).not.toHaveBeenCalled();
    // Another URL clears it.
    type('remote-version', '1.0.3');
    expect(screen.queryByText('No build at /remotes/admin/1.0.2/mf-manifest.json')).not.toBeInTheDocument();
  });
});
