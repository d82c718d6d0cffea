import { PERMISSIONS } from '@pos/contracts';
import { rolesTexts } from './texts';

describe('role texts', () => {
  it('name every permission in both languages (a new one would show as its raw key)', () => {
    for (const language of ['ru', 'en'] as const) {
      const labels: Record<string, string> = rolesTexts[language].perm;
      const missing = PERMISSIONS.filter((p) => !labels[p.replace(/\./g, '_')]);
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });
});
