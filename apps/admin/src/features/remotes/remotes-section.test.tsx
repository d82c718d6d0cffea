import { type Feature, FEATURES, type Remote } from '@pos/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithHost } from '../../testing/fake-host';
import { RemotesSection } from './remotes-section';

const admin: Remote = { name: 'admin', feature: 'admin', version: '1.0.0-test', manifestUrl: '/remotes/admin/1.0.0-test/mf-manifest.json', updatedAt: '2025-03-01T10:00:00Z' };
const loyalty: Remote = { name: 'loyalty', feature: 'loyalty', version: '2.1.0', manifestUrl: 'https://cdn.example.com/loyalty/entry.json', updatedAt: '2025-03-01T10:00:00Z' };

function setup() {
  const api = {
    remotes: jest.fn(async () => ({ remotes: [admin, loyalty] })),
    featureFlags: jest.fn(async () => ({ flags: { ...(Object.fromEntries(FEATURES.map((f) => [f, true])) as Record<Feature, boolean>), loyalty: false } })),
    saveRemote: jest.fn(async (name: string, body: { version: string; manifestUrl: string }) => ({ ...admin, name, ...body })),
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
    expect(screen.getByText('Начинается с https://, http:// или /')).toBeInTheDocument();
    expect(screen.queryByTestId('remote-publish')).not.toBeInTheDocument();
    expect(api.saveRemote).not.toHaveBeenCalled();
  });
});
