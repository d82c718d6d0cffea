import { devicesTexts } from './features/devices/texts';
import { flagsTexts } from './features/feature-flags/texts';
import { paymentSettingsTexts } from './features/payment-settings/texts';
import { remotesTexts } from './features/remotes/texts';
import { rolesTexts } from './features/roles/texts';
import { staffTexts } from './features/staff/texts';
import { stockTexts } from './features/stock/texts';
import { tillsTexts } from './features/tills/texts';

/** The admin remote's namespace ('admin'): the frame's words here, each section's in its folder. */
export const adminTexts = {
  ru: {
    nav: 'Администрирование',
    title: 'Администрирование',
    version: 'версия {{version}}',
    noAccess: 'У вас нет прав ни на один раздел администрирования.',
    needsNetwork: 'Нет связи с сервером: настройки можно смотреть, но изменения сохранятся только когда сеть вернётся.',
    sections: { flags: 'Функции', roles: 'Роли и права', staff: 'Персонал', devices: 'Устройства', tills: 'Кассы', stock: 'Стоп-лист', payments: 'Платежи', remotes: 'Модули' },
    roleNames: { waiter: 'Официант', cashier: 'Кассир', supervisor: 'Старший смены', cook: 'Повар', admin: 'Администратор' },
    flags: flagsTexts.ru,
    roles: rolesTexts.ru,
    staff: staffTexts.ru,
    devices: devicesTexts.ru,
    tills: tillsTexts.ru,
    stock: stockTexts.ru,
    payments: paymentSettingsTexts.ru,
    remotes: remotesTexts.ru,
  },
  en: {
    nav: 'Admin',
    title: 'Administration',
    version: 'version {{version}}',
    noAccess: 'You have no permission for any administration section.',
    needsNetwork: 'No connection to the server: you can look, but changes can only be saved once the network is back.',
    sections: { flags: 'Features', roles: 'Roles & permissions', staff: 'Staff & PINs', devices: 'Devices', tills: 'Tills', stock: 'Stop-list', payments: 'Payments', remotes: 'Modules' },
    roleNames: { waiter: 'Waiter', cashier: 'Cashier', supervisor: 'Supervisor', cook: 'Cook', admin: 'Admin' },
    flags: flagsTexts.en,
    roles: rolesTexts.en,
    staff: staffTexts.en,
    devices: devicesTexts.en,
    tills: tillsTexts.en,
    stock: stockTexts.en,
    payments: paymentSettingsTexts.en,
    remotes: remotesTexts.en,
  },
};
