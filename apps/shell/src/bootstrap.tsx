import { createRoot } from 'react-dom/client';
import { start } from 'single-spa';
import { App } from './app/app';
import { ServicesContext } from './core/services-context';
import { createShellServices } from './app/shell-services';

const services = createShellServices();
// single-spa routes the remotes' applications; the shell's own screens render in React.
start({ urlRerouteOnly: true });

createRoot(document.getElementById('root')!).render(
  <ServicesContext.Provider value={services}>
    <App />
  </ServicesContext.Provider>,
);
