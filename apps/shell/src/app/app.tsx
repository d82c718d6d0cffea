import { HostProvider } from '@pos/plugin-sdk';
import { lazy, Suspense } from 'react';
import { useServices, useSubject } from '../core/services-context';
import { LoginScreen } from '../features/login/login-screen';

// The signed-in frame (header, navigation, outbox panel, approval dialog, slots) is its own chunk:
// the PIN pad's first load does without it.
// (createShellServices warms it up once the PIN pad is on screen.)
const SignedIn = lazy(() => import('./signed-in').then((m) => ({ default: m.SignedIn })));

export function App() {
  const services = useServices();
  const session = useSubject(services.session$);
  if (!session) return <LoginScreen />;
  return (
    <HostProvider host={services.host()}>
      <Suspense fallback={null}>
        <SignedIn key={`${session.venue.id}:${session.staff.id}`} />
      </Suspense>
    </HostProvider>
  );
}
