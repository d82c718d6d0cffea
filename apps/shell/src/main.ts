// The federation host's entry: everything else loads after the shared-module negotiation.
import { registerServiceWorker } from './core/register-sw';

registerServiceWorker();
import('./bootstrap');
