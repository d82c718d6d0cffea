import { HostProvider } from '@pos/plugin-sdk';
import { Suspense } from 'react';
import { useServices, useSubject } from '../core/services-context';
import { LoginScreen } from '../features/login/login-screen';
import { SignedInFrame as SignedIn } from './signed-in-frame';

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
